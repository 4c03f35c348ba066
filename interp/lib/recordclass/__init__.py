"""recordclass 0.24.1, as the package (PyPI `recordclass`) behaves on CPython 3.12.1.

Shipped with pyrt (interp/lib/recordclass/). The package's C types become pyrt's: a
`dataobject` is a class on `object` whose instances are the object header and one cell per
field, with no GC header and never tracked (the class namespace's `__pyrt_gc__ = False` asks
pyrt's class creation for that layout, as the package's C code sets `tp_flags`), so
`sys.getsizeof(recordclass("Point", "x y z")(1, 2, 3))` is 40 as there. The fields are the
class's `__slots__` (member descriptors, `<member 'x' of 'Point' objects>` as there).
`litetuple` and `mutabletuple` are classes of the package's C layout (the header, the size,
one cell per item, no GC header: `__pyrt_items__ = True` asks for it; `_recordclass` reads
and writes the cells), with their methods written here. The rest is written here after the package's
behaviour: `datatype` (the metaclass), `recordclass`, `make_dataclass`, `asdict`, `astuple`,
with its messages.
"""

import sys as _sys
from keyword import iskeyword as _iskeyword

import _recordclass

__version__ = '0.24.1'

__all__ = [
    'datatype', 'Field', 'MATCH', 'dataobject', 'astuple', 'asdict', 'litetuple',
    'mutabletuple', 'recordclass', 'make_dataclass', 'make_class',
]

MATCH = object()


class Field(dict):
    """A field's description in a class body: `x: int = Field(default=0)`."""

    __module__ = 'recordclass.datatype'


def _is_classvar(tp):
    """Whether an annotation is `typing.ClassVar` (or `ClassVar[...]`)."""
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return repr(tp).startswith('typing.ClassVar')


def _check_name(name, rename=False, i=0, invalid_names=()):
    """The package's `utils.check_name`: a type or field name, renamed `_<i+1>` on request."""
    if not isinstance(name, str):
        raise TypeError('Type names and field names must be strings')
    if name.startswith('__') and name.endswith('__'):
        return name
    if rename:
        if not name.isidentifier() or _iskeyword(name) or name in invalid_names:
            name = "_%s" % (i + 1)
    else:
        if name in invalid_names:
            raise ValueError(f"Name {name} is invalid")
        if not name.isidentifier():
            raise ValueError(f'Name must be valid identifiers: {name!r}')
        if _iskeyword(name):
            raise ValueError(f'Name cannot be a keyword: {name!r}')
    return name


def _type_name(tp):
    return tp.__name__ if hasattr(tp, '__name__') else str(tp)


def _class_doc(typename, fields, annotations, defaults):
    """The docstring the package writes: `Point(x:int, y=0)` and a line about the class."""
    parts = []
    for fn in fields:
        text = fn
        if fn in annotations:
            tp = annotations[fn]
            text = f"{fn}:{tp if type(tp) is str else _type_name(tp)}"
        value = defaults.get(fn, None)
        if value is not None:
            text += "=%s" % repr(value)
        parts.append(text)
    return f"{typename}({', '.join(parts)})\n\nCreate class {typename} instance"


def _base_fields(bases, fields, fields_dict, options):
    """The fields the data-object bases bring, first (the package's
    `collect_info_from_bases`: a base's defaults and annotations are what `getattr` finds on
    it), and the options they pass on."""
    inherited = []
    for base in bases:
        if base is dataobject or not issubclass(base, dataobject):
            continue
        if base.__options__.get('iterable', False):
            options['iterable'] = True
        base_defaults = getattr(base, '__defaults__', {})
        base_annotations = getattr(base, '__annotations__', {})
        base_fields_dict = base.__options__['fields_dict']
        for fn in base.__fields__:
            if fn in fields:
                raise TypeError(f'field {fn} is already defined in the {base}')
            f = fields_dict[fn] = Field()
            if base_fields_dict[fn].get('readonly', False):
                f['readonly'] = True
            if fn in base_defaults:
                f['default'] = base_defaults[fn]
            if fn in base_annotations:
                f['type'] = base_annotations[fn]
            inherited.append(fn)
    return inherited + fields


_root = None


