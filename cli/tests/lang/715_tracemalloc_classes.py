# Frame, Traceback, Trace and the traces sequence: str, repr, ordering, hashing; size units.
from tracemalloc import Frame, Snapshot, Statistic, StatisticDiff, Trace, Traceback

tb = Traceback((("b.py", 2), ("a.py", 1)), 5)
print(tb, repr(tb), len(tb), tb.total_nframe, list(tb), tb[0], tb[-1], tb[:1], tb[::-1])
print(Frame(("b.py", 2)) in tb, Frame(("z.py", 2)) in tb, tb.index(Frame(("b.py", 2))), tb.count(tb[0]))
print(list(reversed(tb)), tb.format(), tb.format(1, True))
f, g = Frame(("a.py", 1)), Frame(("a.py", 2))
print(f < g, f <= g, f > g, f >= g, f == Frame(("a.py", 1)), f != g, hash(f) == hash(("a.py", 1)))
print(sorted([g, f])[0], str(f), repr(g), f.filename, f.lineno, f == ("a.py", 1))
try:
    f < 3
except TypeError as e:
    print("TypeError:", e)
t1, t2 = Traceback((("a.py", 1),)), Traceback((("a.py", 2),))
print(t1 < t2, t1 >= t2, t1 == Traceback((("a.py", 1),), 9), repr(t1), hash(t1) == hash(t2))
for size in [0, 1, 99, 1023, 10239, 10240, 102400, 10 ** 6, 10 ** 8, 10 ** 9, 5 * 2 ** 40, 2 ** 60]:
    print(Statistic(t1, size, 3), "|", StatisticDiff(t1, size, -size, 3, 2))
print(StatisticDiff(t1, 10, 0, 1, 0), repr(StatisticDiff(t1, 10, 0, 1, 0)))
snap = Snapshot([(0, 10, (("a.py", 1),), 1), (3, 5000, (("b.py", 2), ("a.py", 1)), 7)], 2)
traces = snap.traces
print(len(traces), repr(traces), traces[1], repr(traces[1]), traces[-1].domain, traces[1].size)
print(traces[1].traceback, repr(traces[1].traceback), [str(t) for t in traces[:1]])
print(traces[0] == Trace((0, 10, (("a.py", 1),), 1)), traces[0] in traces, traces[0] == 1)
print(hash(traces[0]) == hash((0, 10, (("a.py", 1),), 1)), list(traces)[0], traces == snap.traces)
try:
    tb.foo = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    traces[5]
except IndexError as e:
    print("IndexError:", e)
