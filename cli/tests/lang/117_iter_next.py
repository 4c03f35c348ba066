import sys

l = [1, 2, 3]
it = iter(l)
print(type(it).__name__, sys.getsizeof(it))
print(next(it), next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
print(iter(it) is it)
s = "ab"
si = iter(s)
print(type(si).__name__, list(si), list(si))
t = iter((1, 2))
print(type(t).__name__, sys.getsizeof(t))
r = iter(range(3))
print(type(r).__name__, sys.getsizeof(r), list(r))
d = iter({"a": 1, "b": 2})
print(type(d).__name__, sys.getsizeof(d), list(d))
st = iter({1, 2})
print(type(st).__name__, sys.getsizeof(st))
print(sys.getrefcount(l))
keep = iter(l)
print(sys.getrefcount(l))
