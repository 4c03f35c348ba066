"""Functional tools for creating and using iterators, as CPython 3.12's `itertools`.

Shipped with pyrt (interp/lib/). CPython's itertools is a C module (Modules/itertoolsmodule.c);
pyrt does not have a Rust one yet, so each of 3.12's iterator types is a Python class here with
the C type's name (`itertools.chain`, `itertools._grouper`, `itertools._tee`), its reprs
(`count(0)`, `repeat('a', 3)`), its argument checks and messages, and its laziness: arguments
are checked and made into iterators when the object is made, items are produced one at a time.
`sys.getsizeof` reports the C structs' sizes (each class's `__sizeof__`: `sizeof(countobject)`
and the others, plus the index arrays of `product`, `permutations` and the combinations); an
instance's own memory in pyrt is a Python object's.
"""

import sys as _sys

# "No value": a missing argument, the end of an iterator, an empty groupby slot.
_MISSING = object()

__all__ = ['accumulate', 'batched', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby', 'islice',
           'pairwise', 'permutations', 'product', 'repeat', 'starmap', 'takewhile', 'tee',
           'zip_longest']


def _iter_self(self):
    return self


def _next_of_generator(self):
    return next(self._gen)


# `__basicsize__` of each C type of CPython 3.12's itertools (64-bit).
_BASIC_SIZES = {
    'count': 40, 'cycle': 48, 'repeat': 32, 'accumulate': 56, 'batched': 32, 'chain': 32,
    'compress': 32, 'dropwhile': 40, 'takewhile': 40, 'filterfalse': 32, 'starmap': 32,
    'pairwise': 32, 'islice': 56, 'zip_longest': 56, 'groupby': 72, '_grouper': 32,
    '_tee': 48, 'product': 48, 'permutations': 64, 'combinations': 56,
    'combinations_with_replacement': 56,
}


def _sizeof(self):
    """`__sizeof__` as the C type answers it: its basic size, plus one `Py_ssize_t` per index
    the combinatoric iterators keep (`product_sizeof`, `permutations_sizeof`, ...). A script's
    subclass answers as any instance of a class does."""
    cls = type(self)
    if cls.__module__ != 'itertools':
        return object.__sizeof__(self)
    return _BASIC_SIZES[cls.__name__] + 8 * getattr(self, '_index_words', 0)


def _iterator_type(cls):
    """Gives `cls` the iterator protocol (as the C types have `tp_iter` returning self and
    `tp_iternext`): items come from the generator in `_gen` unless the class has its own
    `__next__`, the module is `itertools`, and the C type's `__sizeof__`."""
    cls.__iter__ = _iter_self
    if '__next__' not in cls.__dict__:
        cls.__next__ = _next_of_generator
    cls.__module__ = 'itertools'
    cls.__sizeof__ = _sizeof
    return cls


def _with_index_words(self, words):
    """`self` keeping `words` indices in C (its `sys.getsizeof` counts them)."""
    self._index_words = words
    return self


def _new(cls, gen):
    self = object.__new__(cls)
    self._gen = gen
    return self


def _no_keywords(name, kwargs):
    if kwargs:
        raise TypeError(f'{name}() takes no keyword arguments')


def _arity(name, args, low, high):
    """The messages of `PyArg_UnpackTuple` / `_PyArg_CheckPositional`."""
    n = len(args)
    if n < low:
        if low == high:
            raise TypeError(f'{name} expected {low} argument{"s" if low > 1 else ""}, got {n}')
        raise TypeError(f'{name} expected at least {low} argument{"s" if low > 1 else ""}, '
                        f'got {n}')
    if n > high:
        if low == high:
            raise TypeError(f'{name} expected {high} argument{"s" if high > 1 else ""}, got {n}')
        raise TypeError(f'{name} expected at most {high} argument{"s" if high > 1 else ""}, '
                        f'got {n}')


