"""`collections.deque`, as CPython 3.12's `_collections.deque` behaves.

Shipped with pyrt. CPython keeps a deque's items in a doubly linked list of 64-slot blocks
(Modules/_collectionsmodule.c); its `__sizeof__` is the type's 216-byte basic size plus 528
bytes per block, and the block count is `(leftindex + len + 63) // 64`. This deque keeps its
items in a list and follows `leftindex` through every operation as the C code moves it
(a new deque starts centred at 32, `appendleft` steps it down through the blocks, `popleft`
up, `rotate` by `n`, an emptied deque re-centres), so `sys.getsizeof` answers as CPython's.
"""

_BLOCKLEN = 64
_CENTER = (_BLOCKLEN - 1) // 2
_BASICSIZE = 216
_BLOCKSIZE = 8 * _BLOCKLEN + 16
_MISSING = object()


class deque:
    """A list-like sequence optimized for data accesses near its endpoints."""

    __slots__ = ('_items', '_maxlen', '_left', '_state')
    __module__ = 'collections'

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = []
        self._maxlen = None
        self._left = _CENTER + 1
        self._state = 0
        return self

    def __init__(self, iterable=_MISSING, maxlen=None):
        if maxlen is not None:
            maxlen = _index(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        if self._items:
            self.clear()
        if iterable is not _MISSING:
            self.extend(iterable)

    # The block bookkeeping: where the leftmost item sits in its block.

    def _step_left(self):
        self._left = _BLOCKLEN - 1 if self._left == 0 else self._left - 1

    def _step_right(self):
        self._left += 1
        if self._left == _BLOCKLEN:
            self._left = 0 if self._items else _CENTER + 1

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    def append(self, x, /):
        """Add an element to the right side of the deque."""
        self._state += 1
        self._items.append(x)
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._popleft()

    def appendleft(self, x, /):
        """Add an element to the left side of the deque."""
        self._state += 1
        self._items.insert(0, x)
        self._step_left()
        if self._maxlen is not None and len(self._items) > self._maxlen:
            self._pop()

    def _pop(self):
        item = self._items.pop()
        self._state += 1
        # The right index moved down: re-centre if that emptied the only block.
        right = (self._left + len(self._items)) % _BLOCKLEN
        if not self._items and right == 0:
            self._left = _CENTER + 1
        return item

    def _popleft(self):
        item = self._items.pop(0)
        self._state += 1
        self._step_right()
        return item

    def pop(self, /):
        """Remove and return the rightmost element."""
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._pop()

    def popleft(self, /):
        """Remove and return the leftmost element."""
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._popleft()

    def extend(self, iterable, /):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        it = iter(iterable)
        if self._maxlen == 0:
            for _ in it:
                pass
            return
        if not self._items:
            # `deque_extend`'s space-saving heuristic: an empty deque fills from the left
            # end of its block.
            self._left = 1
        for x in it:
            self.append(x)

    def extendleft(self, iterable, /):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = list(iterable)
        it = iter(iterable)
        if self._maxlen == 0:
            for _ in it:
                pass
            return
        if not self._items:
            # ... and from the right end of its block when filled from the left.
            self._left = _BLOCKLEN - 1
        for x in it:
            self.appendleft(x)

    def clear(self, /):
        """Remove all elements from the deque."""
        self._items.clear()
        self._state += 1
        self._left = _CENTER + 1

    def copy(self, /):
        """Return a shallow copy of a deque."""
        if type(self) is not deque:
            return type(self)(self, self._maxlen)
        new = deque.__new__(deque)
        new._maxlen = self._maxlen
        if len(self._items) == 1:
            new.append(self._items[0])
        else:
            new.extend(self)
        return new

    __copy__ = copy

    def count(self, value, /):
        """Return number of occurrences of value."""
        state = self._state
        n = 0
        for x in self._items:
            if x == value:
                n += 1
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, value, start=0, stop=None, /):
        """Return first index of value."""
        n = len(self._items)
        start = _clip(_index(start), n)
        stop = n if stop is None else _clip(_index(stop), n)
        state = self._state
        for i in range(start, stop):
            if self._items[i] == value:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{value!r} is not in deque')

    def insert(self, index, value, /):
        """Insert value before index."""
        index = _index(index)
        n = len(self._items)
        if self._maxlen is not None and n >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        if index >= n:
            return self.append(value)
        if index <= -n or index == 0:
            return self.appendleft(value)
        self._rotate(-index)
        if index < 0:
            self.append(value)
        else:
            self.appendleft(value)
        self._rotate(index)

    def remove(self, value, /):
        """Remove first occurrence of value."""
        state = self._state
        for i, x in enumerate(self._items):
            equal = x == value
            if state != self._state:
                raise IndexError('deque mutated during remove().')
            if equal:
                self._del(i)
                return
        raise ValueError(f'{value!r} is not in deque')

    def reverse(self, /):
        """Reverse *IN PLACE*."""
        self._items.reverse()
        self._state += 1

    def rotate(self, n=1, /):
        """Rotate the deque n steps to the right.  If n is negative, rotates left."""
        self._rotate(_index(n))

    def _rotate(self, n):
        length = len(self._items)
        if length <= 1:
            return
        half = length >> 1
        if n > half or n < -half:
            n %= length
            if n > half:
                n -= length
            elif n < -half:
                n += length
        if n == 0:
            return
        self._state += 1
        self._items[:] = self._items[-n:] + self._items[:-n]
        self._left = (self._left - n) % _BLOCKLEN

    def _del(self, i):
        self._rotate(-i)
        self._popleft()
        self._rotate(i)

    def _check_index(self, i):
        if not isinstance(i, int) and getattr(type(i), '__index__', None) is None:
            raise TypeError(f"sequence index must be integer, not '{type(i).__name__}'")
        i = _index(i)
        n = len(self._items)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i, /):
        return self._items[self._check_index(i)]

    def __setitem__(self, i, value, /):
        self._items[self._check_index(i)] = value

    def __delitem__(self, i, /):
        self._del(self._check_index(i))

    def __len__(self, /):
        return len(self._items)

    def __bool__(self, /):
        return bool(self._items)

    def __contains__(self, value, /):
        state = self._state
        for x in self._items:
            if x == value:
                return True
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        return False

    def __iter__(self, /):
        return _deque_iterator(self, False)

    def __reversed__(self, /):
        """D.__reversed__() -- return a reverse iterator over the deque"""
        return _deque_iterator(self, True)

    def __repr__(self, /):
        if _repr_running(self):
            return '[...]'
        try:
            listrepr = repr(self._items)
        finally:
            _repr_done(self)
        name = type(self).__name__
        if self._maxlen is None:
            return f'{name}({listrepr})'
        return f'{name}({listrepr}, maxlen={self._maxlen})'

    def __eq__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items == other._items

    def __ne__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items != other._items

    def __lt__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items < other._items

    def __le__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items <= other._items

    def __gt__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items > other._items

    def __ge__(self, other, /):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items >= other._items

    def __hash__(self, /):
        # CPython's deque has no hash; its message names the C type, 'collections.deque'.
        raise TypeError("unhashable type: 'collections.deque'")

    def __iadd__(self, other, /):
        self.extend(other)
        return self

    def __add__(self, other, /):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") '
                            'to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __mul__(self, n, /):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n, /):
        # `deque_inplace_repeat`: no more copies than `maxlen` can hold.
        n = _index(n)
        size = len(self._items)
        if size == 0 or n == 1:
            return self
        if n <= 0:
            self.clear()
            return self
        if size == 1:
            if self._maxlen is not None and n > self._maxlen:
                n = self._maxlen
            self._state += 1
            self._items.extend(self._items * (n - 1))
            return self
        if self._maxlen is not None and n * size > self._maxlen:
            n = (self._maxlen + size - 1) // size
        items = list(self._items)
        for _ in range(n - 1):
            self.extend(items)
        return self

    def __sizeof__(self, /):
        """Size of the deque in memory, in bytes."""
        blocks = (self._left + len(self._items) + _BLOCKLEN - 1) // _BLOCKLEN
        return _BASICSIZE + blocks * _BLOCKSIZE

    def __reduce__(self, /):
        """Return state information for pickling."""
        return type(self), ((), self._maxlen), None, iter(self)


