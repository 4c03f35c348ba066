"""`collections.OrderedDict` and `collections.defaultdict`, as CPython 3.12 behaves.

Shipped with pyrt. Both are C dict subclasses in CPython (Objects/odictobject.c,
Modules/_collectionsmodule.c); here they are Python subclasses of dict whose methods follow
the C code, over two helpers of the built-in `_collections` (interp/src/collections/odict.rs).

`OrderedDict` keeps its order in the dict's own entries: a new key goes last in both, and
`move_to_end` rotates the entries in place (`_odict_move_to_end`), so the dict's table grows
as CPython's does. Its six `__slots__` words stand for `od_first`, `od_last`,
`od_fast_nodes`, `od_fast_nodes_size`, `od_resize_sentinel` and `od_state` (the last one is
used: adding, removing or moving a key changes it, which the iterators check); `__dict__`
and `__weakref__` are the class's managed pre-header words where CPython has `od_inst_dict`
and `od_weakreflist`, so `sys.getsizeof` is CPython's (128 empty), for subclasses too, but
`__basicsize__` is 96, not 112, and `__sizeof__()` is 16 less than CPython's.
`__sizeof__` counts the fast-node array (`_odict_fast_size`) and a 32-byte `_ODictNode` per
key, as `odict_sizeof` does.

`defaultdict` keeps its factory in a slot, so its layout is `defdictobject`'s: basic size
56, `sys.getsizeof(defaultdict())` 72.
"""

from _collections import _odict_move_to_end, _odict_fast_size

_GenericAlias = type(list[int])

_marker = object()


def _state(od):
    try:
        return _state_slot.__get__(od)
    except AttributeError:
        return 0


def _bump(od):
    _state_slot.__set__(od, _state(od) + 1)


def _get_index(od, key, new):
    # `_odict_get_index`: when the dict's table is no longer as large as the fast-node array,
    # `_odict_resize` looks every key with a node up again (a key just added has none yet);
    # then the key itself is looked up. The lookups run the keys' `__eq__` as CPython's do.
    size = _odict_fast_size(od)
    try:
        fast = _fast_size_slot.__get__(od)
    except AttributeError:
        fast = 0
    if size != fast:
        _fast_size_slot.__set__(od, size)
        keys = list(dict.keys(od))
        for k in keys[:-1] if new else keys:
            dict.__contains__(od, k)
    return dict.__contains__(od, key)


def _object_state(obj):
    # `_PyObject_GetState`: `__getstate__()` if there is one, else the instance dict (None
    # when empty) and, when any is set, a dict of the slots (`copyreg._slotnames`' order).
    getstate = getattr(obj, '__getstate__', None)
    if getstate is not None:
        return getstate()
    state = getattr(obj, '__dict__', None) or None
    slots = {}
    for cls in type(obj).__mro__:
        names = cls.__dict__.get('__slots__', ())
        for name in (names,) if isinstance(names, str) else names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f"_{cls.__name__.lstrip('_')}{name}"
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
    return (state, slots) if slots else state


def _clinic_args(name, names, required, args, kwargs):
    # Argument Clinic's parsing of `name(key, last=True)`-like signatures, with its messages;
    # an argument not given is `_marker`.
    given = len(args) + len(kwargs)
    if given > len(names):
        most = len(names)
        kind = '' if args else 'keyword '
        plural = '' if most == 1 else 's'
        raise TypeError(f'{name}() takes at most {most} {kind}argument{plural} ({given} given)')
    values = list(args) + [_marker] * (len(names) - len(args))
    for key, value in kwargs.items():
        if key not in names:
            raise TypeError(f"{name}() got an unexpected keyword argument '{key}'")
        i = names.index(key)
        if i < len(args):
            raise TypeError(f"argument for {name}() given by name ('{key}') and position "
                            f"({i + 1})")
        values[i] = value
    for i in range(required):
        if values[i] is _marker:
            raise TypeError(f"{name}() missing required argument '{names[i]}' (pos {i + 1})")
    return values


def _add_pairs(self, pairs):
    # `mutablemapping_add_pairs`: each pair is iterated for exactly two items.
    for pair in pairs:
        it = iter(pair)
        try:
            key = next(it)
        except StopIteration:
            raise ValueError('need more than 0 values to unpack') from None
        try:
            value = next(it)
        except StopIteration:
            raise ValueError('need more than 1 value to unpack') from None
        for _ in it:
            raise ValueError('too many values to unpack (expected 2)')
        self[key] = value


def _update(self, args, kwds):
    # `mutablemapping_update`: one mapping or iterable of pairs, then the keywords, each
    # stored with `self[key] = value`.
    if len(args) > 1:
        raise TypeError(f'update() takes at most 1 positional argument ({len(args)} given)')
    if args:
        other = args[0]
        if type(other) is dict:
            _add_pairs(self, dict.items(other))
        elif hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        elif hasattr(other, 'items'):
            _add_pairs(self, other.items())
        else:
            _add_pairs(self, other)
    for key, value in kwds.items():
        self[key] = value


