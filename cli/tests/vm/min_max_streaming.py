# min() and max() compare as they iterate: an error leaves the rest of the iterator unread, a key function sees a list growing, and the argument errors are CPython's.
def g():
    yield 3
    yield "a"
    yield 1
    yield 2
it = g()
try:
    min(it)
except TypeError as e:
    print("TypeError:", e)
print(list(it))
it = iter([5, 2, None, 7, 8])
try:
    max(it)
except TypeError as e:
    print("TypeError:", e)
print(list(it))
calls = []
def key(x):
    calls.append(x)
    return -x
print(min(iter([3, 1, 2]), key=key), calls)
print(max([3, 1, 2], default=0), min([], default="empty"), min(4, 2, 8), max("hello"))
for bad in (lambda: min(), lambda: min(1), lambda: max([]), lambda: min(1, 2, default=3), lambda: min([1], bogus=2)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
l = [1, 2, 3]
def grow(x):
    if len(l) < 6:
        l.append(x + 10)
    return x
print(max(l, key=grow), l)
def h():
    yield 1
    raise KeyError("inner")
try:
    max(h())
except KeyError as e:
    print("KeyError:", e)
