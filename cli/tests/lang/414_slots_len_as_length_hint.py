# list(), tuple(), extend() and sorted() take a length hint from __len__ after __iter__.
class Team:
    def __init__(self, *n): self.n = n
    def __iter__(self):
        print("  __iter__")
        return iter(self.n)
    def __len__(self):
        print("  __len__")
        return len(self.n)
t = Team(1, 2)
print(list(t)); print(tuple(t))
l = [0]; l.extend(t); print(l)
print(sorted(t)); print(set(t)); print(dict.fromkeys(t))
a, b = t
print(a, b, " ".join(map(str, t)))
class Liar:
    def __iter__(self): return iter("abc")
    def __len__(self): return 1000
print(list(Liar()), tuple(Liar()), len(Liar()))
class BadLen:
    def __iter__(self): return iter([1])
    def __len__(self): raise TypeError("no len")
print(list(BadLen()), tuple(BadLen()))
class NegLen:
    def __iter__(self): return iter([1])
    def __len__(self): return -5
for f in (list, tuple):
    try: f(NegLen())
    except ValueError as e: print("ValueError:", e)
