import sys

x = [1, 2, 3]
y = x
print(sys.getrefcount(x))
del x
print(sys.getrefcount(y))
try:
    print(x)
except NameError as e:
    print("NameError:", e)
a, b, c = 1, 2, 3
del a, b
print("a" in dir(), "c" in dir())
def f():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
try:
    del undefined_thing
except NameError as e:
    print("NameError:", e)
class K:
    attr = 1
del K.attr
print(hasattr(K, "attr"))
