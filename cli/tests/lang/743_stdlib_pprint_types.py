# pprint: a class's __dict__ (mappingproxy), SimpleNamespace, streams, pp's insertion order.
import io, pprint, types

class Lesson:
    """A class whose namespace is printed."""
    size = 40
    def method(self):
        return self
    @property
    def prop(self):
        return 1
names = sorted(k for k in Lesson.__dict__ if not k.startswith("__"))
print(names)
print(pprint.pformat(dict((k, Lesson.__dict__[k]) for k in ["size"])))
pprint.pprint(types.MappingProxyType({"a" * 30: 1, "b" * 30: 2, "c": [1] * 10}))
pprint.pprint(types.MappingProxyType({"short": 1}))
ns = types.SimpleNamespace(alpha=list(range(20)), beta="x" * 50, gamma={"k": 1})
pprint.pprint(ns)
ns.me = ns
pprint.pprint(ns, width=30)
class Sub(types.SimpleNamespace):
    pass
pprint.pprint(Sub(first="a" * 40, second="b" * 40))
pprint.pprint([types.SimpleNamespace(x=1)], width=5)
out = io.StringIO()
pprint.pprint({"to": "stream", "n": list(range(25))}, stream=out, width=30)
print(repr(out.getvalue()))
pprint.pp({"z": 1, "y": {"b": 2, "a": 1}, "x": list(range(25))})
pprint.pp({"z": 1, "y": 2}, sort_dicts=True)
pprint.PrettyPrinter(stream=out).pprint("second")
print(out.getvalue().splitlines()[-1])