class OrderedDict(dict):
    'Dictionary that remembers insertion order'

    __slots__ = ('__first', '__last', '__fast_nodes', '__fast_nodes_size',
                 '__resize_sentinel', '__state', '__dict__', '__weakref__')
    __module__ = 'collections'

    def __init__(self, *args, **kwds):
        if len(args) > 1:
            raise TypeError(f'expected at most 1 arguments, got {len(args)}')
        _update(self, args, kwds)

    def __setitem__(self, key, value, /):
        # `_PyODict_SetItem_KnownHash`: the dict's insertion, then `_odict_add_new_node`'s
        # lookup of the key (after a resize of the fast nodes if the table grew).
        n = dict.__len__(self)
        dict.__setitem__(self, key, value)
        new = dict.__len__(self) != n
        _get_index(self, key, new)
        if new:
            _bump(self)

    def __delitem__(self, key, /):
        # `PyODict_DelItem`: `_odict_clear_node`'s lookup, then the dict's deletion.
        _get_index(self, key, False)
        dict.__delitem__(self, key)
        _bump(self)

    def __iter__(self, /):
        return odict_iterator(self, 0, False)

    def __reversed__(self):
        """od.__reversed__() <==> reversed(od)"""
        return odict_iterator(self, 0, True)

    def update(self, *args, **kwds):
        _update(self, args, kwds)

    def clear(self):
        """od.clear() -> None.  Remove all items from od."""
        # `_odict_clear_nodes` leaves `od_state` alone: an iterator sees the size change.
        dict.clear(self)

    def move_to_end(self, *args, **kwargs):
        """Move an existing element to the end (or beginning if last is false).

Raise KeyError if the element does not exist."""
        key, last = _clinic_args('move_to_end', ('key', 'last'), 1, args, kwargs)
        last = True if last is _marker else bool(last)
        if not dict.__len__(self):
            raise KeyError(key)
        # The key at that end already (by identity) needs no lookup; a key found there moves
        # nowhere. Only a move (`_odict_remove_node`, then `_odict_add_tail`/`_head`) changes
        # `od_state`.
        keys = dict.keys(self)
        if key is next(reversed(keys) if last else iter(keys)):
            return
        if _odict_move_to_end(self, key, last):
            _bump(self)
            _bump(self)

    def popitem(self, *args, **kwargs):
        """Remove and return a (key, value) pair from the dictionary.

Pairs are returned in LIFO order if last is true or FIFO order if false."""
        last, = _clinic_args('popitem', ('last',), 0, args, kwargs)
        last = True if last is _marker else bool(last)
        if not dict.__len__(self):
            raise KeyError('dictionary is empty')
        key = next(reversed(dict.keys(self)) if last else iter(dict.keys(self)))
        # `_odict_popkey_hash`: the node's lookup, then the dict's.
        _get_index(self, key, False)
        value = dict.pop(self, key)
        _bump(self)
        return key, value

    def pop(self, key, default=_marker):
        """od.pop(key[,default]) -> v, remove specified key and return the corresponding value.

If the key is not found, return the default if given; otherwise,
raise a KeyError."""
        if _get_index(self, key, False):
            value = dict.pop(self, key)
            _bump(self)
            return value
        if default is _marker:
            raise KeyError(key)
        return default

    def setdefault(self, key, default=None):
        """Insert key with a value of default if key is not in the dictionary.

Return the value for key if key is in the dictionary, else default."""
        # A subclass is asked through its own `__contains__` and `__getitem__`.
        if type(self) is not OrderedDict:
            if key in self:
                return self[key]
        elif dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        self[key] = default
        return default

    def __sizeof__(self):
        # `odict_sizeof`: the dict, the fast-node array, one `_ODictNode` (key, hash, next,
        # prev) per key.
        return dict.__sizeof__(self) + 8 * _odict_fast_size(self) + 32 * dict.__len__(self)

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = dict.__eq__(self, other)
        if result is not True or not isinstance(other, OrderedDict):
            return result
        # `_odict_keys_equal`: the same keys in the same order.
        state, other_state = _state(self), _state(other)
        for a, b in zip(dict.keys(self), dict.keys(other)):
            if _state(self) != state or _state(other) != other_state:
                raise RuntimeError('OrderedDict mutated during iteration')
            if a is not b and not a == b:
                return False
        return True

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    def __hash__(self):
        # The message names CPython's C type, 'collections.OrderedDict'.
        raise TypeError("unhashable type: 'collections.OrderedDict'")

    __class_getitem__ = classmethod(_GenericAlias)

    def __repr__(self):
        # `odict_repr`: an OrderedDict met again inside its own repr is `...`.
        if not dict.__len__(self):
            return f'{type(self).__name__}()'
        if _running_check(self):
            return '...'
        try:
            return f'{type(self).__name__}({dict(self.items())!r})'
        finally:
            _running_done(self)

    def __reduce__(self):
        """Return state information for pickling"""
        state = _object_state(self)
        return type(self), (), state, None, iter(self.items())

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        new = type(self)()
        for key in self:
            new[key] = self[key]
        return new

    def keys(self):
        return odict_keys(self)

    def values(self):
        return odict_values(self)

    def items(self):
        return odict_items(self)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def __or__(self, other):
        # `odict_or`: the left operand's class called on it, updated with the right one.
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self)
        _update(new, (other,), {})
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(other)
        _update(new, (self,), {})
        return new

    def __ior__(self, other):
        _update(self, (other,), {})
        return self


