# functools.reduce and cmp_to_key are _functools built-ins: results, the KeyWrapper objects
# (comparisons, obj, size, not hashable) and the argument errors.
import functools, operator, sys, gc
from functools import reduce, cmp_to_key
print(type(reduce), reduce, reduce.__module__, type(cmp_to_key), cmp_to_key.__module__)
print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.add, [1, 2, 3], 10), reduce(operator.mul, range(1, 11)))
print(reduce(lambda a, b: a + [b], 'abc', []), reduce(max, [3], None), reduce(operator.add, [], 'init'))
print(reduce(function=None, sequence=1) if False else reduce(lambda x, y: x * 10 + y, iter([1, 2, 3])))
for a, k in [((), {}), ((1,), {}), ((1, 2, 3, 4), {}), ((1, 2), {'k': 1}), ((max, []), {}), ((max, 1), {}),
             ((operator.add, [1, 'a']), {})]:
    try:
        reduce(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
def cmp(a, b):
    return (a > b) - (a < b)
def by_len(a, b):
    return len(a) - len(b)
print(sorted([3, 1, 2], key=cmp_to_key(cmp)), sorted(['ccc', 'a', 'bb'], key=cmp_to_key(by_len), reverse=True))
print(sorted(['b', 'A', 'c'], key=cmp_to_key(lambda a, b: cmp(a.lower(), b.lower()))))
K = cmp_to_key(lambda a, b: a - b)
print(type(K), type(K(1)), K(1).obj, K.obj, sys.getsizeof(K), sys.getsizeof(K(1)), gc.is_tracked(K(1)))
print(K(1) == K(1), K(1) < K(2), K(3) >= K(2), K(1) != K(1), K(2) > K(1), K(2) <= K(1))
print(min([5, 2, 8], key=K), max([5, 2, 8], key=K))
for a, k in [((), {}), ((1, 2), {}), ((), {'x': 3})]:
    try:
        print(K(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)
print(K(obj=4).obj)
for expr in [lambda: functools.cmp_to_key(), lambda: K(1) < 2, lambda: hash(K(1)), lambda: {K(1)}]:
    try:
        expr()
    except Exception as e:
        print(type(e).__name__, e)
print(functools.cmp_to_key(mycmp=cmp)(1) < functools.cmp_to_key(cmp)(2))
try:
    sorted([1, 2], key=cmp_to_key(lambda a, b: 'x'))
except Exception as e:
    print(type(e).__name__, e)
