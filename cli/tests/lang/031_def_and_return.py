import sys

def add(a, b):
    return a + b

def no_return():
    x = 1

def multi():
    return 1, "two", [3]

print(add(2, 3), add("a", "b"), add([1], [2]))
print(no_return())
r = multi()
print(r, type(r).__name__)
a, b, c = multi()
print(a, b, c)
print(add.__name__, type(add).__name__, callable(add))
def early(n):
    if n > 0:
        return "positive"
    return "not positive"
print(early(1), early(-1))
print(sys.getsizeof(add) > 0, add.__code__.co_argcount, add.__code__.co_varnames)
f = add
print(f is add, f(10, 20), sys.getrefcount(add))
