# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 379-391: its code, unchanged.
import tracemalloc

tracemalloc.start(2)

a = dict(a='b', c='d')
b = list(range(5))

snapshot = tracemalloc.take_snapshot()

stat = snapshot.statistics('traceback')[0]
print(f"{stat.count} memory blocks: {stat.size / 1024} KiB")
for line in stat.traceback.format():
    print(line)
