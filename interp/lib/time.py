"""Time access and conversions, as CPython 3.12's ``time`` module (``Modules/timemodule.c``).

CPython's module is all C; pyrt's is split: the clocks, ``sleep`` and the C library calls
(``gmtime_r``, ``localtime_r``, ``mktime``, ``strftime``) are Rust in the built-in
``_pyrt_time``, and this file adds ``struct_time`` (a struct sequence: nine fields in the
sequence, ``tm_zone`` and ``tm_gmtoff`` as attributes only), the argument checks with
CPython's messages, ``asctime``/``ctime`` and the ``timezone``/``altzone``/``daylight``/
``tzname`` values, found as CPython's ``init_timezone`` finds them.

Not here: ``strptime`` (CPython's is the large ``_strptime`` module), ``tzset``,
``get_clock_info``, ``pthread_getcpuclockid`` and the ``clock_*`` functions.
"""

from _pyrt_time import (
    time, time_ns, monotonic, monotonic_ns, perf_counter, perf_counter_ns,
    process_time, process_time_ns, thread_time, thread_time_ns, sleep,
)
import _pyrt_time

class _BuiltinLike:
    """A function of this module that, like CPython's built-in functions, stays a plain
    function as a class attribute (``Formatter.converter = time.gmtime`` must not bind)."""

    def __init__(self, f):
        self._f = f
        self.__name__ = self.__qualname__ = f.__name__
        self.__doc__ = f.__doc__
        self.__module__ = 'time'

    def __call__(self, *args):
        return self._f(*args)

    def __repr__(self):
        return '<built-in function %s>' % self.__name__


_FIELDS = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec',
           'tm_wday', 'tm_yday', 'tm_isdst')

_INT_MAX = 2 ** 31 - 1
_LONG_MAX = 2 ** 63 - 1


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(), and
 accepted by asctime(), mktime() and strftime().  May be considered as a
 sequence of 9 integers.

 Note that several fields' values are not the same as those defined by
 the C language standard for struct tm.  For example, the value of the
 field tm_year is the actual year, not year - 1900.  See individual
 fields' descriptions for details."""

    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence, dict=None):
        try:
            items = list(sequence)
        except TypeError:
            raise TypeError('constructor requires a sequence') from None
        if isinstance(sequence, (str, bytes)) or not hasattr(sequence, '__len__'):
            if not isinstance(sequence, (list, tuple)) and not hasattr(sequence, '__getitem__'):
                raise TypeError('constructor requires a sequence')
        n = len(items)
        if n < 9:
            raise TypeError('time.struct_time() takes an at least 9-sequence '
                            '(%d-sequence given)' % n)
        if n > 11:
            raise TypeError('time.struct_time() takes an at most 11-sequence '
                            '(%d-sequence given)' % n)
        self = tuple.__new__(cls, items[:9])
        extra = items[9:] + [None] * (11 - n)
        if dict is not None:
            if extra[0] is None:
                extra[0] = dict.get('tm_zone')
            if extra[1] is None:
                extra[1] = dict.get('tm_gmtoff')
        self._zone, self._gmtoff = extra
        return self

    def __repr__(self):
        fields = ', '.join('%s=%r' % (name, value) for name, value in zip(_FIELDS, self))
        return 'time.struct_time(%s)' % fields

    def __reduce__(self):
        return (struct_time, (tuple(self), {'tm_zone': self._zone,
                                            'tm_gmtoff': self._gmtoff}))

    tm_year = property(lambda self: self[0], doc='year, for example, 1993')
    tm_mon = property(lambda self: self[1], doc='month of year, range [1, 12]')
    tm_mday = property(lambda self: self[2], doc='day of month, range [1, 31]')
    tm_hour = property(lambda self: self[3], doc='hours, range [0, 23]')
    tm_min = property(lambda self: self[4], doc='minutes, range [0, 59]')
    tm_sec = property(lambda self: self[5], doc='seconds, range [0, 61])')
    tm_wday = property(lambda self: self[6], doc='day of week, range [0, 6], Monday is 0')
    tm_yday = property(lambda self: self[7], doc='day of year, range [1, 366]')
    tm_isdst = property(lambda self: self[8], doc='1 if summer time is in effect, 0 if not, '
                                                  'and -1 if unknown')
    tm_zone = property(lambda self: self._zone, doc='abbreviation of timezone name')
    tm_gmtoff = property(lambda self: self._gmtoff, doc='offset from UTC in seconds')


struct_time.__module__ = 'time'


def _time_t(secs):
    """``_PyTime_ObjectToTime_t`` rounding down: the whole seconds of an int or float."""
    if secs is None:
        secs = time()
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError('Invalid value NaN (not a number)')
        if not -9.223372036854776e18 <= secs < 9.223372036854776e18:
            raise OverflowError('timestamp out of range for platform time_t')
        import math
        return math.floor(secs)
    from operator import index
    secs = index(secs)
    if not -_LONG_MAX - 1 <= secs <= _LONG_MAX:
        raise OverflowError('timestamp out of range for platform time_t')
    return secs


def _broken_down(secs, local):
    fields = _pyrt_time.broken_down(_time_t(secs), local)
    if len(fields) == 2:
        raise OSError(*fields)
    return struct_time(fields)


def gmtime(seconds=None, /):
    """Convert seconds since the Epoch to a time tuple expressing UTC (a.k.a.
GMT).  When 'seconds' is not passed in, convert the current time instead.

If the platform supports the tm_gmtoff and tm_zone, they are available as
attributes only."""
    return _broken_down(seconds, False)


