# The leak-hunting lesson: two snapshots around growing caches, compared by line and by file,
# with cumulative statistics over the calling frames.
import tracemalloc

cache = {}
log = []


def remember(key):
    cache[key] = "value-%d" % key * 3
    log.append([key, key * 2] if key % 8 == 0 else key * 1000)


def work(n):
    for i in range(n):
        remember(i)


def main():
    keep = tracemalloc.Filter(True, __file__)
    before = tracemalloc.take_snapshot().filter_traces([keep])
    work(400)
    after = tracemalloc.take_snapshot().filter_traces([keep])
    for stat in after.compare_to(before, "lineno"):
        print(stat)
    for stat in after.compare_to(before, "filename"):
        print(repr(stat))
    for stat in after.statistics("lineno", cumulative=True):
        print(stat)
    for stat in after.statistics("traceback")[:2]:
        print("\n".join(stat.traceback.format(limit=2, most_recent_first=True)))


warm = [[[] for _ in range(100)], [{} for _ in range(100)], [(i, -i) for i in range(100)], [(i,) for i in range(100)]]
del warm
tracemalloc.start(4)
main()
