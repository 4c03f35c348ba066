# Unpacking takes at most one item more than its targets: an endless iterator is "too many
# values", and the items taken are gone from the iterator (unpack_iterable).
import itertools

try:
    a, b = itertools.count()
except ValueError as e:
    print("ValueError:", e)

it = itertools.count(10)
try:
    x, y, z = it
except ValueError as e:
    print("ValueError:", e, next(it))

def gen():
    n = 0
    while True:
        n += 1
        print("yield", n)
        yield n

try:
    p, q = gen()
except ValueError as e:
    print("ValueError:", e)

r, s = iter([1, 2])
print(r, s)
try:
    t, u = iter([1])
except ValueError as e:
    print("ValueError:", e)
