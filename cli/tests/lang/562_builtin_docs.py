# The __doc__ of the built-in types, on the type and on its instances.
for t in [int, bool, float, complex, str, bytes, tuple, list, dict, set, frozenset,
          range, slice, object, type, property, classmethod, staticmethod, super,
          type(None)]:
    print(t.__name__, repr(t.__doc__))

print((7).__doc__ == int.__doc__, "".__doc__ == str.__doc__, [].__doc__ == list.__doc__)
print(int.__doc__.splitlines()[0], iter([]).__doc__, None.__doc__, {}.keys().__doc__)
print(list.__doc__.splitlines()[0])
print(dict.__doc__.splitlines()[:2])
print(ValueError.__doc__, KeyError("k").__doc__)


class Documented(list):
    """Mine."""


class Undocumented(dict):
    pass


print(Documented.__doc__, Documented().__doc__, Undocumented.__doc__)
