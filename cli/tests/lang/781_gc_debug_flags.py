# gc's debug flags: values, set_debug/get_debug, DEBUG_SAVEALL keeps the garbage; get_stats.
import gc

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
print(gc.get_debug())
for bad in ("x", 1.5, None, 2 ** 40):
    try:
        gc.set_debug(bad)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
gc.set_debug(-1)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
gc.collect()
ring = [[], [], []]
for i in range(3):
    ring[i].append(ring[(i + 1) % 3])
del ring
print(gc.collect(), len(gc.garbage), sorted(type(o).__name__ for o in gc.garbage))
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)
stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats], stats[2]["collections"] > 0)
try:
    gc.get_stats(1)
except TypeError as e:
    print(e)
try:
    gc.get_debug(0)
except TypeError as e:
    print(e)
