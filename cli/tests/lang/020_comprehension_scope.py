x = 10
result = [x * 2 for x in range(3)]
print(result, x)
def f():
    n = 3
    return [n * i for i in range(n)]
print(f())
class C:
    base = 5
    vals = [i for i in range(3)]
print(C.vals)
def g():
    funcs = [lambda: i for i in range(3)]
    return [fn() for fn in funcs]
print(g())
def h():
    funcs = [lambda i=i: i for i in range(3)]
    return [fn() for fn in funcs]
print(h())
print({k: v for k, v in zip("abc", range(3))})
y = [[j for j in range(i)] for i in range(4)]
print(y)
