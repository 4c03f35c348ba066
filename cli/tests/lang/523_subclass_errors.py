# Errors raised by built-in subclass instances name the subclass where CPython does.
class D(dict): pass
class St(set): pass
class I(int): pass
class T(tuple): pass
class S(str): pass
CASES = (
    lambda: hash(D()), lambda: hash(St()), lambda: I(1) < "a", lambda: T() < 1,
    lambda: S("a") + 1, lambda: I(1) + "a", lambda: len(I(3)), lambda: I(3)[0],
    lambda: iter(I(3)), lambda: T()[0], lambda: D()["x"], lambda: S("abc")[10],
    lambda: I(1)(), lambda: {T(([],)): 1}, lambda: -S("a"), lambda: T((1,)) + [2],
)
for f in CASES:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
