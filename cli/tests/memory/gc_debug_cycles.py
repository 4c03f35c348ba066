# gc.set_debug: DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL and DEBUG_LEAK.
import gc

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL,
      gc.DEBUG_LEAK)
gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE)


class A:
    pass


a = A()
a.self = a
del a
cycle = []
cycle.append(cycle)
del cycle
print(gc.collect(), gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL)
cycle = []
cycle.append(cycle)
del cycle
print(gc.collect(), len(gc.garbage), gc.get_debug())
gc.garbage.clear()
gc.set_debug(gc.DEBUG_LEAK)
d = {}
d['d'] = d
del d
print(gc.collect(), len(gc.garbage), [type(o).__name__ for o in gc.garbage])
gc.set_debug(gc.DEBUG_UNCOLLECTABLE)


class WithDel:
    def __del__(self):
        print("finalized")


w = WithDel()
w.w = w
del w
print(gc.collect())
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.get_debug())
