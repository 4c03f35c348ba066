# __repr__/__str__/__len__ and the binary operators on subclasses of built-in types, with
# super() and the base's methods; the base's in-place operator before the class's __add__.
class MyInt2(int):
    def __repr__(self): return f"MyInt2({int(self)})"
class S(str):
    def __str__(self): return "S!" + self.upper()
    def __repr__(self): return "S(" + super().__repr__() + ")"
class T(tuple):
    def __repr__(self): return "T" + tuple.__repr__(self)
    def __len__(self): return 99
class St(set):
    def __repr__(self): return "St" + repr(sorted(self))
class F(float):
    def __str__(self): return "%.1f" % self
i, s, t, st, f = MyInt2(5), S("ab"), T((1, 2)), St({3, 1}), F(2.25)
for x in (i, s, t, st, f):
    print(x, repr(x), str(x), f"{x}", f"{x!r}", [x], "%s %r" % (x, x), format(x))
print(len(t), bool(T()), len(s), s[0], t[1], i + 1, repr(i + 1))
class V(list):
    def __add__(self, other):
        return V(a + b for a, b in zip(self, other))
    def __radd__(self, other):
        return "radd"
    def __mul__(self, k):
        return V(a * k for a in self)
v = V([1, 2])
print(v + [10, 20], type(v + v).__name__, [5] + v, v * 3, 3 * v)
v += [1, 1]; print(v, type(v).__name__)
class W(list): pass
w = W([1]); w += [2]; w *= 2; print(w, type(w).__name__, w + [3], type(w + [3]).__name__)
class Money(int):
    def __add__(self, o): return Money(int(self) + int(o))
    __radd__ = __add__
    def __repr__(self): return f"${int(self)}"
m = Money(5)
print(m + 1, 1 + m, sum([m, m, m]), m - 1, m * 2)
m += 10; print(m)
class Path(str):
    def __truediv__(self, o): return Path(self + "/" + o)
print(Path("a") / "b" / "c", repr(Path("a") / "b"))
