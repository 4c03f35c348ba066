# Async, buffer, __fspath__ and __missing__ methods are plain methods on object-based classes;
# special methods found on the class are bound as lookup_maybe_method does (staticmethod,
# classmethod and descriptor objects as __len__, __contains__, __call__, __repr__).
class Accepted:
    def __await__(self): return "await"
    def __aiter__(self): return "aiter"
    def __anext__(self): return "anext"
    def __aenter__(self): return "aenter"
    def __aexit__(self, *a): return "aexit"
    def __buffer__(self, flags): return flags
    def __release_buffer__(self, view): return view
    def __fspath__(self): return "/tmp/x"
    def __missing__(self, key): return key


a = Accepted()
print(a.__await__(), a.__aiter__(), a.__anext__(), a.__aenter__(), a.__aexit__(1))
print(a.__buffer__(0), a.__release_buffer__(1), a.__fspath__(), a.__missing__("k"))


class Getter:
    def __get__(self, obj, owner): return lambda *args: ("bound", type(obj).__name__, args)


class S:
    __len__ = staticmethod(lambda: 3)
    __contains__ = classmethod(lambda cls, x: (cls.__name__, x) == ("S", 1))
    __call__ = Getter()
    __repr__ = Getter()


s = S()
print(len(s), 1 in s, 2 in s, s(5, 6))
try:
    repr(s)
except TypeError as e:
    print(type(e).__name__, e)
