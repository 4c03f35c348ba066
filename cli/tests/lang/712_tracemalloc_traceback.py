# Tracebacks of allocations: frames innermost last, format(), limits, get_object_traceback().
import tracemalloc


class Node:
    def __init__(self, value):
        self.value = value


def leaf(n):
    return [Node(i) for i in range(n)]


def middle(n):
    return leaf(n) + leaf(n)


def outer():
    return middle(3)


warm = [[[] for _ in range(100)], [{} for _ in range(100)], [(i, -i) for i in range(100)]]
del warm
tracemalloc.start(3)
nodes = outer()
tb = tracemalloc.get_object_traceback(nodes[0])
print(tb, len(tb), tb.total_nframe)
print(repr(tb))
print(tb[0], repr(tb[-1]), tb[0].filename == __file__, tb[1:])
print(tb.format())
print(tb.format(limit=1), tb.format(limit=-1), tb.format(most_recent_first=True)[:2])
snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
for stat in snapshot.statistics('traceback'):
    print(stat, stat.traceback.total_nframe)
    print(repr(stat))
    for line in stat.traceback.format():
        print(line)
print(sorted((t.domain, t.size, t.traceback.total_nframe, len(t.traceback)) for t in snapshot.traces))
tracemalloc.stop()
