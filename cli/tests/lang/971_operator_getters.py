# itemgetter, attrgetter and methodcaller are C types in CPython: their calls, reprs,
# __reduce__, sizes, GC tracking and argument errors.
import operator as o, sys, gc
from collections import namedtuple

d = {'a': 1, 'b': 2, 'c': 3}
print(o.itemgetter('b')(d), o.itemgetter('c', 'a')(d), o.itemgetter(slice(1, 3))('hello'))
print(o.itemgetter(-1)([1, 2, 3]), o.itemgetter(0, 0, 2)((7, 8, 9)), o.itemgetter(slice(None, None, -1))([1, 2]))
P = namedtuple('P', 'x y')
rows = [P(3, 'c'), P(1, 'a'), P(2, 'b')]
print(sorted(rows, key=o.attrgetter('x')), max(rows, key=o.itemgetter(1)))
class N:
    pass
n = N(); n.inner = N(); n.inner.value = 42; n.name = 'outer'
print(o.attrgetter('inner.value')(n), o.attrgetter('name', 'inner.value')(n))
print(o.methodcaller('split', ',', maxsplit=1)('a,b,c'), o.methodcaller('upper')('x'))
print(list(map(o.methodcaller('count', 'a'), ['aa', 'bab', ''])))
print(o.methodcaller('get', 'z', 0)(d), o.methodcaller('replace', 'a', 'o', 1)('banana'))
for f, args, kw in [(o.itemgetter, (), {}), (o.itemgetter, (1,), {'k': 1}), (o.attrgetter, (), {}), (o.attrgetter, (1,), {}),
                    (o.attrgetter, ('a',), {'k': 1}), (o.methodcaller, (), {}), (o.methodcaller, (1,), {}),
                    (o.itemgetter(1), (), {}), (o.itemgetter(1), (1, 2), {}), (o.itemgetter(1), ([],), {'x': 1}),
                    (o.attrgetter('a'), (), {}), (o.methodcaller('a'), (), {}), (o.methodcaller('a'), (1,), {'x': 2}),
                    (o.itemgetter(5), ([1],), {}), (o.attrgetter('a.b'), (1,), {}), (o.methodcaller('nope'), (1,), {}),
                    (o.attrgetter, ('a', 2), {}), (o.itemgetter, ((),), {}), (o.itemgetter('k'), (d,), {})]:
    try:
        print(f(*args, **kw))
    except Exception as e:
        print(type(e).__name__, e)
print(o.itemgetter(1), o.itemgetter(1, 'a', slice(1, 2)), o.attrgetter('a.b', 'c'), o.methodcaller('m', 1, 'x', k=2, j=[1]))
print(o.itemgetter(1).__reduce__(), o.attrgetter('a.b', 'c').__reduce__(), o.methodcaller('m', 1).__reduce__(), o.methodcaller('m', 1, k=2).__reduce__())
print(type(o.itemgetter(1)), type(o.attrgetter('a')), type(o.methodcaller('m')), o.itemgetter.__module__ if hasattr(o.itemgetter, '__module__') else '')
print(sys.getsizeof(o.itemgetter(1)), sys.getsizeof(o.attrgetter('a', 'b')), sys.getsizeof(o.methodcaller('m')))
print(gc.is_tracked(o.itemgetter(1)), gc.is_tracked(o.attrgetter('a')), gc.is_tracked(o.methodcaller('m')))
print(hash(o.itemgetter(1)) == hash(o.itemgetter(1)), o.itemgetter(1) == o.itemgetter(1), callable(o.itemgetter(0)))
