import sys
import functools

def plain(fn):
    def wrapper(*args):
        return fn(*args)
    return wrapper

def original(x):
    return x

wrapped = plain(original)
print(sys.getrefcount(original))
print(wrapped.__closure__[0].cell_contents is original)
print(sys.getsizeof(wrapped) == sys.getsizeof(original))
@functools.wraps(original)
def w2(*a):
    return original(*a)
print(w2.__wrapped__ is original, w2.__name__)
print(sys.getrefcount(original))
del wrapped, w2
print(sys.getrefcount(original))
def counted(fn):
    calls = 0
    def inner():
        nonlocal calls
        calls += 1
        return calls
    return inner
c = counted(None)
print(c(), c(), c.__code__.co_freevars)