class datatype(type):
    """Metatype for creating classes based on a dataobject."""

    __module__ = 'recordclass.datatype'

    def __new__(metatype, typename, bases, ns, *, gc=False, fast_new=True, readonly=False,
                iterable=False, deep_dealloc=False, sequence=False, mapping=False,
                use_dict=False, use_weakref=False, hashable=False, immutable_type=False,
                copy_default=False, match=None):
        global _root
        if _root is None:
            # `dataobject` itself: no fields, no GC header.
            ns['__slots__'] = ()
            ns['__pyrt_gc__'] = False
            return type.__new__(metatype, typename, bases, ns)
        if use_dict or use_weakref or gc or copy_default or deep_dealloc:
            raise TypeError("pyrt's recordclass has no use_dict, use_weakref, gc, "
                            "copy_default or deep_dealloc option")
        options = {}
        if fast_new:
            options['fast_new'] = fast_new
        if readonly:
            options['readonly'] = readonly
        if iterable:
            options['iterable'] = iterable
        if sequence:
            options['sequence'] = sequence
        if mapping:
            options['mapping'] = mapping
        if hashable:
            options['hashable'] = hashable
        if immutable_type:
            options['immutable_type'] = immutable_type
        if bases:
            if not issubclass(bases[0], dataobject):
                raise TypeError("First base class should be subclass of dataobject or datastruct")
        else:
            bases = (dataobject,)

        annotations = ns.get('__annotations__', {})
        classvars = {fn for fn, tp in annotations.items() if _is_classvar(tp)}
        if '__fields__' in ns:
            fields = ns['__fields__']
            fields_dict = {}
            for fn in fields:
                if fn in classvars:
                    raise TypeError(f'__fields__ contain  {fn}:ClassVar')
                fields_dict[fn] = Field(type=annotations[fn]) if fn in annotations else Field()
        else:
            fields_dict = {fn: Field(type=tp) for fn, tp in annotations.items()
                           if fn not in classvars}
            fields = tuple(fields_dict)
        fields = [_sys.intern(_check_name(fn)) for fn in fields]

        if sequence or mapping:
            iterable = options['iterable'] = True
        if '__iter__' in ns:
            iterable = options['iterable'] = True
        if readonly:
            hashable = True
        if hashable:
            options['hashable'] = hashable

        if annotations:
            annotations = {fn: annotations[fn] for fn in fields if fn in annotations}
        if '__defaults__' in ns:
            defaults = ns['__defaults__']
        else:
            defaults = {fn: ns[fn] for fn in fields if fn in ns}
            for fn, value in defaults.items():
                if type(value) is Field:
                    for k, v in value.items():
                        if k != 'default':
                            fields_dict[fn][k] = v
                    if 'default' in value:
                        defaults[fn] = value['default']
        seen_default = False
        for fn in annotations:
            if fn in defaults:
                seen_default = True
            elif seen_default:
                raise TypeError('A field without default value appears after a field with '
                                'default value')
        for fn, value in defaults.items():
            if fn in fields_dict:
                fields_dict[fn]['default'] = value
        if readonly:
            names = fields_dict if type(readonly) is bool else readonly
            for fn in names:
                fields_dict[fn]['readonly'] = True
        own = [fn for fn in fields if fn in fields_dict]
        for fn in own:
            ns.pop(fn, None)
        fields = own
        if len(bases) > 1 or bases[0] is not dataobject:
            fields = _base_fields(bases, own, fields_dict, options)
            for fn in classvars:
                if fn in fields:
                    raise TypeError(f"field '{fn}' is a class variable and an instance field "
                                    "at the same time")
            iterable = options.get('iterable', False)
            defaults = {fn: fd['default'] for fn, fd in fields_dict.items() if 'default' in fd}
            annotations = {fn: fd['type'] for fn, fd in fields_dict.items() if 'type' in fd}

        options['fields_dict'] = fields_dict
        fields = tuple(fields)
        ns['__slots__'] = tuple(own)
        ns['__fields__'] = fields
        ns['__defaults__'] = defaults
        ns['__default_vals__'] = tuple(fields_dict[fn].get('default', None) for fn in fields)
        ns['__annotations__'] = annotations
        if match:
            ns['__match_args__'] = match
        if '__match_args__' in ns:
            m = ns['__match_args__']
            if len(m) > len(fields) or fields[:len(m)] != tuple(m):
                raise TypeError("__match_args__ is not valid")
        else:
            ns['__match_args__'] = fields
        if '__doc__' not in ns:
            ns['__doc__'] = _class_doc(typename, fields, annotations, defaults)
        ns['__options__'] = options

        ro = any(fields_dict[fn].get('readonly', False) for fn in fields)
        if ro and '__setattr__' not in ns:
            ns['__setattr__'] = _readonly_setattr
        if hashable and '__hash__' not in ns:
            ns['__hash__'] = _tuple_hash
        if iterable and '__iter__' not in ns:
            ns['__iter__'] = _iter
        if sequence or mapping:
            if '__getitem__' not in ns:
                ns['__getitem__'] = _GETITEM[sequence, mapping]
            if '__setitem__' not in ns and not ro:
                ns['__setitem__'] = _SETITEM[sequence, mapping]
        return type.__new__(metatype, typename, bases, ns)

    def __delattr__(cls, name):
        if name in cls.__dict__ and name in {'__fields__', '__defaults__', '__annotations__'}:
            raise AttributeError(f"Attribute {name} of the class {cls.__name__} can't be "
                                 "deleted")
        type.__delattr__(cls, name)

    def __setattr__(cls, name, ob):
        if name in {'__fields__', '__defaults__', '__annotations__'}:
            raise AttributeError(f"Attribute {name} of the class {cls.__name__} can't be "
                                 "modified")
        type.__setattr__(cls, name, ob)


