# Module-level names run on the module's dict (LOAD_NAME/STORE_NAME on exact dicts): the
# module's locals are its globals, builtins come third, and a global shadows a builtin.
print(len("abc"), type(len).__name__)
len = lambda s: 42
print(len("abc"))
del len
print(len("abc"))
counter = 0
for i in range(5):
    counter += i
print(counter, i)

# A class body reads its own names first, then the module's, then the builtins.
x = "module"


class C:
    y = x + "!"
    x = "class"
    z = x + "?"
    n = len(z)
    del x


print(C.y, C.z, C.n, x, hasattr(C, "x"))

# A name missing everywhere: NameError, with CPython's suggestion when uncaught.
try:
    print(countr)
except NameError as e:
    print(type(e).__name__, e, e.name)
print(conter)
