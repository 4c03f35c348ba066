# __repr__/__str__/__len__ on subclasses of int, str, tuple, set and float, with super() and the base's methods.
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
