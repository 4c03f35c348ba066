a = [1, 2, 3]
b = a
c = list(a)
print(a == b, a is b, a == c, a is c)
b.append(4)
print(a, c)
x = None
print(x is None, x == None)
s1 = "hello"
s2 = "".join(["hel", "lo"])
print(s1 == s2, s1 is s2, s1 is s2.__str__())
n1 = 1000
n2 = int("1000")
print(n1 == n2, n1 is n2)
small1 = int("100")
small2 = 100
print(small1 is small2)
t1 = (1, 2)
t2 = tuple([1, 2])
print(t1 == t2, t1 is t2)
print(type(a) is list, isinstance(a, list), type(True) is bool)
f1, f2 = float("1.5"), float("1.5")
print(f1 == f2, f1 is f2)
