# Class keywords go to __init_subclass__; object.__init_subclass__ takes none.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
class Csv(Plugin, name="csv"):
    pass
class Json(Plugin):
    pass
print(sorted(Plugin.registry), Csv.plugin_name, Json.plugin_name)
class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C(Base, flag=True, n=3):
    pass
class D(C, metaclass=type, level=2):
    pass
print(type(D) is type, D.__mro__)
try:
    class A(x=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Bad(Plugin, name="bad", extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)
G = type("G", (Base,), {})
print(G.__name__, type(G).__name__)
try:
    type("H", (), {}, x=1)
except TypeError as e:
    print("TypeError:", e)
