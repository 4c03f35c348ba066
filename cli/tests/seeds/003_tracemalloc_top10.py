# mode: script. From the seed document 003_ea99a0561aad83fe.txt, lines 49-56: its code, unchanged.
import tracemalloc

tracemalloc.start()
run_some_code()
snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics('lineno')
for stat in top_stats[:10]:
    print(stat)
