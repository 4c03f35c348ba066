class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for child in self.children:
            yield from child

    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()

t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3))
print(list(t))
print(list(t.leaves()))
print(sum(t), 4 in t, max(t))
class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        n = self.start
        while n:
            yield n
            n -= 1
c = Countdown(3)
print(list(c), list(c))
