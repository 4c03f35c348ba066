import sys

def fib_list(n):
    out = []
    a, b = 0, 1
    for _ in range(n):
        out.append(a)
        a, b = b, a + b
    return out

def fib_gen(n):
    a, b = 0, 1
    for _ in range(n):
        yield a
        a, b = b, a + b

print(fib_list(10))
print(list(fib_gen(10)))
print(sys.getsizeof(fib_list(1000)))
print(sys.getsizeof(fib_gen(1000)))
print(sum(fib_gen(50)) == sum(fib_list(50)))
total = 0
for v in fib_gen(100):
    total += v
print(total)
print(sys.getsizeof(fib_gen(10)) == sys.getsizeof(fib_gen(10 ** 6)))
