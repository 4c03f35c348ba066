# statistics('lineno') of a script's own objects: strs, bytes, lists, dicts, instances, numbers.
# The free lists are filled first, as CPython's startup leaves them (see README, tracemalloc).
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def main():
    words = [str(i) * 10 for i in range(1000)]
    blobs = [b"x" * 100 for _ in range(500)]
    table = {i: i * 2 for i in range(300)}
    points = [Point(i, -i) for i in range(200)]
    floats = [i / 3 for i in range(100)]
    text = "hello " * 50
    nested = [[i] for i in range(30)]
    big = [None] * 10000
    snapshot = tracemalloc.take_snapshot()
    return snapshot.filter_traces([tracemalloc.Filter(True, __file__)])


warm = [[[] for _ in range(100)], [{} for _ in range(100)], [float(i) for i in range(150)]]
del warm
tracemalloc.start()
snapshot = main()
stats = snapshot.statistics('lineno')
for stat in stats:
    print(stat)
print(sum(stat.count for stat in stats), sum(stat.size for stat in stats))
print(len(snapshot.traces), snapshot.traceback_limit)
