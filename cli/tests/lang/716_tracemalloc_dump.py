# Snapshot.dump and Snapshot.load: a snapshot written to a file and read back gives the same
# statistics (CPython pickles it; pyrt writes a text format of its own, see README).
import tracemalloc


def allocate():
    return [str(i) * 20 for i in range(100)], {i: [i] for i in range(20)}


warm = [[[] for _ in range(100)], [{} for _ in range(100)], [(i, -i) for i in range(100)]]
del warm
tracemalloc.start(3)
data = allocate()
snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
path = "/tmp/pyrt-corpus-716-%x.snapshot" % id(snapshot)
snapshot.dump(path)
loaded = tracemalloc.Snapshot.load(path)
print(type(loaded).__name__, loaded.traceback_limit, len(loaded.traces) == len(snapshot.traces))
print(sorted(loaded.traces._traces) == sorted(snapshot.traces._traces))
print([str(s) for s in loaded.statistics("lineno")] == [str(s) for s in snapshot.statistics("lineno")])
print([str(s) for s in loaded.compare_to(snapshot, "traceback")][:2])
odd = tracemalloc.Snapshot([(0, 7, (("a b.py", 1), ("", 0)), 2), (5, 1, ((" x\ty ", 9),), 1)], 9)
odd.dump(path)
again = tracemalloc.Snapshot.load(path)
print(again.traces._traces, again.traceback_limit)
import os
os.remove(path)
print(os.path.exists(path))
for bad in ["/nonexistent-dir/x.snapshot"]:
    try:
        tracemalloc.Snapshot.load(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
    try:
        snapshot.dump(bad)
    except OSError as e:
        print(type(e).__name__, e.errno, e)
