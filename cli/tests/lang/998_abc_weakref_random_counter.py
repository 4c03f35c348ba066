# The shipped modules that ask collections.abc: weak dictionaries, random.sample, Counter.
import weakref, random, gc
from collections import Counter, UserDict, ChainMap, deque
from collections.abc import MutableMapping, Mapping, MutableSet, MutableSequence, Iterable
class Obj: pass
a, b = Obj(), Obj()
wv = weakref.WeakValueDictionary(x=a, y=b)
wk = weakref.WeakKeyDictionary({a: 1, b: 2})
ws = weakref.WeakSet([a, b])
print(isinstance(wv, MutableMapping), isinstance(wk, Mapping), isinstance(ws, MutableSet))
print(weakref.WeakValueDictionary.__mro__[1:3], weakref.WeakKeyDictionary.__bases__)
print(wv == {"x": a, "y": b}, wv == UserDict(x=a, y=b), wk == {a: 1}, wv == [1])
print(sorted((wv | UserDict(z=a)).keys()), sorted(ChainMap({"q": b}) | wv), len(wk | {a: 5}))
print(weakref.WeakValueDictionary[str, Obj], WeakKey := weakref.WeakKeyDictionary[Obj, int])
print(weakref.WeakValueDictionary.__hash__, weakref.WeakValueDictionary.__reversed__)
wk.clear(); del b; gc.collect(); print(len(wk), sorted(wv), list(wv.keys()) == ["x"])
r = random.Random(7)
print(r.sample(range(10), 3), r.sample("abcdef", 2), r.sample((1, 2, 3), 3))
print(r.sample(UserDict.__mro__, 2) != 0, r.sample(deque([1, 2, 3]), 1))
class Seq:
    def __getitem__(self, i): return "abc"[i]
    def __len__(self): return 3
for pop in ({1, 2, 3}, {"a": 1}, Seq(), iter([1])):
    try:
        print(r.sample(pop, 1))
    except TypeError as e:
        print("TypeError:", e)
print(Counter(UserDict(a=3, b=1)), Counter(ChainMap({"x": 2})), Counter(wv)["x"] is a, Counter("aab"))
c = Counter(a=5); c.subtract(UserDict(a=2)); c.update(ChainMap({"b": 4})); print(c)
print(isinstance(deque(), MutableSequence), issubclass(deque, Iterable), MutableSequence.register(deque))
print(isinstance(Counter(), MutableMapping), isinstance(iter(deque()), Iterable))