def _values(ob):
    return tuple([getattr(ob, fn) for fn in type(ob).__fields__])


def _has_user_init(cls):
    for c in cls.__mro__:
        if c is dataobject or c is object:
            return False
        if '__init__' in c.__dict__:
            return True
    return False


_repr_running = set()


class dataobject(metaclass=datatype):
    """The base of classes whose instances hold their fields and nothing else."""

    __module__ = 'recordclass._dataobject'

    def __new__(cls, *args, **kw):
        fields = cls.__fields__
        n = len(fields)
        if len(args) > n:
            if _has_user_init(cls):
                raise TypeError("number of the arguments greater than the number of fields")
            raise TypeError("the number of the arguments greater than the number of fields")
        self = object.__new__(cls)
        defaults = cls.__default_vals__
        if _has_user_init(cls):
            # `dataobject_new`: the arguments are left to `__init__`.
            for i in range(n):
                object.__setattr__(self, fields[i], None if i < len(args) else defaults[i])
            return self
        for i in range(n):
            object.__setattr__(self, fields[i], args[i] if i < len(args) else defaults[i])
        for name, value in kw.items():
            if name not in fields:
                raise TypeError(f"Invalid kwarg: {name} not in __fields__")
            object.__setattr__(self, name, value)
        return self

    def __repr__(self):
        cls = type(self)
        fields = cls.__fields__
        if not fields:
            return cls.__name__ + "()"
        key = id(self)
        if key in _repr_running:
            return "(...)"
        _repr_running.add(key)
        try:
            parts = [f"{fn}={getattr(self, fn)!r}" for fn in fields]
        finally:
            _repr_running.discard(key)
        return f"{cls.__name__}({', '.join(parts)})"

    def __len__(self):
        return len(type(self).__fields__)

    def __eq__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) == _values(other)

    def __ne__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) != _values(other)

    def __lt__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) < _values(other)

    def __le__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) <= _values(other)

    def __gt__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) > _values(other)

    def __ge__(self, other):
        if type(self) is not type(other):
            return NotImplemented
        return _values(self) >= _values(other)

    __hash__ = object.__hash__

    def __copy__(self):
        return type(self)(*_values(self))

    def __reduce__(self):
        return (type(self), _values(self))

    def __getstate__(self):
        return None


_root = dataobject


def _readonly_setattr(self, name, value):
    field = type(self).__options__['fields_dict'].get(name)
    if field is not None and field.get('readonly', False):
        raise AttributeError("readonly attribute")
    object.__setattr__(self, name, value)


def _tuple_hash(self):
    """The package's `dataobject_hash`: the pre-3.8 tuple hash over the fields."""
    values = _values(self)
    n = len(values)
    mask = (1 << 64) - 1
    mult = 1000003
    x = 0x345678
    for v in values:
        x = ((x ^ (hash(v) & mask)) * mult) & mask
        mult = (mult + 82520 + n + n) & mask
    x = (x + 97531) & mask
    if x == mask:
        x = mask - 1
    return x - (1 << 64) if x >= 1 << 63 else x


