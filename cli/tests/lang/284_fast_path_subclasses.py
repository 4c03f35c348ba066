# A list subclass, bools and big ints take the generic paths and keep their types.
class L(list):
    pass

lst = L([1, 2, 3])
print(lst[0], lst[-1], type(lst[:1]), type(lst + [4]))
lst[0] = 9
lst[-1] = 7
a, b, c = lst
print(lst, a, b, c, type(lst))
print(True < 2, True == 1, False + 0.5, 2 ** -1, 7 // 2.0, 7 % -2.5)
print(True + True, type(True & True), True ^ True, type(True | 0), -True)
print(type(True + 0), True - True, True * 2.5, True / 2, type(False // True))
big = 2**100
print(big + 1, big - big, big * 0, big // 3, big % 7, big > 1, -big < 1)
print(2**62 + 2**62, -(2**63) - 1, (2**31) * (2**31), 10**18 // -7, -(10**18) % 7)
m = {1: "one", 1.0: "float one", True: "true"}
print(m, m[1], m[True])
n = 0
while n < 5:
    n += 1
else:
    print("while done", n)
flag = None
print("none" if flag is None else "set", [] or "empty", 0 or 0.0 or "zero")
if not (1 == 1.0 and "a" != "b"):
    print("unreachable")
