# Instances of a subclass of dict: made empty, filled by dict.__init__, inherited methods.
import sys, gc


class Registry(dict):
    pass


r = Registry(a=1, b=2)
print(r, type(r).__name__, isinstance(r, dict), r == {"a": 1, "b": 2}, len(r))
r["c"] = 3
del r["a"]
print(r, r["b"], r.get("z", 0), list(r), list(r.items()), "c" in r)
for v in (r.copy(), dict(r), r | {"d": 4}, {**r}):
    print(v, type(v).__name__)
r |= {"e": 5}
print(r, type(r).__name__, r.pop("e"), r.setdefault("f", 6), r)
print(Registry(), Registry([(1, 2), (3, 4)]), Registry({"x": 1}, y=2), Registry(zip("ab", "cd")))
r.owner = "me"
print(r.owner, vars(r), r)
for v in (Registry(), Registry(a=1), Registry.fromkeys("abc") if False else Registry(dict.fromkeys("abcdef"))):
    print(len(v), sys.getsizeof(v), gc.is_tracked(v))
plain = Registry(k=1)
gc.collect()
print(gc.is_tracked(plain), gc.is_tracked({"k": 1}))
print(Registry.__basicsize__, Registry.__dictoffset__, Registry.__weakrefoffset__)


class Frozen(dict):
    __slots__ = ()


print(sys.getsizeof(Frozen()), sys.getsizeof(Frozen(a=1)))
for attempt in ("Registry(1)", "Registry(1, 2)", "Frozen().x = 1", "Registry()['missing']"):
    try:
        exec(attempt)
    except (TypeError, AttributeError, KeyError) as e:
        print(type(e).__name__, e)