def localtime(seconds=None, /):
    """Convert seconds since the Epoch to a time tuple expressing local time.
When 'seconds' is not passed in, convert the current time instead."""
    return _broken_down(seconds, True)


def _c_int(value):
    """A tuple item as C's ``int`` (``PyArg_ParseTuple``'s ``i``)."""
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    from operator import index
    value = index(value)
    if not -_LONG_MAX - 1 <= value <= _LONG_MAX:
        raise OverflowError('Python int too large to convert to C long')
    if value > _INT_MAX:
        raise OverflowError('signed integer is greater than maximum')
    if value < -_INT_MAX - 1:
        raise OverflowError('signed integer is less than minimum')
    return value


def _tm(t, caller):
    """``gettmarg``: a tuple's nine fields in C's ``struct tm`` conventions, with the zone
    and offset of a ``struct_time``."""
    if not isinstance(t, tuple):
        raise TypeError('Tuple or struct_time argument required')
    if len(t) != 9:
        raise TypeError('%s(): illegal time tuple argument' % caller)
    y, mon, mday, hour, minute, sec, wday, yday, isdst = [_c_int(v) for v in t]
    zone = gmtoff = None
    if isinstance(t, struct_time):
        zone, gmtoff = t._zone, t._gmtoff
    return [y - 1900, mon - 1, mday, hour, minute, sec, _c_mod7(wday), yday - 1, isdst,
            zone, gmtoff]


def _checked_tm(t, caller):
    """``_tm`` with ``time_strftime``'s normalisation and ``checktm``'s range checks."""
    tm = _tm(t, caller)
    if tm[1] == -1:
        tm[1] = 0
    elif not 0 <= tm[1] <= 11:
        raise ValueError('month out of range')
    if tm[2] == 0:
        tm[2] = 1
    elif not 0 <= tm[2] <= 31:
        raise ValueError('day of month out of range')
    if not 0 <= tm[3] <= 23:
        raise ValueError('hour out of range')
    if not 0 <= tm[4] <= 59:
        raise ValueError('minute out of range')
    if not 0 <= tm[5] <= 61:
        raise ValueError('seconds out of range')
    if tm[6] < 0:
        raise ValueError('day of week out of range')
    if tm[7] == -1:
        tm[7] = 0
    elif not 0 <= tm[7] <= 365:
        raise ValueError('day of year out of range')
    return tm


def _c_mod7(wday):
    """C's ``(wday + 1) % 7``, whose sign follows the dividend."""
    r = abs(wday + 1) % 7
    return -r if wday + 1 < 0 else r


def mktime(t, /):
    """Convert a time tuple in local time to seconds since the Epoch.
Note that mktime(gmtime(0)) will not generally return zero for most
time zones; instead the returned value will either be equal to that
of the timezone or altzone attributes on the time module."""
    tm = _tm(t, 'mktime')
    return _pyrt_time.mktime(*tm)


def strftime(format, t=None, /):
    """Convert a time tuple to a string according to a format specification.
See the library reference manual for formatting codes. When the time tuple
is not present, current time as returned by localtime() is used."""
    if not isinstance(format, str):
        raise TypeError('strftime() argument 1 must be str, not %s' % type(format).__name__)
    if t is None:
        t = localtime()
    tm = _checked_tm(t, 'strftime')
    if tm[8] < -1:
        tm[8] = -1
    elif tm[8] > 1:
        tm[8] = 1
    return _pyrt_time.strftime(format, *tm)


_DAYS = ('Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat')
_MONTHS = ('Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov',
           'Dec')


def _asctime(tm):
    """``_asctime``: ``'Sun Jun 20 23:21:05 1993'`` from C-convention fields."""
    return '%s %s%3d %.2d:%.2d:%.2d %d' % (_DAYS[tm[6]], _MONTHS[tm[1]], tm[2], tm[3], tm[4],
                                           tm[5], 1900 + tm[0])


def asctime(t=None, /):
    """Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'.
When the time tuple is not present, current time as returned by localtime()
is used."""
    if t is None:
        t = localtime()
    tm = _checked_tm(t, 'asctime')
    return _asctime(tm)


def ctime(seconds=None, /):
    """Convert a time in seconds since the Epoch to a string in local time.
This is equivalent to asctime(localtime(seconds)). When the time tuple is
not present, current time as returned by localtime() is used."""
    return asctime(localtime(seconds))


def _init_timezone():
    """``init_timezone``: the offsets and names of January and July of this year."""
    year = (365 * 24 + 6) * 3600
    t = (int(time()) // year) * year
    jan = localtime(t)
    jul = localtime(t + year // 2)
    janzone, julzone = -jan.tm_gmtoff, -jul.tm_gmtoff
    janname, julname = jan.tm_zone or '   ', jul.tm_zone or '   '
    if janzone < julzone:
        # DST is reversed in the southern hemisphere.
        return julzone, janzone, int(janzone != julzone), (julname, janname)
    return janzone, julzone, int(janzone != julzone), (janname, julname)


timezone, altzone, daylight, tzname = _init_timezone()
gmtime = _BuiltinLike(gmtime)
localtime = _BuiltinLike(localtime)
mktime = _BuiltinLike(mktime)
strftime = _BuiltinLike(strftime)
asctime = _BuiltinLike(asctime)
ctime = _BuiltinLike(ctime)
del _init_timezone
