import sys

def simple():
    yield 1

def with_locals(a, b):
    c = a + b
    d = [c]
    yield c
    yield d

print(sys.getsizeof(simple()))
print(sys.getsizeof(with_locals(1, 2)))
g = (x * x for x in range(1000))
print(sys.getsizeof(g))
print(sys.getsizeof([x * x for x in range(1000)]))
print(sys.getsizeof(range(1000)))
big = (x for x in range(10 ** 9))
print(sys.getsizeof(big), next(big), next(big))
def many_locals():
    a = b = c = d = e = f = g = h = 0
    yield a + b + c + d + e + f + g + h
print(sys.getsizeof(many_locals()))
