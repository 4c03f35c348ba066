# The seed lesson's tracemalloc snippet (003), unchanged below the prelude. The prelude grows the
# module namespace past its first resize before tracing starts, and fills the free lists after
# CPython's import of tracemalloc's own imports has drained them (see README, tracemalloc).
p1 = p2 = p3 = p4 = p5 = None
import tracemalloc
warm = [[[] for _ in range(100)], [{} for _ in range(100)], [(i, -i) for i in range(100)]]
del warm

import tracemalloc

tracemalloc.start(2)

a = dict(a='b', c='d')
b = list(range(5))

snapshot = tracemalloc.take_snapshot()

stat = snapshot.statistics('traceback')[0]
print(f"{stat.count} memory blocks: {stat.size / 1024} KiB")
for line in stat.traceback.format():
    print(line)

for stat in snapshot.statistics('lineno'):
    print(stat)
