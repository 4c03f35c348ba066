"""Shallow and deep copy operations, as CPython 3.12's `copy`.

Shipped with pyrt (interp/lib/). Mirrors Lib/copy.py: `copy(x)` and `deepcopy(x, memo)`
dispatch on the type (atomic values are returned as they are; lists, dicts, sets, tuples are
copied directly), then `__copy__`/`__deepcopy__`, then the pickle protocol
(`__reduce_ex__(4)`/`__reduce__`) and `_reconstruct`. Instances of plain classes reduce as
`object.__reduce_ex__(4)` reduces them (`copyreg.__newobj__`: the class, `__getnewargs__`'s
arguments, the `__dict__` and slot values as state, list items and dict items for list and
dict subclasses); that reduction is computed here when the class does not define its own.
"""

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass
error = Error   # backward compatibility


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        # treat it as a regular class:
        return _copy_immutable(x)

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    copier = _instance_only_method(x, cls, "__copy__")
    if copier is not None:
        return copier()

    rv = _reduce(x, cls, 4)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x

_function_type = type(_copy_immutable)
_builtin_type = type(len)
_code_type = type(_copy_immutable.__code__)


def _types_of_singletons():
    return (type(None), type(Ellipsis), type(NotImplemented))

_immutable_types = (int, float, bool, complex, str, tuple, bytes, frozenset, type, range,
                    slice, property, _function_type, _builtin_type, _code_type) \
    + _types_of_singletons()

_copy_dispatch = {t: _copy_immutable for t in _immutable_types}
# A weak reference is copied as itself (`d[weakref.ref] = _copy_immutable` in CPython).
import weakref
_copy_dispatch[weakref.ref] = _copy_immutable
for _t in (list, dict, set):
    _copy_dispatch[_t] = _t.copy
del _t


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = _deepcopy_atomic(x, memo)
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls, 4)
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


def _deepcopy_atomic(x, memo):
    return x

_deepcopy_dispatch = d = {}
for _t in (type(None), int, float, bool, complex, bytes, str, _code_type, type, range,
           _builtin_type, type(Ellipsis), type(NotImplemented), _function_type, property):
    d[_t] = _deepcopy_atomic
d[weakref.ref] = _deepcopy_atomic
del _t


def _deepcopy_list(x, memo, deepcopy=deepcopy):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y
d[list] = _deepcopy_list


def _deepcopy_tuple(x, memo, deepcopy=deepcopy):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for k, j in zip(x, y):
        if k is not j:
            y = tuple(y)
            break
    else:
        y = x
    return y
d[tuple] = _deepcopy_tuple


def _deepcopy_dict(x, memo, deepcopy=deepcopy):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y
d[dict] = _deepcopy_dict


def _deepcopy_method(x, memo):  # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


class _Probe:
    def method(self):
        pass

d[type(_Probe().method)] = _deepcopy_method
del _Probe

del d


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo.

    Because we remember objects by their id, we have
    to assure that possibly temporary objects are kept
    alive by referencing them.
    We store a reference at the id of the memo, which should
    normally not be used unless someone tries to deepcopy
    the memo itself...
    """
    try:
        memo[id(memo)].append(x)
    except KeyError:
        # aha, this is the first one :-)
        memo[id(memo)] = [x]


# The pickle protocol.

def _reduce(x, cls, protocol):
    """`x.__reduce_ex__(4)` (or `__reduce__`) where the class defines one, else the reduction
    `object.__reduce_ex__(4)` gives."""
    reductor = getattr(cls, "__reduce_ex__", None)
    if reductor is not None and reductor is not getattr(object, "__reduce_ex__", None):
        return x.__reduce_ex__(protocol)
    reductor = getattr(cls, "__reduce__", None)
    if reductor is not None and reductor is not getattr(object, "__reduce__", None):
        return x.__reduce__()
    reductor = _instance_only_method(x, cls, "__reduce__")
    if reductor is not None:
        return reductor()
    return _reduce_object(x, cls)


def _instance_only_method(x, cls, name):
    """Method `name` of `x` where its class shows none: some types pyrt's interpreter defines
    in Rust (the LRU cache wrapper) answer their methods on their instances only. An entry of
    the instance's own `__dict__` does not count, as it does not for CPython's lookup on the
    class."""
    if getattr(cls, name, None) is not None:
        return None
    method = getattr(x, name, None)
    if method is None or name in (getattr(x, "__dict__", None) or {}):
        return None
    return method


try:
    from _functools import partial as _partial
except ImportError:
    _partial = None


def _rebuild_partial(cls, func, args, keywords, instance_dict):
    p = cls(func, *args, **keywords)
    if instance_dict:
        p.__dict__.update(instance_dict)
    return p


def _newobj(cls, *args):
    """`copyreg.__newobj__`: a new instance made by `cls.__new__` alone."""
    return cls.__new__(cls, *args)


def _reduce_object(x, cls):
    """`object.__reduce_ex__(4)`: (copyreg.__newobj__, (cls, *args), state, listitems,
    dictitems)."""
    if _partial is not None and isinstance(x, _partial):
        # `partial_reduce` and `partial_setstate`: the class, the function, the arguments,
        # the keywords and the instance dict.
        return _rebuild_partial, (cls, x.func, x.args, x.keywords, x.__dict__ or None)
    if isinstance(x, (set, frozenset)):
        # `set_reduce`: the class, the items as a list, the instance dict.
        return cls, (list(x),), getattr(x, "__dict__", None)
    if not _is_heap_class(cls):
        # (`reduce_newobj` names a built-in type by its `tp_name`, module included.)
        name = cls.__name__
        if cls.__module__ != "builtins":
            name = f"{cls.__module__}.{name}"
        raise TypeError(f"cannot pickle {name!r} object")
    getnewargs = getattr(x, "__getnewargs__", None)
    args = tuple(getnewargs()) if getnewargs is not None else ()
    getstate = getattr(x, "__getstate__", None)
    if getstate is not None:
        state = getstate()
    else:
        state = _default_state(x, cls)
    listitems = iter(x) if isinstance(x, list) else None
    dictitems = iter(x.items()) if isinstance(x, dict) else None
    return _newobj, (cls,) + args, state, listitems, dictitems


def _default_state(x, cls):
    """`object.__getstate__`: the instance dict (None when empty), with the slot values
    beside it when the class has slots."""
    state = getattr(x, "__dict__", None) or None
    slots = {}
    for klass in cls.__mro__:
        names = klass.__dict__.get("__slots__", ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ("__dict__", "__weakref__"):
                continue
            if name.startswith("__") and not name.endswith("__"):
                stripped = klass.__name__.lstrip("_")
                if stripped:
                    name = f"_{stripped}{name}"
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


def _is_heap_class(cls):
    """Whether `object.__reduce_ex__` can reduce instances of `cls`: a class made by a class
    statement (on `object` or on a built-in type), not a built-in type itself."""
    for klass in cls.__mro__:
        # (A type pyrt's interpreter defines in Rust, as `functools.KeyWrapper`, has no
        # `__dict__`; every class statement's class has one.)
        if klass.__module__ == "builtins" or not hasattr(klass, "__dict__"):
            return klass is object or klass is not cls
    return True


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                y.__dict__.update(state)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
