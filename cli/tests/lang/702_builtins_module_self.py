# The builtins module is one object: a built-in function's __self__, `import builtins` and
# __main__'s __builtins__ are the same module, and its dict is the built-ins' namespace.
import builtins

print(len.__self__ is builtins, len.__self__ is len.__self__, __builtins__ is builtins)
print(len.__self__, print.__self__.__name__, builtins.__name__, builtins.__package__)
print(builtins.__dict__ is vars(builtins), builtins.len is len, getattr(builtins, "True"))
print(builtins.__debug__, builtins.__doc__.splitlines()[0])
print(list(vars(builtins))[:3])
print([].append.__self__, "abc".upper.__self__, {}.get.__self__)
import math, sys
print(math.sqrt.__self__ is math, sys.getsizeof.__self__ is sys)
print(type(builtins).__name__, isinstance(builtins, type(sys)))
builtins.pyrt_extra = 5
print(pyrt_extra)
del builtins.pyrt_extra
print(hasattr(builtins, "pyrt_extra"))
