# Recursive reprs, copies, reduce, iteration over fields.
from recordclass import recordclass, dataobject

Node = recordclass("Node", "value next")
n = Node(1, None)
n.next = n
print(n)
m = Node(2, [n])
print(m)
c = Node(1, [2]).__copy__()
print(c, Node(1, 2).__copy__(), Node(1, 2).__reduce__()[1])


class Box(dataobject):
    item: object


b = Box(None)
b.item = b
print(b)
print(Box(1).__reduce__()[1], Box(1).__getstate__())
print([v for v in Node(5, 6)], dict(zip(Node.__fields__, Node(5, 6))))
