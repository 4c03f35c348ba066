import sys

z = zip([1, 2, 3], "abc")
print(type(z).__name__, sys.getsizeof(z))
print(list(z), list(z))
print(list(zip(range(5), "ab")))
print(list(zip()), list(zip([1, 2])))
names = ["ann", "bob"]
ages = [30, 40]
print(dict(zip(names, ages)))
pairs = [(1, "a"), (2, "b"), (3, "c")]
nums, letters = zip(*pairs)
print(nums, letters)
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(sys.getsizeof(zip([], [], [])))
m = [[1, 2, 3], [4, 5, 6]]
print(list(map(list, zip(*m))))
