"""Trace the memory blocks allocated by Python: snapshots, statistics and their differences.

Shipped with pyrt (interp/lib/), mirroring CPython 3.12's Lib/tracemalloc.py over the
built-in `_tracemalloc` (pyrt's allocator traces every block with the frames that allocated
it). The classes print as CPython's do (`str`, `repr`, `Traceback.format()`).

Where CPython's module leans on modules pyrt does not ship yet, this one has its own small
pieces: filename patterns are matched by `_glob_match` (`fnmatch.fnmatch` on POSIX), source
lines come from the sources the session compiled (`linecache.getline`), and
`Snapshot.dump`/`Snapshot.load` write and read a text format of pyrt's own instead of a
pickle (a pyrt dump loads back in pyrt only).
"""

from _tracemalloc import *
from _tracemalloc import _get_object_traceback, _get_traces
import _pyrt_tracemalloc
from functools import total_ordering


def _format_size(size, sign):
    for unit in ('B', 'KiB', 'MiB', 'GiB', 'TiB'):
        if abs(size) < 100 and unit != 'B':
            # Three significant digits: "xx.x UNIT".
            if sign:
                return "%+.1f %s" % (size, unit)
            return "%.1f %s" % (size, unit)
        if abs(size) < 10 * 1024 or unit == 'TiB':
            # Four or five digits: "xxxx UNIT".
            if sign:
                return "%+.0f %s" % (size, unit)
            return "%.0f %s" % (size, unit)
        size /= 1024


class Statistic:
    """
    Statistic difference on memory allocations between two Snapshot instance.
    """

    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback, self.size, self.count) == (
            other.traceback, other.size, other.count)

    def __str__(self):
        text = "%s: size=%s, count=%i" % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<Statistic traceback=%r size=%i count=%i>' % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback)


class StatisticDiff:
    """
    Statistic difference on memory allocations between an old and a new
    Snapshot instance.
    """
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff,
                     self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        mine = (self.traceback, self.size, self.size_diff, self.count,
                self.count_diff)
        theirs = (other.traceback, other.size, other.size_diff, other.count,
                  other.count_diff)
        return mine == theirs

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return '<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>' % (
            self.traceback, self.size, self.size_diff, self.count,
            self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff),
                self.count, self.traceback)


def _compare_grouped_stats(old_group, new_group):
    statistics = []
    for traceback, stat in new_group.items():
        previous = old_group.pop(traceback, None)
        if previous is None:
            diff = StatisticDiff(traceback, stat.size, stat.size,
                                 stat.count, stat.count)
        else:
            diff = StatisticDiff(traceback, stat.size,
                                 stat.size - previous.size, stat.count,
                                 stat.count - previous.count)
        statistics.append(diff)
    for traceback, stat in old_group.items():
        statistics.append(
            StatisticDiff(traceback, 0, -stat.size, 0, -stat.count))
    return statistics


@total_ordering
class Frame:
    """
    Frame of a traceback.
    """
    __slots__ = ("_frame",)

    def __init__(self, frame):
        # A (filename: str, lineno: int) tuple.
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self.filename, self.lineno)

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self.filename, self.lineno)


@total_ordering
class Traceback:
    """
    Sequence of Frame instances sorted from the oldest frame
    to the most recent frame.
    """
    __slots__ = ("_frames", '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # `frames` comes from _tracemalloc, most recent first; a Traceback lists them
        # oldest first.
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Frame(trace) for trace in self._frames[index])
        return Frame(self._frames[index])

    def __iter__(self):
        for frame in self._frames:
            yield Frame(frame)

    def __reversed__(self):
        for frame in reversed(self._frames):
            yield Frame(frame)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum(1 for v in self if v is value or v == value)

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = f"<Traceback {tuple(self)}"
        if self._total_nframe is None:
            return text + ">"
        return text + f" total_nframe={self.total_nframe}>"

    def format(self, limit=None, most_recent_first=False):
        if limit is None:
            frames = self
        elif limit > 0:
            frames = self[-limit:]
        else:
            frames = self[:limit]
        if most_recent_first:
            frames = reversed(frames)
        lines = []
        for frame in frames:
            lines.append('  File "%s", line %s' % (frame.filename, frame.lineno))
            line = _pyrt_tracemalloc.source_line(frame.filename, frame.lineno).strip()
            if line:
                lines.append('    %s' % line)
        return lines