def _as_index(o):
    if isinstance(o, int):
        return int(o)
    index = getattr(type(o), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(o).__name__}' object cannot be interpreted as an integer")
    return index(o)


# Infinite iterators.

@_iterator_type
class count:
    """Return a count object whose .__next__() method returns consecutive values."""

    __slots__ = ('_next', '_step')

    def __new__(cls, *args, **kwargs):
        names = ('start', 'step')
        if len(args) > 2:
            raise TypeError(f'count() takes at most 2 arguments ({len(args)} given)')
        values = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f"count() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"argument for count() given by name ('{k}') and position "
                                f"({names.index(k) + 1})")
            values[k] = v
        start = values.get('start', 0)
        step = values.get('step', 1)
        for v in (start, step):
            if not _is_number(v):
                raise TypeError('a number is required')
        self = object.__new__(cls)
        self._next = start
        self._step = step
        return self

    def __next__(self):
        value = self._next
        self._next = value + self._step
        return value

    def __repr__(self):
        name = type(self).__name__
        step = self._step
        if isinstance(step, int) and step == 1:
            return f'{name}({self._next!r})'
        return f'{name}({self._next!r}, {step!r})'


def _is_number(v):
    return isinstance(v, (int, float, complex)) or hasattr(type(v), '__add__') and (
        hasattr(type(v), '__index__') or hasattr(type(v), '__float__')
        or hasattr(type(v), '__complex__'))


@_iterator_type
class cycle:
    """Return elements from the iterable until it is exhausted. Then repeat the sequence
    indefinitely."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('cycle', kwargs)
        _arity('cycle', args, 1, 1)
        return _new(cls, _cycle(iter(args[0])))


def _cycle(it):
    saved = []
    for element in it:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


@_iterator_type
class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
for the specified number of times.  If not specified, returns the object
endlessly."""

    __slots__ = ('_object', '_times')

    def __new__(cls, *args, **kwargs):
        names = ('object', 'times')
        if len(args) > 2:
            raise TypeError(f'repeat() takes at most 2 arguments ({len(args)} given)')
        values = dict(zip(names, args))
        for k, v in kwargs.items():
            if k not in names:
                raise TypeError(f"repeat() got an unexpected keyword argument '{k}'")
            values[k] = v
        if 'object' not in values:
            raise TypeError("repeat() missing required argument 'object' (pos 1)")
        self = object.__new__(cls)
        self._object = values['object']
        times = values.get('times')
        self._times = None if times is None and 'times' not in values else \
            max(_as_index(times), 0)
        return self

    def __next__(self):
        if self._times is None:
            return self._object
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._object

    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times

    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return f'{name}({self._object!r})'
        return f'{name}({self._object!r}, {self._times})'


# Iterators terminating on the shortest input.

@_iterator_type
class accumulate:
    """Return series of accumulated sums (or other binary function results)."""

    __slots__ = ('_gen',)

    def __new__(cls, iterable=_MISSING, func=None, *, initial=None):
        if iterable is _MISSING:
            raise TypeError("accumulate() missing required argument 'iterable' (pos 1)")
        return _new(cls, _accumulate(iter(iterable), func, initial))


def _accumulate(it, func, initial):
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for element in it:
        total = total + element if func is None else func(total, element)
        yield total


@_iterator_type
class batched:
    """Batch data into tuples of length n. The last batch may be shorter than n."""

    __slots__ = ('_gen',)

    def __new__(cls, iterable=_MISSING, n=_MISSING):
        if iterable is _MISSING:
            raise TypeError("batched() missing required argument 'iterable' (pos 1)")
        if n is _MISSING:
            raise TypeError("batched() missing required argument 'n' (pos 2)")
        n = _as_index(n)
        if n < 1:
            raise ValueError('n must be at least one')
        return _new(cls, _batched(iter(iterable), n))


def _batched(it, n):
    while True:
        batch = []
        for element in it:
            batch.append(element)
            if len(batch) == n:
                break
        if not batch:
            return
        yield tuple(batch)
        if len(batch) < n:
            return


