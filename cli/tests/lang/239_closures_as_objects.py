import sys

def make_stack():
    items = []
    def push(x):
        items.append(x)
    def pop():
        return items.pop()
    def size():
        return len(items)
    return push, pop, size

push, pop, size = make_stack()
push(1)
push(2)
print(pop(), size())
cells = [f.__closure__[0] for f in (push, pop, size)]
print(all(c is cells[0] for c in cells))
print(sys.getrefcount(cells[0].cell_contents))
class Stack:
    def __init__(self):
        self.items = []
s = Stack()
print(sys.getsizeof(s) + sys.getsizeof(s.__dict__) > 0, sys.getsizeof(push) == sys.getsizeof(pop))
print(push.__code__.co_freevars, make_stack.__code__.co_cellvars)