def _iter(self):
    return iter(_values(self))


def _index_of(self, i, what):
    if not hasattr(type(i), '__index__'):
        raise TypeError(f"object {type(self).__name__} {what} by index")
    n = len(type(self).__fields__)
    if i < 0:
        i += n
    if i < 0 or i >= n:
        raise IndexError(f"index {i} out of range")
    return type(self).__fields__[i]


def _getitem_seq(self, i):
    return getattr(self, _index_of(self, i, 'get item only'))


def _setitem_seq(self, i, value):
    object.__setattr__(self, _index_of(self, i, 'support only assignment'), value)


def _getitem_map(self, name):
    return getattr(self, name)


def _setitem_map(self, name, value):
    setattr(self, name, value)


def _getitem_both(self, key):
    if hasattr(type(key), '__index__'):
        return _getitem_seq(self, key)
    return getattr(self, key)


def _setitem_both(self, key, value):
    if hasattr(type(key), '__index__'):
        return _setitem_seq(self, key, value)
    setattr(self, key, value)


_GETITEM = {(True, False): _getitem_seq, (False, True): _getitem_map,
            (True, True): _getitem_both}
_SETITEM = {(True, False): _setitem_seq, (False, True): _setitem_map,
            (True, True): _setitem_both}


def asdict(ob):
    """Convert object to dict"""
    return {fn: getattr(ob, fn) for fn in type(ob).__fields__}


def astuple(ob):
    """Convert object to a tuple"""
    return tuple([getattr(ob, fn) for fn in type(ob).__fields__])


def _process_fields(fields, defaults, rename, invalid_names):
    """The package's `utils.process_fields`: names, annotations, defaults, match args."""
    annotations = {}
    if isinstance(fields, str):
        fields = [fn.strip() for fn in fields.replace(',', ' ').split()]
    names = []
    i_match = -1
    for i, fn in enumerate(fields):
        if fn in ('*', '_'):
            i_match = i
            continue
        if isinstance(fields, dict):
            annotations[fn] = fields[fn]
        elif type(fn) is tuple:
            fn, tp = fn
            annotations[fn] = tp
        # The package passes (i, rename) for (rename, i): its renames are as here.
        _check_name(fn, i, rename, invalid_names)
        names.append(_sys.intern(fn))
    seen = set()
    for fn in names:
        if fn in seen:
            raise ValueError('duplicate name ' + fn)
        seen.add(fn)
    if defaults is None:
        defaults = {}
    if len(defaults) > len(names):
        raise TypeError('Got more default values than fields')
    if isinstance(defaults, (tuple, list)) and defaults:
        n = len(defaults)
        defaults = {names[i]: defaults[i] for i in range(-n, 0)}
    match = tuple(names[:i_match]) if i_match > 0 else None
    return names, annotations, defaults, match


def make_dataclass(typename, fields, defaults=None, *, bases=None, namespace=None,
                   use_dict=False, use_weakref=False, hashable=False, sequence=False,
                   mapping=False, iterable=False, readonly=False, invalid_names=(),
                   deep_dealloc=False, module=None, fast_new=True, rename=False, gc=False,
                   immutable_type=False, copy_default=False, match=None):
    """Returns a new class with named fields and small memory footprint."""
    fields, annotations, defaults, match = _process_fields(fields, defaults, rename,
                                                           invalid_names)
    typename = _check_name(typename)
    ns = {} if namespace is None else namespace.copy()
    ns['__fields__'] = fields
    ns['__annotations__'] = annotations
    ns['__defaults__'] = defaults
    if module is None:
        try:
            module = _sys._getframe(1).f_globals.get('__name__', '__main__')
        except (AttributeError, ValueError):
            pass
    ns['__module__'] = module
    return datatype(typename, bases, ns, readonly=readonly, iterable=iterable,
                    mapping=mapping, sequence=sequence, use_dict=use_dict,
                    use_weakref=use_weakref, gc=gc, fast_new=fast_new, hashable=hashable,
                    immutable_type=immutable_type, copy_default=copy_default, match=match)


make_class = make_dataclass


