import sys
import gc

class Node:
    __slots__ = ("value", "next")

    def __init__(self, value, next=None):
        self.value = value
        self.next = next

head = None
for v in range(5):
    head = Node(v, head)
values = []
node = head
while node:
    values.append(node.value)
    node = node.next
print(values)
print(sys.getsizeof(head), sys.getsizeof(Node(0)))
print(sys.getrefcount(head.next))
print(gc.is_tracked(head))
def length(n):
    return 0 if n is None else 1 + length(n.next)
print(length(head))
head.next.next = None
print(length(head))
