import sys

r = reversed([1, 2, 3])
print(type(r).__name__, sys.getsizeof(r))
print(list(r))
print(list(reversed("abc")), list(reversed(range(4))))
print(type(reversed(range(3))).__name__, type(reversed((1, 2))).__name__)
print(list(reversed({"a": 1, "b": 2})))
class Rev:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return "xyz"[i]
print(list(reversed(Rev())))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
words = ["banana", "Apple", "cherry"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
