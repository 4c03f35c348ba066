# dir() of subclasses of list, dict and the exceptions, of their instances, and of plain
# classes: the instance's own names, then the names along the MRO, sorted without repeats.
class Stack(list):
    """A list with push and peek."""

    def push(self, item):
        self.append(item)

    def peek(self):
        return self[-1]


s = Stack()
s.push(1)
s.label = "mine"
print(dir(Stack))
print(dir(s))
print([n for n in dir(s) if not n.startswith("__")])


class Registry(dict):
    kind = "registry"


print([n for n in dir(Registry()) if not n.startswith("__")])
print(dir(Registry) == sorted(set(dir(Registry))), "kind" in dir(Registry))
