# Snapshot.compare_to and cumulative statistics, on snapshots built from trace tuples.
import tracemalloc
from tracemalloc import Snapshot

A, B, C = ("a.py", 10), ("b.py", 20), ("b.py", 21)
old = Snapshot([(0, 100, (A,), 1), (0, 50, (B, A), 2), (0, 4000, (C,), 1)], 2)
new = Snapshot([(0, 100, (A,), 1), (0, 300, (A,), 1), (0, 50, (B, A), 2),
                (0, 2 * 1024 ** 2, (B,), 1), (0, 7, (("c.py", 1),), 1)], 2)
for key in ("lineno", "filename", "traceback"):
    print(key)
    for diff in new.compare_to(old, key):
        print(" ", diff)
print(repr(new.compare_to(old, "lineno")[0]))
for key in ("lineno", "filename"):
    print(key, "cumulative")
    for stat in new.statistics(key, cumulative=True):
        print(" ", stat, repr(stat))
    for diff in new.compare_to(old, key, cumulative=True):
        print(" ", diff)
for args in [("lines",), ("traceback", True)]:
    try:
        new.statistics(*args)
    except ValueError as e:
        print("ValueError:", e)
empty = Snapshot([], 1)
print(empty.statistics("lineno"), [str(d) for d in empty.compare_to(old, "filename")])
s1, s2 = new.statistics("lineno")[:2]
print(s1 == s2, s1 == new.statistics("lineno")[0], hash(s1) == hash(new.statistics("lineno")[0]))
d1 = new.compare_to(old, "lineno")[0]
print(d1 == new.compare_to(old, "lineno")[0], d1 == s1, d1 != 3)
print(tracemalloc.StatisticDiff(s1.traceback, 0, -5, 0, -1))
print(tracemalloc.Statistic(s1.traceback, 0, 0), repr(tracemalloc.Statistic(s1.traceback, 0, 0)))
