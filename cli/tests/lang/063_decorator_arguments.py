def repeat(times):
    def decorator(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return decorator

@repeat(3)
def hi(name):
    return "hi " + name

print(hi("bo"))
def prefix(text, sep=": "):
    def deco(fn):
        def inner(*a, **k):
            return text + sep + str(fn(*a, **k))
        return inner
    return deco
@prefix("result")
def compute(x, y=1):
    return x * y
@prefix("sum", sep=" = ")
def total(*n):
    return sum(n)
print(compute(6, y=7), total(1, 2, 3))
print(repeat(2)(len)("abc"))
