# type.__getattribute__, type.__setattr__, type.__delattr__: slot wrappers in type.__dict__,
# called directly (past a metaclass's own) and inherited by metaclasses; type.mro and
# type.__subclasses__ unbound on type and metaclasses.
class M(type):
    def __getattribute__(cls, name):
        print('get', name)
        return type.__getattribute__(cls, name)
    def __setattr__(cls, name, v):
        print('set', name)
        type.__setattr__(cls, name, v)
    def __delattr__(cls, name):
        print('del', name)
        type.__delattr__(cls, name)
class C(metaclass=M):
    x = 1
print(C.x)
C.y = 5
print(C.y)
del C.y
print(hasattr(C, 'y'))
print(type.__getattribute__, type.__setattr__, type.__delattr__, type.__getattribute__(int, 'real'))
print(type.__dict__['__getattribute__'] is type.__getattribute__, type(type.__dict__['__setattr__']).__name__)
print(type.__setattr__.__doc__, type.__delattr__.__doc__, type.__getattribute__.__doc__)
class D: pass
type.__setattr__(D, 'z', 3); print(D.z)
type.__delattr__(D, 'z'); print(hasattr(D, 'z'))
class N(type): pass
print(N.__call__ is type.__call__, N.__setattr__ is type.__setattr__, N.__getattribute__ is type.__getattribute__)
class E(metaclass=N): pass
class F(E): pass
print(type.mro(bool), type.__subclasses__(E), E.mro(), E.__subclasses__(), int.mro(), N.mro(E), type.mro(N))
for bad in ["type.__getattribute__(3, 'x')", "type.__getattribute__(int, 3)", "type.__getattribute__(int, 'nope')",
            "type.__setattr__(int, 'x', 1)", "type.__delattr__(D, 'nope')", "type.__getattribute__()",
            "type.__setattr__(D, 'a')", "type.__delattr__(D)", "type.__getattribute__(int, 'real', x=1)",
            "type.mro()", "type.mro(3)", "N.mro()", "type.__subclasses__(int, 1)", "E.mro(1)"]:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '!!', type(e).__name__, e)
