a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b, a is c, a is not b)
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 == 2)
x = 5
print(0 <= x < 10, x != 5, not x == 5)
print("abc" < "abd", "Z" < "a", [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
print(2 in a, 4 not in a, "ell" in "hello")
one = 1
print(None is None, 1 == 1.0, one is not None)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(0) < v(5))
print(calls)
print({1: 2} == {1: 2}, {1, 2} == {2, 1})
print(min([3, 1, 2]), max("hello"), sorted([3, 1, 2], reverse=True))
