x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def make():
    n = 5
    return (n * i for i in range(3))
print(list(make()))
try:
    gen = (1 / d for d in [1, 0])
    print(next(gen))
    print(next(gen))
except ZeroDivisionError as e:
    print("raised lazily:", e)
try:
    bad = (y for y in 5)
except TypeError as e:
    print("raised eagerly:", e)
class C:
    items = [1, 2]
    doubled = list(v * 2 for v in items)
print(C.doubled)
