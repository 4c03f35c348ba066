"""Abstract base classes (PEP 3119): pyrt's `abc`.

Mirrors CPython 3.12's Lib/abc.py with the registry and caches that CPython keeps in C
(Modules/_abc.c) written here in Python, in the manner of Lib/_py_abc.py. A class made by
`ABCMeta` gets `__abstractmethods__`, which the runtime's `object.__new__` reads to refuse
instances ("Can't instantiate abstract class ..."). The deprecated `abstractclassmethod`,
`abstractstaticmethod` and `abstractproperty` are left out: pyrt cannot subclass
`classmethod`, `staticmethod` or `property` yet.
"""

from _weakref import ref as _ref

__all__ = ["ABCMeta", "ABC", "abstractmethod", "get_cache_token", "update_abstractmethods"]


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class _WeakClassSet:
    """A set of classes held by weak references (the registry and the caches)."""

    def __init__(self):
        self._refs = {}

    def add(self, cls):
        key = id(cls)
        if key in self._refs:
            return
        refs = self._refs

        def _gone(r, key=key, refs=refs):
            if refs.get(key) is r:
                del refs[key]

        try:
            refs[key] = _ref(cls, _gone)
        except TypeError:
            # A built-in type (immortal in pyrt) cannot be weakly referenced here: hold it.
            refs[key] = lambda cls=cls: cls

    def __contains__(self, cls):
        r = self._refs.get(id(cls))
        return r is not None and r() is cls

    def __iter__(self):
        for r in list(self._refs.values()):
            cls = r()
            if cls is not None:
                yield cls

    def __len__(self):
        return sum(1 for _ in self)

    def clear(self):
        self._refs.clear()


# `Py_TPFLAGS_SEQUENCE | Py_TPFLAGS_MAPPING`.
_COLLECTION_FLAGS = (1 << 5) | (1 << 6)


def _set_collection_flags(cls, flags):
    """Give a class (not a built-in type) and its subclasses `match`'s collection flags:
    the runtime reads them when `__abc_tpflags__` is set on a class."""
    try:
        type.__setattr__(cls, "__abc_tpflags__", flags & _COLLECTION_FLAGS)
    except TypeError:
        return
    type.__delattr__(cls, "__abc_tpflags__")


class _abc_data:
    """The per-class state of an ABC (`_abc_data` in Modules/_abc.c)."""

    def __init__(self):
        self.registry = _WeakClassSet()
        self.cache = _WeakClassSet()
        self.negative_cache = _WeakClassSet()
        self.negative_cache_version = ABCMeta._abc_invalidation_counter
        self.tpflags = 0


def get_cache_token():
    """Returns the current ABC cache token.

    The token is an opaque object (supporting equality testing) identifying the current
    version of the ABC cache for virtual subclasses. The token changes with every call to
    register() on any ABC.
    """
    return ABCMeta._abc_invalidation_counter


def _class_attribute(cls, name):
    """`name` as the first namespace along `cls.__mro__` holds it (what `getattr(cls, name)`
    finds before a descriptor binds it: pyrt's bound methods do not forward attributes to
    their function yet, so a class method's `__isabstractmethod__` is read here)."""
    for klass in cls.__mro__:
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return getattr(cls, name, None)


def _compute_abstracts(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items()
                 if getattr(value, "__isabstractmethod__", False)}
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = _class_attribute(cls, name)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs).

    Use this metaclass to create an ABC.  An ABC can be subclassed directly, and then acts as
    a mix-in class.  You can also register unrelated concrete classes (even built-in classes)
    and unrelated ABCs as 'virtual subclasses' -- these and their descendants will be
    considered subclasses of the registering ABC by the built-in issubclass() function, but
    the registering ABC won't show up in their MRO (Method Resolution Order) nor will method
    implementations defined by the registering ABC be callable (not even via super()).
    """

    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_impl = _abc_data()
        # `_abc_init` takes `__abc_tpflags__` (the collection flags `match` reads) out of the
        # class's namespace; setting it on a class is how pyrt's runtime is told the flags.
        if "__abc_tpflags__" in namespace:
            flags = namespace["__abc_tpflags__"]
            del cls.__abc_tpflags__
            if isinstance(flags, int):
                cls._abc_impl.tpflags = flags & _COLLECTION_FLAGS
                _set_collection_flags(cls, flags)
        else:
            base = bases[0] if bases else object
            impl = getattr(base, "_abc_impl", None)
            cls._abc_impl.tpflags = getattr(impl, "tpflags", 0)
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC.

        Returns the subclass, to allow usage as a class decorator.
        """
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        if cls._abc_impl.tpflags:
            # A registered class (and its subclasses) takes a Sequence's or Mapping's flags.
            _set_collection_flags(subclass, cls._abc_impl.tpflags)
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == ABCMeta._abc_invalidation_counter
                    and subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < ABCMeta._abc_invalidation_counter:
            impl.negative_cache = _WeakClassSet()
            impl.negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, "
                                     "or NotImplemented")
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, "__mro__", ()):
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper to print the ABC registry."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {set(impl.registry)!r}", file=file)
        print(f"_abc_cache: {set(impl.cache)!r}", file=file)
        print(f"_abc_negative_cache: {set(impl.negative_cache)!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class.

    If a class has had one of its abstract methods implemented after the class was created,
    the method will not be considered implemented until this function is called.
    Alternatively, if a new abstract method has been added to the class, it will only be
    considered an abstract method of the class after this function is called.

    This function should be called before any use is made of the class, usually in class
    decorators that add methods to the subject class.

    Returns cls, to allow usage as a class decorator.

    If cls is not an instance of ABCMeta, does nothing.
    """
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            value = _class_attribute(cls, name)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using inheritance."""

    __slots__ = ()