def _namedtuple_api(typename, readonly):
    """`_make`, `_replace` and `_asdict`, as the package gives a `recordclass`."""

    def _make(_cls, iterable):
        return _cls(*iterable)

    _make.__doc__ = f'Make a new {typename} object from a sequence or iterable'

    if readonly:
        def _replace(_self, **kwds):
            result = _self._make(map(kwds.pop, _self.__fields__, _self))
            if kwds:
                raise AttributeError(f'Got unexpected field names: {tuple(kwds)}')
            return result
    else:
        def _replace(_self, **kwds):
            for name, val in kwds.items():
                setattr(_self, name, val)
            return _self

    _replace.__doc__ = (f'Return a new {typename} object replacing specified fields with '
                        'new values')

    def _asdict(self):
        'Return a new dict which maps field names to their values.'
        return asdict(self)

    for method in (_make, _replace, _asdict):
        method.__qualname__ = typename + "." + method.__name__
    return {'_make': classmethod(_make), '_replace': _replace, '_asdict': _asdict}


def recordclass(typename, fields, defaults=None, *, rename=False, readonly=False,
                hashable=False, gc=False, use_dict=False, use_weakref=False, fast_new=True,
                mapping=False, immutable_type=False, copy_default=False, module=None):
    """Returns a new class with named fields, small memory footprint and namedtuple-lie API."""
    ns = _namedtuple_api(typename, readonly)
    if readonly:
        hashable = True
    if module is None:
        module = _sys._getframe(1).f_globals.get('__name__', '__main__')
    return make_dataclass(typename, fields, defaults=defaults, namespace=ns,
                          use_dict=use_dict, use_weakref=use_weakref, hashable=hashable,
                          sequence=True, mapping=mapping, iterable=True, rename=rename,
                          readonly=readonly, module=module,
                          invalid_names=('_make', '_replace', '_asdict'), fast_new=fast_new,
                          gc=False, immutable_type=immutable_type, copy_default=copy_default)


_TUPLE_DOC = 'litetuple([...]) --> litetuple\n\n'
_repr_tuples = set()


def _ssize(i):
    """`PyLong_AsSsize_t` of an index."""
    i = i.__index__()
    if not -(1 << 63) <= i < (1 << 63):
        raise OverflowError("Python int too large to convert to C ssize_t")
    return i


def _tuple_name(ob):
    return 'recordclass.litetuple.' + type(ob).__name__


class litetuple_iterator:
    """The iterator over a `litetuple` or `mutabletuple` (a snapshot of its items)."""

    __module__ = 'recordclass.litetuple'
    __slots__ = ('_items', '_next')

    def __init__(self, items):
        self._items = items
        self._next = 0

    def __iter__(self):
        return self

    def __next__(self):
        i = self._next
        if i >= len(self._items):
            raise StopIteration
        self._next = i + 1
        return self._items[i]

    def __length_hint__(self):
        return len(self._items) - self._next


