# types: the built-in types by name, each the type of an object of it.
import types, sys
def f(): pass
def g(): yield
class C:
    __slots__ = ("a",)
    def m(self): pass
try:
    raise KeyError
except KeyError as e:
    tb = e.__traceback__
checks = [
    (types.FunctionType, f), (types.LambdaType, lambda: 0), (types.CodeType, f.__code__),
    (types.GeneratorType, g()), (types.MethodType, C().m), (types.BuiltinFunctionType, len),
    (types.BuiltinMethodType, [].append), (types.ModuleType, sys), (types.TracebackType, tb),
    (types.FrameType, tb.tb_frame), (types.MappingProxyType, C.__dict__),
    (types.WrapperDescriptorType, object.__init__), (types.MethodWrapperType, object().__str__),
    (types.MethodDescriptorType, str.join), (types.ClassMethodDescriptorType, dict.__dict__["fromkeys"]),
    (types.GetSetDescriptorType, type.__dict__["__dict__"]), (types.MemberDescriptorType, C.a),
    (types.UnionType, int | None), (types.GenericAlias, list[int]), (types.NoneType, None),
    (types.EllipsisType, ...), (types.NotImplementedType, NotImplemented),
]
for t, o in checks:
    print(t.__name__, isinstance(o, t), t)
for t, o in checks:
    print(t.__name__, isinstance(o, t), t)
print(types.CellType, types.FunctionType is type(f), types.LambdaType is types.FunctionType)
print(sorted(n for n in types.__all__ if n.startswith(("Builtin", "Method"))))
m = types.ModuleType("made", "its doc")
m.x = 1
print(m, m.__doc__, m.x, m.__spec__, m.__loader__, types.ModuleType("plain").__doc__)
m.__dict__["y"] = 2
print(m.y, sorted(m.__dict__), vars(m) is m.__dict__, sys.__dict__ is vars(sys))
print(sys.modules[__name__].__dict__ is globals(), "__dict__" in dir(m))
for bad in ((), (1,), ("a", "b", "c")):
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print(e)
