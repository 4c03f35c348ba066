# gc.set_debug(gc.DEBUG_STATS): the report of each collection.
import gc

gc.collect()
gc.set_debug(gc.DEBUG_STATS)
cycle = []
cycle.append(cycle)
del cycle
print(gc.collect())
print(gc.collect(0))
print(gc.collect(1))
gc.set_debug(gc.DEBUG_STATS | gc.DEBUG_COLLECTABLE)
pair = [[], []]
pair[0].append(pair[1])
pair[1].append(pair[0])
del pair
print(gc.collect())
gc.set_debug(0)
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
print(all(isinstance(v, int) and v >= 0 for s in stats for v in s.values()))