class _deque_iterator:
    """The iterator of a deque, forward or reversed; a deque changed under it raises."""

    __slots__ = ('_deque', '_state', '_index', '_reversed')
    __module__ = '_collections'

    def __init__(self, d, reverse):
        self._deque = d
        self._state = d._state
        self._index = 0
        self._reversed = reverse

    def __iter__(self):
        return self

    def __next__(self):
        d = self._deque
        if d is None:
            raise StopIteration
        if d._state != self._state:
            self._deque = None
            raise RuntimeError('deque mutated during iteration')
        items = d._items
        if self._index >= len(items):
            self._deque = None
            raise StopIteration
        i = self._index
        self._index += 1
        return items[-1 - i] if self._reversed else items[i]

    def __length_hint__(self):
        if self._deque is None:
            return 0
        return len(self._deque._items) - self._index


_deque_iterator.__name__ = _deque_iterator.__qualname__ = '_deque_iterator'

_running = set()


def _repr_running(d):
    key = id(d)
    if key in _running:
        return True
    _running.add(key)
    return False


def _repr_done(d):
    _running.discard(id(d))


def _index(n):
    """`PyNumber_AsSsize_t`: an int, or an object with `__index__`."""
    if isinstance(n, int):
        return int(n)
    index = getattr(type(n), '__index__', None)
    if index is None:
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return index(n)


def _clip(i, n):
    if i < 0:
        i += n
        if i < 0:
            i = 0
    if i > n:
        i = n
    return i
