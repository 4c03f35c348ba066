# list subclasses: super().__init__, list.__init__(self, ...), __bool__ over list's truth.
class L(list):
    def __init__(self, items, tag):
        super().__init__(items)
        self.tag = tag
l = L((1, 2), "t")
print(l, l.tag, type(l).__name__)
class L2(list):
    def __init__(self, *a):
        list.__init__(self, *a)
print(L2("ab"), L2())
k = [5]
list.__init__(k, "xy"); print(k)
list.__init__(k); print(k)
class Stack(list):
    def push(self, x): self.append(x)
    def __repr__(self): return "Stack" + list.__repr__(self)
    def __bool__(self): return len(self) > 1
s = Stack(); s.push(1)
print(s, bool(s), not s)
s.push(2); print(s, bool(s))