def get_object_traceback(obj):
    """
    Get the traceback where the Python object *obj* was allocated.
    Return a Traceback instance.

    Return None if the tracemalloc module is not tracing memory allocations or
    did not trace the allocation of the object.
    """
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    """
    Trace of a memory block.
    """
    __slots__ = ("_trace",)

    def __init__(self, trace):
        # A (domain, size, traceback, total_nframe) tuple; the traceback as Traceback takes it.
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(*self._trace[2:])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        # A sequence of trace tuples, as Trace takes them.
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(Trace(trace) for trace in self._traces[index])
        return Trace(self._traces[index])

    def __iter__(self):
        for trace in self._traces:
            yield Trace(trace)

    def __reversed__(self):
        for trace in reversed(self._traces):
            yield Trace(trace)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        if not isinstance(other, _Traces):
            return NotImplemented
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


def _normalize_filename(filename):
    # os.path.normcase is the identity on POSIX.
    if filename.endswith('.pyc'):
        filename = filename[:-1]
    return filename


def _parse_class(pattern, i):
    """The character class of `pattern` opening at `pattern[i] == '['`, as fnmatch reads
    it: `(negated, ranges, end)`, or None when it does not close (the '[' is literal)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == '!':
        j += 1
    if j < len(pattern) and pattern[j] == ']':
        j += 1
    while j < len(pattern) and pattern[j] != ']':
        j += 1
    if j >= len(pattern):
        return None
    body = pattern[i + 1:j]
    negated = body.startswith('!')
    if negated:
        body = body[1:]
    ranges = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == '-':
            ranges.append((body[k], body[k + 2]))
            k += 3
        else:
            ranges.append((body[k], body[k]))
            k += 1
    return negated, ranges, j + 1


def _compile_glob(pattern):
    """The tokens of a shell pattern: '*', '?', a literal character, or a class."""
    tokens = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '*':
            if not tokens or tokens[-1] != '*':
                tokens.append('*')
            i += 1
        elif c == '?':
            tokens.append('?')
            i += 1
        elif c == '[':
            parsed = _parse_class(pattern, i)
            if parsed is None:
                tokens.append(('lit', '['))
                i += 1
            else:
                tokens.append(('set', parsed[0], parsed[1]))
                i = parsed[2]
        else:
            tokens.append(('lit', c))
            i += 1
    return tokens


def _token_matches(token, c):
    if token == '?':
        return True
    if token[0] == 'lit':
        return token[1] == c
    inside = any(lo <= c <= hi for lo, hi in token[2])
    if not token[2]:
        # fnmatch: '[!]' matches any character, '[]' none.
        return token[1]
    return inside != token[1]


def _glob_match(name, pattern):
    """Whether `name` matches the shell pattern (`fnmatch.fnmatch` on POSIX)."""
    tokens = _compile_glob(pattern)
    # `states`: the token positions reachable after the characters read so far.
    states = {0}
    for c in name:
        following = set()
        for t in states:
            if t == len(tokens):
                continue
            token = tokens[t]
            if token == '*':
                following.add(t)
            elif _token_matches(token, c):
                following.add(t + 1)
        states = set()
        for t in following:
            states.add(t)
            while t < len(tokens) and tokens[t] == '*':
                t += 1
                states.add(t)
        if not states:
            return False
    for t in list(states):
        while t < len(tokens) and tokens[t] == '*':
            t += 1
        if t == len(tokens):
            return True
    return False


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive

    def _match(self, trace):
        raise NotImplementedError


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern,
                 lineno=None, all_frames=False, domain=None):
        super().__init__(inclusive)
        self.inclusive = inclusive
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _match_frame_impl(self, filename, lineno):
        filename = _normalize_filename(filename)
        if not _glob_match(filename, self._filename_pattern):
            return False
        if self.lineno is None:
            return True
        return lineno == self.lineno

    def _match_frame(self, filename, lineno):
        return self._match_frame_impl(filename, lineno) ^ (not self.inclusive)

    def _match_traceback(self, traceback):
        if self.all_frames:
            if any(self._match_frame_impl(filename, lineno)
                   for filename, lineno in traceback):
                return self.inclusive
            return not self.inclusive
        filename, lineno = traceback[0]
        return self._match_frame(filename, lineno)

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        res = self._match_traceback(traceback)
        if self.domain is not None:
            if self.inclusive:
                return res and (domain == self.domain)
            return res or (domain != self.domain)
        return res


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _match(self, trace):
        domain, size, traceback, total_nframe = trace
        return (domain == self.domain) ^ (not self.inclusive)


class Snapshot:
    """
    Snapshot of traces of memory blocks allocated by Python.
    """

    def __init__(self, traces, traceback_limit):
        # A sequence of trace tuples (see _Traces).
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def dump(self, filename):
        """
        Write the snapshot into a file.
        """
        _pyrt_tracemalloc.dump(filename, self.traces._traces,
                               self.traceback_limit)

    @staticmethod
    def load(filename):
        """
        Load a snapshot from a file.
        """
        traces, traceback_limit = _pyrt_tracemalloc.load(filename)
        return Snapshot(traces, traceback_limit)

    def _filter_trace(self, include_filters, exclude_filters, trace):
        if include_filters:
            if not any(f._match(trace) for f in include_filters):
                return False
        if exclude_filters:
            if any(not f._match(trace) for f in exclude_filters):
                return False
        return True

    def filter_traces(self, filters):
        """
        Create a new Snapshot instance with a filtered traces sequence, filters
        is a list of Filter or DomainFilter instances.  If filters is an empty
        list, return a new Snapshot instance with a copy of the traces.
        """
        if getattr(type(filters), '__iter__', None) is None:
            raise TypeError("filters must be a list of filters, not %s"
                            % type(filters).__name__)
        if filters:
            include_filters = []
            exclude_filters = []
            for trace_filter in filters:
                if trace_filter.inclusive:
                    include_filters.append(trace_filter)
                else:
                    exclude_filters.append(trace_filter)
            new_traces = [trace for trace in self.traces._traces
                          if self._filter_trace(include_filters,
                                                exclude_filters, trace)]
        else:
            new_traces = self.traces._traces.copy()
        return Snapshot(new_traces, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used "
                             "with key type %r" % key_type)
        stats = {}
        tracebacks = {}

        def add(key, make_frames, size):
            traceback = tracebacks.get(key)
            if traceback is None:
                traceback = Traceback(make_frames())
                tracebacks[key] = traceback
            stat = stats.get(traceback)
            if stat is None:
                stats[traceback] = Statistic(traceback, size, 1)
            else:
                stat.size += size
                stat.count += 1

        for domain, size, trace_traceback, total_nframe in self.traces._traces:
            if not cumulative:
                if key_type == 'traceback':
                    make = lambda: trace_traceback
                elif key_type == 'lineno':
                    make = lambda: trace_traceback[:1]
                else:
                    make = lambda: ((trace_traceback[0][0], 0),)
                add(trace_traceback, make, size)
            else:
                for frame in trace_traceback:
                    if key_type == 'lineno':
                        make = lambda: (frame,)
                    else:
                        make = lambda: ((frame[0], 0),)
                    add(frame, make, size)
        return stats

    def statistics(self, key_type, cumulative=False):
        """
        Group statistics by key_type. Return a sorted list of Statistic
        instances.
        """
        statistics = list(self._group_by(key_type, cumulative).values())
        statistics.sort(reverse=True, key=Statistic._sort_key)
        return statistics

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        """
        Compute the differences with an old snapshot old_snapshot. Get
        statistics as a sorted list of StatisticDiff instances, grouped by
        group_by.
        """
        new_group = self._group_by(key_type, cumulative)
        old_group = old_snapshot._group_by(key_type, cumulative)
        statistics = _compare_grouped_stats(old_group, new_group)
        statistics.sort(reverse=True, key=StatisticDiff._sort_key)
        return statistics


def take_snapshot():
    """
    Take a snapshot of traces of memory blocks allocated by Python.
    """
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    return Snapshot(_get_traces(), get_traceback_limit())