# The C type has no `__slots__`, no `__weakref__` attribute and no accessors for its words: the
# descriptors go from the class (the words stay in its layout); the two words in use are
# reached through their descriptors, kept here.
_state_slot = OrderedDict.__dict__['_OrderedDict__state']
_fast_size_slot = OrderedDict.__dict__['_OrderedDict__fast_nodes_size']
for _name in ('first', 'last', 'fast_nodes', 'fast_nodes_size', 'resize_sentinel', 'state'):
    delattr(OrderedDict, '_OrderedDict__' + _name)
del OrderedDict.__slots__, OrderedDict.__weakref__, _name


class odict_iterator:
    """The iterator of an OrderedDict and of its views (`odictiterobject`): the keys, values
    or items in order or reversed, refusing to go on once the dict's keys were added, removed
    or moved ("mutated"), or its size changed otherwise ("changed size")."""

    # `odictiterobject`'s six words (`kind`, `di_odict`, `di_size`, `di_state`, `di_current`,
    # `di_result`): 80 bytes with the GC header.
    __slots__ = ('_od', '_keys', '_size', '_state', '_kind', '_result')

    def __init__(self, od, kind, reverse):
        self._od = od
        keys = dict.keys(od)
        self._keys = reversed(keys) if reverse else iter(keys)
        self._size = dict.__len__(od)
        self._state = _state(od)
        self._kind = kind

    def __iter__(self):
        return self

    def __next__(self):
        od = self._od
        if od is None:
            raise StopIteration
        if _state(od) != self._state:
            self._od = None
            raise RuntimeError('OrderedDict mutated during iteration')
        if self._size != dict.__len__(od):
            self._size = -1
            raise RuntimeError('OrderedDict changed size during iteration')
        try:
            key = next(self._keys)
        except StopIteration:
            self._od = None
            raise
        if self._kind == 0:
            return key
        value = dict.__getitem__(od, key)
        if self._kind == 1:
            return value
        return key, value

    def __reduce__(self):
        return iter, (list(self),)


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
        return odict_iterator(self._mapping, self._kind, False)

    def __reversed__(self):
        return odict_iterator(self._mapping, self._kind, True)

    def __repr__(self):
        if _running_check(self):
            return '...'
        try:
            return f'{type(self).__name__}({list(self)!r})'
        finally:
            _running_done(self)


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
    _kind = 0

    def _view(self):
        return dict.keys(self._mapping)


class odict_items(_odict_set_view):
    __slots__ = ()
    _kind = 2

    def _view(self):
        return dict.items(self._mapping)


class odict_values(_odict_view):
    __slots__ = ()
    _kind = 1


for _view_type in (odict_keys, odict_items, odict_values, odict_iterator):
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
        # `defdict_repr`: the dict's repr first, then the factory's, `...` when the factory
        # is already being repr'd (`Py_ReprEnter` on the factory, left whatever it said).
        base = dict.__repr__(self)
        factory = self.default_factory
        if factory is None:
            factory_repr = 'None'
        elif _running_check(factory):
            factory_repr = '...'
            _running_done(factory)
        else:
            try:
                factory_repr = repr(factory)
            finally:
                _running_done(factory)
        return f'{type(self).__name__}({factory_repr}, {base})'

    def __hash__(self, /):
        # The message names CPython's C type, 'collections.defaultdict'.
        raise TypeError("unhashable type: 'collections.defaultdict'")

    __class_getitem__ = classmethod(_GenericAlias)

    def copy(self, /):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self, /):
        """Return state information for pickling"""
        args = (self.default_factory,) if self.default_factory is not None else ()
        return type(self), args, None, None, iter(dict.items(self))

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


del defaultdict.__slots__


_running = set()


def _running_check(o):
    if id(o) in _running:
        return True
    _running.add(id(o))
    return False


def _running_done(o):
    _running.discard(id(o))
