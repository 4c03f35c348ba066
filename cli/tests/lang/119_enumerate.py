import sys
import gc

e = enumerate(["a", "b", "c"])
print(type(e).__name__, sys.getsizeof(e))
print(next(e), list(e))
for i, ch in enumerate("xyz", start=1):
    print(i, ch)
print(list(enumerate([], 5)), list(enumerate("ab", -1)))
print(gc.is_tracked(enumerate([])))
e2 = enumerate(range(10 ** 6))
print(sys.getsizeof(e2), next(e2))
print(iter(e2) is e2)
words = ["zero", "one", "two"]
print({w: i for i, w in enumerate(words)})
print(dict(enumerate("abc")))
