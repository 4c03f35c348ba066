"""`collections.OrderedDict` and `collections.defaultdict`, as CPython 3.12 behaves.

Shipped with pyrt. Both are C dict subclasses in CPython (Objects/odictobject.c,
Modules/_collectionsmodule.c). Here they are Python subclasses of dict: a dict keeps insertion
order, so `OrderedDict` needs only the order-aware operations (`move_to_end`,
`popitem(last=)`, order-sensitive equality) and its views' names (`odict_keys`, ...); `defaultdict` keeps its factory in a slot, so its
instances have the C type's layout size (`sys.getsizeof(defaultdict())` is 72).
"""


class OrderedDict(dict):
    """Dictionary that remembers insertion order"""

    __module__ = 'collections'

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false)."""
        value = dict.pop(self, key)
        if last:
            dict.__setitem__(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.__setitem__(self, key, value)
        for k, v in rest:
            dict.__setitem__(self, k, v)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary."""
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return dict.__eq__(self, other) and all(a == b for a, b in zip(self, other))
        return dict.__eq__(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        # The message names CPython's C type, 'collections.OrderedDict'.
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    def __reversed__(self):
        """od.__reversed__() <==> reversed(od)"""
        return reversed(list(dict.keys(self)))

    def __repr__(self):
        # `odict_repr`: an OrderedDict met again inside its own repr is `...`.
        if not self:
            return f'{type(self).__name__}()'
        if _running_check(self):
            return '...'
        try:
            return f'{type(self).__name__}({dict.__repr__(self)})'
        finally:
            _running_done(self)

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        return type(self), (), state, None, iter(self.items())

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return type(self)(self)

    def keys(self):
        """D.keys() -> a set-like object providing a view on D's keys"""
        return odict_keys(self)

    def values(self):
        """D.values() -> an object providing a view on D's values"""
        return odict_values(self)

    def items(self):
        """D.items() -> a set-like object providing a view on D's items"""
        return odict_items(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        new.update(self)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


# The views of an OrderedDict (`odict_keys`, `odict_values`, `odict_items`, built-in types in
# CPython): the dict's own views in the dict's order, which is the OrderedDict's.

def _is_set_like(other):
    return isinstance(other, (set, frozenset, odict_keys, odict_items,
                              type({}.keys()), type({}.items())))


class _odict_view:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __iter__(self):
        return iter(self._view())

    def __reversed__(self):
        return reversed(list(self._view()))

    def __repr__(self):
        return f'{type(self).__name__}({list(self._view())!r})'


class _odict_set_view(_odict_view):
    __slots__ = ()

    def __contains__(self, item):
        return item in self._view()

    def __eq__(self, other):
        if not _is_set_like(other):
            return NotImplemented
        return len(self) == len(other) and all(x in other for x in self)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __le__(self, other):
        if not _is_set_like(other):
            return NotImplemented
        return len(self) <= len(other) and all(x in other for x in self)

    def __lt__(self, other):
        if not _is_set_like(other):
            return NotImplemented
        return len(self) < len(other) and all(x in other for x in self)

    def __ge__(self, other):
        if not _is_set_like(other):
            return NotImplemented
        return len(self) >= len(other) and all(x in self for x in other)

    def __gt__(self, other):
        if not _is_set_like(other):
            return NotImplemented
        return len(self) > len(other) and all(x in self for x in other)

    __hash__ = None

    def __and__(self, other):
        return set(self) & set(other)

    def __rand__(self, other):
        return set(other) & set(self)

    def __or__(self, other):
        return set(self) | set(other)

    def __ror__(self, other):
        return set(other) | set(self)

    def __sub__(self, other):
        return set(self) - set(other)

    def __rsub__(self, other):
        return set(other) - set(self)

    def __xor__(self, other):
        return set(self) ^ set(other)

    def __rxor__(self, other):
        return set(other) ^ set(self)

    def isdisjoint(self, other):
        """Return True if the view and the given iterable have a null intersection."""
        return not any(x in self for x in other)


class odict_keys(_odict_set_view):
    __slots__ = ()

    def _view(self):
        return dict.keys(self._mapping)


class odict_items(_odict_set_view):
    __slots__ = ()

    def _view(self):
        return dict.items(self._mapping)


class odict_values(_odict_view):
    __slots__ = ()

    def _view(self):
        return dict.values(self._mapping)


for _view_type in (odict_keys, odict_items, odict_values):
    _view_type.__module__ = 'builtins'
del _view_type


class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

The default factory is called without arguments to produce
a new value when a key is not present, in __getitem__ only.
A defaultdict compares equal to a dict with the same items.
All remaining arguments are treated the same as if they were
passed to the dict constructor, including keyword arguments.
"""

    __slots__ = ('default_factory',)
    __module__ = 'collections'

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __missing__(self, key, /):
        """__missing__(key) # Called by __getitem__ for missing key; pseudo-code:
  if self.default_factory is None: raise KeyError((key,))
  self[key] = value = self.default_factory()
  return value
"""
        factory = self.default_factory
        if factory is None:
            raise KeyError(key)
        value = factory()
        self[key] = value
        return value

    def __repr__(self, /):
        factory = self.default_factory
        if factory is None:
            factory_repr = 'None'
        elif _running_check(self):
            factory_repr = '...'
        else:
            try:
                factory_repr = repr(factory)
            finally:
                _running_done(self)
        return f'{type(self).__name__}({factory_repr}, {dict.__repr__(self)})'

    def __hash__(self, /):
        # The message names CPython's C type, 'collections.defaultdict'.
        raise TypeError("unhashable type: 'collections.defaultdict'")

    def copy(self, /):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self, /):
        """Return state information for pickling"""
        args = (self.default_factory,) if self.default_factory is not None else ()
        return type(self), args, None, None, iter(self.items())

    def __or__(self, other, /):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other, /):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

    def __ior__(self, other, /):
        self.update(other)
        return self


_running = set()


def _running_check(o):
    if id(o) in _running:
        return True
    _running.add(id(o))
    return False


def _running_done(o):
    _running.discard(id(o))
