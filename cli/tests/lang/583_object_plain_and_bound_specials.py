# Async, buffer, __fspath__ and __missing__ methods are plain methods on object-based classes;
# special methods found on the class are bound as lookup_maybe_method does (staticmethod,
# classmethod and descriptor objects as __len__, __hash__, __iter__, __init_subclass__, ...).
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
    __len__, __hash__, __bool__ = staticmethod(lambda: 3), staticmethod(lambda: 7), staticmethod(lambda: False)
    __contains__ = classmethod(lambda cls, x: (cls.__name__, x) == ("S", 1))
    __call__ = __repr__ = Getter()
    __iter__ = classmethod(lambda cls: iter([cls.__name__]))
    __reversed__, __index__ = staticmethod(lambda: iter("ba")), staticmethod(lambda: 3)
    __neg__, __add__ = staticmethod(lambda: "neg"), staticmethod(lambda o: ("add", o))
    __eq__, __getitem__ = staticmethod(lambda o: "eq"), staticmethod(lambda k: k * 2)
    __enter__, __exit__ = staticmethod(lambda: "entered"), staticmethod(lambda *a: None)
s = S()
print(len(s), 1 in s, 2 in s, s(5, 6), hash(s), bool(s), list(s), list(reversed(s)), [0, 1, 2, 3][s])
print(-s, s + 1, s == 1, s[4])
with s as v: print(v)
try:
    repr(s)
except TypeError as e:
    print(type(e).__name__, e)
class IS:
    __init_subclass__ = classmethod(lambda cls, **kw: print("init_subclass", cls.__name__, kw))
    __class_getitem__ = classmethod(lambda cls, k: (cls.__name__, k))
class J(IS, k=1): pass
print(IS[int], J[str])
