# __iter__/__next__ as slots: checks on what __iter__ returns, StopIteration, inheritance.
class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), sum(Countdown(4)), max(Countdown(5)), 2 in Countdown(3), sorted(Countdown(3)))
class Team:
    def __init__(self, *names): self.names = names
    def __iter__(self): return iter(self.names)
    def __len__(self): return len(self.names)
t = Team("ann", "bob")
print(list(t), len(t), "bob" in t, dict.fromkeys(t), [n.upper() for n in t], *t)
class Gen:
    def __iter__(self):
        yield from range(3)
print(list(Gen()), list(zip(Gen(), Team("a", "b", "c"))), list(enumerate(Gen())))
class Sub(Countdown): pass
print(list(Sub(2)))
class I:
    def __iter__(self): return 5
class BadNext:
    def __iter__(self): return self
class NoIter: pass
for f in (lambda: iter(I()), lambda: [x for x in I()], lambda: next(BadNext()), lambda: list(BadNext()), lambda: list(NoIter()), lambda: next(NoIter())):
    try: f()
    except TypeError as e: print("TypeError:", e)
class Copyable:
    def __copy__(self): return "copied"
    def __reduce__(self): return "reduced"
print(Copyable().__copy__(), Copyable().__reduce__())
