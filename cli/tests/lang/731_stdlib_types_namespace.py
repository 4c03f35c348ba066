# types.SimpleNamespace and types.MappingProxyType; new_class/resolve_bases.
import types

ns = types.SimpleNamespace(b=2, a=1)
print(ns, ns.__dict__, type(ns), type(ns).__name__, type(ns).__module__)
ns.c = ns
ns.lst = [1, "s"]
print(ns, ns.a, hasattr(ns, "zz"))
del ns.c
print(ns == types.SimpleNamespace(b=2, a=1, lst=[1, "s"]), ns != ns, ns == 1)
print(types.SimpleNamespace(), vars(types.SimpleNamespace(x=0)))
class Sub(types.SimpleNamespace):
    pass
print(Sub(x=1), Sub(x=1) == types.SimpleNamespace(x=1))
for bad in (lambda: types.SimpleNamespace(1), lambda: hash(ns), lambda: hash(Sub())):
    try:
        bad()
    except TypeError as e:
        print(e)
p = types.MappingProxyType({"b": 1, "a": 2})
print(p, p["a"], list(p), list(p.items()), p.get("z"), len(p), "a" in p, p == {"b": 1, "a": 2})
for bad in (lambda: p.__setitem__("b", 3), lambda: types.MappingProxyType([1]),
            lambda: types.MappingProxyType(), lambda: types.MappingProxyType(1, 2)):
    try:
        bad()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
Point = types.new_class("Point", (), {}, lambda ns: ns.update(x=1, y=lambda self: 2))
print(Point, Point.x, Point().y(), Point.__mro__)
class Meta(type):
    pass
K = types.new_class("K", (Point,), {"metaclass": Meta})
print(type(K).__name__, K.__bases__, types.resolve_bases((int, str)))
print(types.prepare_class("Z", (K,))[0].__name__, types.get_original_bases(K))
import mod_shapes, sys
print(mod_shapes, sys, types.ModuleType("made"), isinstance(mod_shapes, types.ModuleType))
