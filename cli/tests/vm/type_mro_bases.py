# __mro__ and __bases__ of built-in, exception and Python classes (ExceptionGroup has two bases).
class E(ExceptionGroup): pass
for t in [ValueError, ExceptionGroup, E, int, bool, object, list, KeyError, OSError, FileNotFoundError]:
    print(t.__mro__, t.__bases__)
class A: pass
class B(A): pass
print(B.__mro__, B.__bases__, A.__bases__)
