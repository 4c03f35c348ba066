"""The Mersenne Twister core of ``random``: CPython's ``_random`` accelerator
(``Modules/_randommodule.c``), written in Python for pyrt.

``Random`` holds MT19937's 624 words and index. ``seed`` takes an int (all its bits, as
32-bit words of its absolute value, little end first, given to ``init_by_array``), None (the
clock and the process) or any hashable (its hash); ``random`` makes a double from 53 bits of
two outputs, ``getrandbits`` an int from whole outputs, ``getstate``/``setstate`` exchange
the 625-tuple of CPython's. Same seed, same numbers as CPython 3.12.
"""

from operator import index as _index

_N = 624
_M = 397
_MATRIX_A = 0x9908b0df
_UPPER = 0x80000000
_LOWER = 0x7fffffff
_MASK = 0xffffffff


class Random:
    """Random() -> create a random number generator with its own internal state."""

    def __new__(cls, *args, **kwargs):
        # A zeroed state, as `PyType_GenericNew` leaves CPython's; `__init__` seeds it.
        self = object.__new__(cls)
        self._mt = [0] * _N
        self._index = 0
        return self

    def __init__(self, *args, **kwargs):
        if kwargs and type(self).__init__ is Random.__init__:
            raise TypeError('Random() takes no keyword arguments')
        if len(args) > 1:
            raise TypeError('Random() requires 0 or 1 argument')
        self.seed(*args)

    def _init_genrand(self, s):
        mt = self._mt
        mt[0] = s & _MASK
        for i in range(1, _N):
            prev = mt[i - 1]
            mt[i] = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK
        self._index = _N

    def _init_by_array(self, key):
        self._init_genrand(19650218)
        mt = self._mt
        i, j = 1, 0
        length = len(key)
        for _ in range(max(_N, length)):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1664525)) + key[j] + j) & _MASK
            i += 1
            j += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
            if j >= length:
                j = 0
        for _ in range(_N - 1):
            prev = mt[i - 1]
            mt[i] = ((mt[i] ^ ((prev ^ (prev >> 30)) * 1566083941)) - i) & _MASK
            i += 1
            if i >= _N:
                mt[0] = mt[_N - 1]
                i = 1
        mt[0] = 0x80000000

    def seed(self, n=None, /):
        """seed([n]) -> None.

        Defaults to use urandom and falls back to a combination
        of the current time and the process identifier.
        """
        if n is None:
            # CPython reads the system's entropy; pyrt mixes the clock's nanoseconds and the
            # generator's identity instead.
            from time import time_ns, perf_counter_ns
            n = (time_ns() << 64) ^ (perf_counter_ns() << 32) ^ id(self)
        elif not isinstance(n, int):
            n = hash(n)
        n = abs(n)
        key = []
        while n:
            key.append(n & _MASK)
            n >>= 32
        self._init_by_array(key or [0])

    def _twist(self):
        mt = self._mt
        for k in range(_N - _M):
            y = (mt[k] & _UPPER) | (mt[k + 1] & _LOWER)
            mt[k] = mt[k + _M] ^ (y >> 1) ^ (_MATRIX_A if y & 1 else 0)
        for k in range(_N - _M, _N - 1):
            y = (mt[k] & _UPPER) | (mt[k + 1] & _LOWER)
            mt[k] = mt[k + _M - _N] ^ (y >> 1) ^ (_MATRIX_A if y & 1 else 0)
        y = (mt[_N - 1] & _UPPER) | (mt[0] & _LOWER)
        mt[_N - 1] = mt[_M - 1] ^ (y >> 1) ^ (_MATRIX_A if y & 1 else 0)
        self._index = 0

    def _genrand_uint32(self):
        if self._index >= _N:
            self._twist()
        y = self._mt[self._index]
        self._index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        return y ^ (y >> 18)

    def random(self):
        """random() -> x in the interval [0, 1)."""
        # Two outputs of _genrand_uint32, written out: this is the hot path.
        mt = self._mt
        i = self._index
        if i >= _N:
            self._twist()
            i = 0
        y = mt[i]
        i += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        a = (y ^ (y >> 18)) >> 5
        if i >= _N:
            self._twist()
            i = 0
        y = mt[i]
        self._index = i + 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        b = (y ^ (y >> 18)) >> 6
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k, /):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        k = _index(k)
        if k < 0:
            raise ValueError('number of bits must be non-negative')
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand_uint32() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand_uint32()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    def getstate(self):
        """getstate() -> tuple containing the current state."""
        return tuple(self._mt) + (self._index,)

    def setstate(self, state, /):
        """setstate(state) -> None.  Restores generator state."""
        if not isinstance(state, tuple):
            raise TypeError('state vector must be a tuple')
        if len(state) != _N + 1:
            raise ValueError('state vector is the wrong size')
        words = []
        for x in state[:_N]:
            if not isinstance(x, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(x).__name__)
            if x < 0:
                raise OverflowError("can't convert negative value to unsigned int")
            if x > 0xffffffffffffffff:
                raise OverflowError('Python int too large to convert to C unsigned long')
            words.append(x & _MASK)
        index = state[_N]
        if not isinstance(index, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(index).__name__)
        if index < 0 or index > _N:
            raise ValueError('invalid state')
        self._mt = words
        self._index = index