@_iterator_type
class chain:
    """Return a chain object whose .__next__() method returns elements from the
first iterable until it is exhausted, then elements from the next
iterable, until all of the iterables are exhausted."""

    __slots__ = ('_gen',)

    def __new__(cls, *iterables, **kwargs):
        _no_keywords('chain', kwargs)
        return _new(cls, _chain(iter(iterables)))

    @classmethod
    def from_iterable(cls, iterable, /):
        """Alternative chain() constructor taking a single iterable argument that evaluates
        lazily."""
        return _new(cls, _chain(iter(iterable)))


def _chain(sources):
    for source in sources:
        yield from iter(source)


@_iterator_type
class compress:
    """Return data elements corresponding to true selector elements."""

    __slots__ = ('_gen',)

    def __new__(cls, data=_MISSING, selectors=_MISSING):
        if data is _MISSING:
            raise TypeError("compress() missing required argument 'data' (pos 1)")
        if selectors is _MISSING:
            raise TypeError("compress() missing required argument 'selectors' (pos 2)")
        return _new(cls, (d for d, s in zip(iter(data), iter(selectors)) if s))


@_iterator_type
class dropwhile:
    """Drop items from the iterable while predicate(item) is true."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('dropwhile', kwargs)
        _arity('dropwhile', args, 2, 2)
        return _new(cls, _dropwhile(args[0], iter(args[1])))


def _dropwhile(predicate, it):
    for x in it:
        if not predicate(x):
            yield x
            break
    yield from it


@_iterator_type
class takewhile:
    """Return successive entries from an iterable as long as the predicate evaluates to
    true for each entry."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('takewhile', kwargs)
        _arity('takewhile', args, 2, 2)
        return _new(cls, _takewhile(args[0], iter(args[1])))


def _takewhile(predicate, it):
    for x in it:
        if not predicate(x):
            return
        yield x


@_iterator_type
class filterfalse:
    """Return those items of iterable for which function(item) is false."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('filterfalse', kwargs)
        _arity('filterfalse', args, 2, 2)
        predicate, it = args[0], iter(args[1])
        if predicate is None:
            return _new(cls, (x for x in it if not x))
        return _new(cls, (x for x in it if not predicate(x)))


@_iterator_type
class starmap:
    """Return an iterator whose values are returned from the function evaluated with an
    argument tuple taken from the given sequence."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('starmap', kwargs)
        _arity('starmap', args, 2, 2)
        function, it = args[0], iter(args[1])
        return _new(cls, _starmap(function, it))


def _starmap(function, it):
    for args in it:
        # `starmap_next` makes a tuple of each item, with the message of a failed iter().
        yield function(*tuple(args))


@_iterator_type
class pairwise:
    """Return an iterator of overlapping pairs taken from the input iterator."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('pairwise', kwargs)
        _arity('pairwise', args, 1, 1)
        return _new(cls, _pairwise(iter(args[0])))


def _pairwise(it):
    for a in it:
        for b in it:
            yield a, b
            a = b
        return


@_iterator_type
class islice:
    """islice(iterable, stop) --> islice object