class litetuple:
    """The package's immutable tuple without a GC header: 24 bytes and 8 per item."""

    __module__ = 'recordclass.litetuple'
    __slots__ = ()
    __pyrt_gc__ = False
    __pyrt_items__ = True
    __doc__ = _TUPLE_DOC

    def __new__(cls, *args, **kw):
        return _recordclass.new_items(cls, args)

    def __init__(self, *args, **kw):
        pass

    def __repr__(self):
        items = _recordclass.items(self)
        if not items:
            return "litetuple()"
        if len(items) == 1:
            return f"litetuple({items[0]!r})"
        key = id(self)
        if key in _repr_tuples:
            return "litetuple(...)"
        _repr_tuples.add(key)
        try:
            return "litetuple(" + ", ".join([repr(v) for v in items]) + ")"
        finally:
            _repr_tuples.discard(key)

    def __hash__(self):
        """The package's `litetuple_hash` (the pre-3.8 tuple hash)."""
        items = _recordclass.items(self)
        mask = (1 << 64) - 1
        x = 0x345678
        mult = 1000003
        left = len(items)
        for v in items:
            left -= 1
            x = ((x ^ (hash(v) & mask)) * mult) & mask
            mult = (mult + 82520 + left + left) & mask
        x = (x + 97531) & mask
        if x == mask:
            x = mask - 1
        return x - (1 << 64) if x >= 1 << 63 else x

    def __lt__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) < _recordclass.items(other)

    def __le__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) <= _recordclass.items(other)

    def __eq__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) == _recordclass.items(other)

    def __ne__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) != _recordclass.items(other)

    def __gt__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) > _recordclass.items(other)

    def __ge__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            return NotImplemented
        return _recordclass.items(self) >= _recordclass.items(other)

    def __iter__(self):
        return litetuple_iterator(_recordclass.items(self))

    def __len__(self):
        return len(_recordclass.items(self))

    def __getitem__(self, i):
        items = _recordclass.items(self)
        if hasattr(type(i), '__index__'):
            i = _ssize(i)
            if i < 0:
                i += len(items)
            if i < 0 or i >= len(items):
                raise IndexError("index out of range")
            return items[i]
        if isinstance(i, slice):
            # `litetuple_slice` takes the start and stop, not the step.
            start, stop, _ = i.indices(len(items))
            return _recordclass.new_items(type(self), items[max(start, 0):max(stop, start)])
        raise TypeError("subscript must be integer, slice or string, but not "
                        f"{type(i).__name__}")

    def __setitem__(self, i, value):
        raise TypeError(f"'{_tuple_name(self)}' object does not support item assignment")

    def __delitem__(self, i):
        raise TypeError(f"'{_tuple_name(self)}' object doesn't support item deletion")

    def __add__(self, other):
        if not isinstance(other, (litetuple, mutabletuple)):
            raise TypeError(f'can only concatenate tuple (not "{type(other).__name__}") '
                            'to tuple')
        return _recordclass.new_items(type(self), _recordclass.items(self)
                                      + _recordclass.items(other))

    def __mul__(self, n):
        if not hasattr(type(n), '__index__'):
            raise TypeError(f"can't multiply sequence by non-int of type "
                            f"'{type(n).__name__}'")
        return _recordclass.new_items(type(self), _recordclass.items(self) * max(_ssize(n), 0))

    __rmul__ = __mul__

    def __getnewargs__(self):
        return _recordclass.items(self)

    def __copy__(self):
        return _recordclass.new_items(type(self), _recordclass.items(self))

    def __nonzero__(self):
        return len(_recordclass.items(self)) > 0

    def __sizeof__(self):
        return 24 + 8 * len(_recordclass.items(self))

    def __reduce__(self):
        return (type(self), (_recordclass.items(self),))

    def __getattr__(self, name):
        raise AttributeError(f"'{_tuple_name(self)}' object has no attribute '{name}'")

    def __setattr__(self, name, value):
        raise AttributeError(f"'{_tuple_name(self)}' object has no attribute '{name}'")


class mutabletuple(litetuple.__base__):
    """The package's mutable tuple without a GC header: 24 bytes and 8 per item."""

    __module__ = 'recordclass.litetuple'
    __slots__ = ()
    __pyrt_gc__ = False
    __pyrt_items__ = True
    __doc__ = _TUPLE_DOC

    def __hash__(self):
        raise TypeError(f"unhashable type: '{_tuple_name(self)}'")

    def __setitem__(self, i, value):
        items = _recordclass.items(self)
        n = len(items)
        if hasattr(type(i), '__index__'):
            i = _ssize(i)
            if i < 0:
                i += n
            if i < 0 or i >= n:
                raise IndexError("assignment index out of range")
            _recordclass.set_item(self, i, value)
            return
        if isinstance(i, slice):
            start, stop, _ = i.indices(n)
            if value is self:
                value = items
            try:
                values = list(value)
            except TypeError:
                raise TypeError("can only assign an iterable") from None
            low = min(max(start, 0), n)
            high = min(max(stop, low), n)
            if len(values) != high - low:
                raise SystemError("error return without exception set")
            for k, v in enumerate(values):
                _recordclass.set_item(self, low + k, v)
            return
        raise TypeError(f"indices must be integers, not {type(i).__name__}")

    def __delitem__(self, i):
        if hasattr(type(i), '__index__'):
            n = len(_recordclass.items(self))
            i = _ssize(i)
            if i < 0:
                i += n
            if i < 0 or i >= n:
                raise IndexError("assignment index out of range")
        elif not isinstance(i, slice):
            raise TypeError(f"indices must be integers, not {type(i).__name__}")
        raise SystemError("error return without exception set")


for _name, _value in list(vars(litetuple).items()):
    if _name not in vars(mutabletuple) and _name not in (
            '__module__', '__slots__', '__doc__', '__dict__', '__weakref__', '__qualname__'):
        type.__setattr__(mutabletuple, _name, _value)
del _name, _value
