# Instances of subclasses of set and frozenset.
import sys, gc, weakref


class Tags(set):
    pass


class Keys(frozenset):
    pass


t = Tags([3, 1, 2])
print(t, type(t).__name__, isinstance(t, set), t == {1, 2, 3}, len(t), 2 in t, sorted(t))
t.add(9); t.discard(1)
print(t, t.pop(), t)
for v in (t | {7}, t & {2, 3}, t - {2}, t ^ {4}, t.copy(), set(t), t.union([8]), frozenset(t)):
    print(sorted(v), type(v).__name__)
t |= {5}
print(sorted(t), type(t).__name__, t <= {2, 3, 5, 9, 0}, Tags(), Tags("aa"), Tags(range(3)))
t.note = "n"; print(t.note, vars(t), weakref.ref(t)() is t)
k = Keys("abc")
print(sorted(k), type(k).__name__, isinstance(k, frozenset), hash(k) == hash(frozenset("abc")), {k: 1}[frozenset("cab")])
for v in (k | {"z"}, k & {"a"}, k.copy(), frozenset(k), k.union("q")):
    print(sorted(v), type(v).__name__)
print(Keys(), Keys([1, 1, 2]), Keys(Keys([5])), Keys({1: 2}))
for v in (Tags(), Tags([1]), Tags(range(10)), Keys(), Keys(range(5))):
    print(len(v), sys.getsizeof(v), gc.is_tracked(v))


class Fixed(frozenset):
    __slots__ = ()


print(sys.getsizeof(Fixed([1])), Fixed([2]), Tags.__basicsize__, Tags.__dictoffset__, Tags.__weakrefoffset__, Keys.__weakrefoffset__)
for attempt in ("Tags(1, 2)", "Tags(x=1)", "Keys(x=1)", "Keys(1, 2)", "Fixed().a = 1", "Tags([[]])"):
    try:
        exec(attempt)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