islice(iterable, start, stop[, step]) --> islice object"""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        _no_keywords('islice', kwargs)
        _arity('islice', args, 2, 4)
        it = args[0]
        if len(args) == 2:
            start, stop, step = None, args[1], None
        else:
            start, stop = args[1], args[2]
            step = args[3] if len(args) == 4 else None
        stop_error = ('Stop argument for islice() must be None or an integer: '
                      '0 <= x <= sys.maxsize.')
        index_error = ('Indices for islice() must be None or an integer: '
                       '0 <= x <= sys.maxsize.')
        stop = _islice_arg(stop, None, stop_error)
        start = _islice_arg(start, 0, index_error)
        step = _islice_arg(step, 1, 'Step for islice() must be a positive integer or None.',
                           positive=True)
        return _new(cls, _islice(iter(it), start, stop, step))


def _islice_arg(value, default, message, positive=False):
    if value is None:
        return default
    try:
        value = _as_index(value)
    except TypeError:
        raise ValueError(message) from None
    if value < 0 or value > _sys.maxsize or (positive and value == 0):
        raise ValueError(message)
    return value


def _islice(it, start, stop, step):
    # `islice_next`: skip to the next index, stop at `stop` (None: no stop).
    count = 0
    following = start
    while True:
        while count < following:
            if next(it, _MISSING) is _MISSING:
                return
            count += 1
        if stop is not None and count >= stop:
            return
        item = next(it, _MISSING)
        if item is _MISSING:
            return
        count += 1
        following += step
        if stop is not None and following > stop:
            following = stop
        yield item


@_iterator_type
class zip_longest:
    """Return a zip_longest object whose .__next__() method returns a tuple where the i-th
element comes from the i-th iterable argument."""

    __slots__ = ('_gen',)

    def __new__(cls, *args, **kwargs):
        fillvalue = None
        for k, v in kwargs.items():
            if k != 'fillvalue':
                raise TypeError('zip_longest() got an unexpected keyword argument')
            fillvalue = v
        iterators = [iter(a) for a in args]
        return _new(cls, _zip_longest(iterators, fillvalue))


def _zip_longest(iterators, fillvalue):
    active = len(iterators)
    if not active:
        return
    while True:
        values = []
        for i, it in enumerate(iterators):
            if it is None:
                values.append(fillvalue)
                continue
            value = next(it, _MISSING)
            if value is _MISSING:
                active -= 1
                if not active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


@_iterator_type
class groupby:
    """make an iterator that returns consecutive keys and groups from the iterable"""

    __slots__ = ('_it', '_keyfunc', '_tgtkey', '_currkey', '_currvalue', '_id')

    def __new__(cls, iterable=_MISSING, key=None):
        if iterable is _MISSING:
            raise TypeError("groupby() missing required argument 'iterable' (pos 1)")
        self = object.__new__(cls)
        self._it = iter(iterable)
        self._keyfunc = key
        self._tgtkey = self._currkey = self._currvalue = _MISSING
        self._id = object()
        return self

    def _step(self):
        value = next(self._it)
        key = value if self._keyfunc is None else self._keyfunc(value)
        self._currvalue = value
        self._currkey = key

    def __next__(self):
        # `groupby_next`: a new group makes the previous grouper stale; skip the rest of
        # the current group.
        self._id = object()
        while True:
            if self._currkey is _MISSING:
                pass
            elif self._tgtkey is _MISSING:
                break
            elif not _equal(self._tgtkey, self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        return self._currkey, _new_grouper(self, self._tgtkey)


def _equal(a, b):
    """`PyObject_RichCompareBool(a, b, Py_EQ)`: identity first."""
    return a is b or a == b


@_iterator_type
class _grouper:
    __slots__ = ('_parent', '_tgtkey', '_id')

    def __new__(cls, *args, **kwargs):
        raise TypeError("cannot create 'itertools._grouper' instances")

    def __next__(self):
        parent = self._parent
        if parent._id is not self._id:
            raise StopIteration
        if parent._currvalue is _MISSING:
            parent._step()
        if not _equal(self._tgtkey, parent._currkey):
            raise StopIteration
        value = parent._currvalue
        parent._currvalue = _MISSING
        parent._currkey = _MISSING
        return value


def _new_grouper(parent, key):
    g = object.__new__(_grouper)
    g._parent = parent
    g._tgtkey = key
    g._id = parent._id
    return g


@_iterator_type
class _tee:
    """Iterator wrapped to make it copyable."""

    __slots__ = ('_source', '_buffer', '_index')

    def __new__(cls, iterable=_MISSING):
        if iterable is _MISSING:
            raise TypeError('_tee expected 1 argument, got 0')
        it = iter(iterable)
        if isinstance(it, _tee):
            return it.__copy__()
        self = object.__new__(cls)
        self._source = it
        self._buffer = _TeeBuffer()
        self._index = 0
        return self

    def __next__(self):
        buf = self._buffer
        i = self._index - buf.start
        if i < len(buf.items):
            value = buf.items[i]
        else:
            value = next(self._source)
            buf.items.append(value)
        self._index += 1
        return value

    def __copy__(self):
        new = object.__new__(type(self))
        new._source = self._source
        new._buffer = self._buffer
        new._index = self._index
        return new


class _TeeBuffer:
    """The items read from a tee's source and not yet read by every copy."""
    __slots__ = ('items', 'start')

    def __init__(self):
        self.items = []
        self.start = 0


