log = []

def numbers():
    for i in range(5):
        log.append(f"produce {i}")
        yield i

g = (n * 10 for n in numbers() if n % 2 == 0)
print(log)
print(next(g), log)
print(next(g), log[-1])
print(list(g), len(log))
def infinite():
    n = 0
    while True:
        yield n
        n += 1
def take(n, iterable):
    it = iter(iterable)
    return [next(it) for _ in range(n)]
print(take(5, infinite()))
print(list(zip(infinite(), "abc")))
evens = (x for x in infinite() if x % 2 == 0)
print([next(evens) for _ in range(4)])
