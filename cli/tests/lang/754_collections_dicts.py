# collections.OrderedDict and defaultdict: order operations, factories, reprs and sizes.
import sys
from collections import OrderedDict, defaultdict

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od); od.move_to_end("c", last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od, OrderedDict(), repr(OrderedDict()))
p, q = OrderedDict(a=1, b=2), OrderedDict(b=2, a=1)
print(p == q, p == dict(q), dict(p) == q, p != q, list(reversed(p)), OrderedDict.fromkeys("xy", 0))
print(p | {"z": 9}, {"z": 9} | p, p.copy(), isinstance(p, dict), type(p | {}).__name__)
p |= {"y": 0}; print(p)
for bad in [lambda: OrderedDict().popitem(), lambda: od.move_to_end("nope"), lambda: hash(p)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
dd = defaultdict(list)
dd["x"].append(1); dd["y"]; dd["x"].append(2)
print(dd, dd.default_factory, dict(dd), "z" in dd, dd.get("z"), len(dd))
print(sys.getsizeof(defaultdict()), sys.getsizeof(defaultdict(int, a=1)) == sys.getsizeof({"a": 1}) + 8)
cnt = defaultdict(int)
for w in "the cat the hat the".split():
    cnt[w] += 1
print(cnt, defaultdict(None, {1: 2}), defaultdict(), defaultdict(lambda: 7)[0])
e = defaultdict(set, a={1}); f = e.copy(); f["a"].add(2); print(e, f is e, f.default_factory)
print(e | {"b": 1}, type(e | {}).__name__, defaultdict(list) == {})
z = defaultdict(None)
for bad in [lambda: defaultdict(1), lambda: z["missing"], lambda: defaultdict(list, 5)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