def tee(iterable, n=2, /):
    """Returns a tuple of n independent iterators."""
    n = _as_index(n)
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    first = _tee(iterable)
    result = [first]
    for _ in range(n - 1):
        result.append(first.__copy__())
    return tuple(result)


# Combinatoric iterators.

@_iterator_type
class product:
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""

    __slots__ = ('_gen', '_index_words')

    def __new__(cls, *args, **kwargs):
        repeat = 1
        for k, v in kwargs.items():
            if k != 'repeat':
                raise TypeError(f"'{k}' is an invalid keyword argument for product()")
            repeat = _as_index(v)
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(pool) for pool in args] * repeat
        return _with_index_words(_new(cls, _product(pools)), len(pools))


def _product(pools):
    # An odometer over the pools' indices, the rightmost turning fastest (`product_next`).
    for pool in pools:
        if not pool:
            return
    indices = [0] * len(pools)
    yield tuple(pool[0] for pool in pools)
    while True:
        for i in reversed(range(len(pools))):
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
        else:
            return
        yield tuple(pool[j] for pool, j in zip(pools, indices))


@_iterator_type
class permutations:
    """Return successive r-length permutations of elements in the iterable."""

    __slots__ = ('_gen', '_index_words')

    def __new__(cls, iterable=_MISSING, r=None):
        if iterable is _MISSING:
            raise TypeError("permutations() missing required argument 'iterable' (pos 1)")
        pool = tuple(iterable)
        n = len(pool)
        if r is None:
            r = n
        elif not isinstance(r, int):
            raise TypeError('Expected int as r')
        if r < 0:
            raise ValueError('r must be non-negative')
        return _with_index_words(_new(cls, _permutations(pool, n, r)), n + r)


def _permutations(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple(pool[i] for i in indices[:r])
    while n:
        for i in reversed(range(r)):
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple(pool[i] for i in indices[:r])
                break
        else:
            return


@_iterator_type
class combinations:
    """Return successive r-length combinations of elements in the iterable."""

    __slots__ = ('_gen', '_index_words')

    def __new__(cls, iterable=_MISSING, r=_MISSING):
        if iterable is _MISSING:
            raise TypeError("combinations() missing required argument 'iterable' (pos 1)")
        if r is _MISSING:
            raise TypeError("combinations() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        r = _as_index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        return _with_index_words(_new(cls, _combinations(pool, r)), r)


def _combinations(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != i + n - r:
                break
        else:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple(pool[i] for i in indices)


@_iterator_type
class combinations_with_replacement:
    """Return successive r-length combinations of elements in the iterable allowing
    individual elements to have successive repeats."""

    __slots__ = ('_gen', '_index_words')

    def __new__(cls, iterable=_MISSING, r=_MISSING):
        name = 'combinations_with_replacement'
        if iterable is _MISSING:
            raise TypeError(f"{name}() missing required argument 'iterable' (pos 1)")
        if r is _MISSING:
            raise TypeError(f"{name}() missing required argument 'r' (pos 2)")
        pool = tuple(iterable)
        r = _as_index(r)
        if r < 0:
            raise ValueError('r must be non-negative')
        return _with_index_words(_new(cls, _combinations_with_replacement(pool, r)), r)


def _combinations_with_replacement(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)

