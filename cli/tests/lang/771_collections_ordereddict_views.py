# collections: the views of an OrderedDict (odict_keys, ...), and recursive reprs of the containers.
from collections import OrderedDict as O
o = O(a=1, b=2)
print(o.keys(), o.values(), o.items(), type(o.keys()).__name__, type(o.keys()).__module__)
print(sorted(o.keys() & {'a'}), sorted(o.keys() | ['z']), sorted(o.keys() - {'a'}), sorted(o.keys() ^ {'a', 'q'}), o.items() & {('a', 1)}, o.keys() == {'a', 'b'}, o.keys() == {'a': 0}.keys() | {'b'}, o.keys().isdisjoint('xyz'))
print(list(reversed(o.keys())), list(reversed(o.items())), list(reversed(o.values())), 'a' in o.keys(), ('a', 1) in o.items(), 1 in o.values(), len(o.items()))
print(o.values() == o.values(), O().keys(), o.keys() == ['a','b'], o.items() == {('a',1),('b',2)}, o.keys() < {'a','b','c'})
o.move_to_end("a"); print(o.keys(), list(o.items()), {'z'} | o.keys() == {'a', 'b', 'z'}, sorted({'b'} - o.keys()))
for bad in [lambda: hash(o.keys()), lambda: o.keys() < 1]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
from collections import defaultdict, deque, ChainMap
r = O(a=1); r["me"] = r; print(r)
d = defaultdict(list); d["me"] = d; print(d)
q = deque([1]); q.append(q); print(q)
c = ChainMap({}); c.maps.append(c); c["k"] = c; print(c)
