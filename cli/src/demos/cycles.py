# Reference cycles: reference counting alone cannot free them; the cycle collector can
import gc, sys
def make_cycles(n):
    for i in range(n):
        l = []
        l.append(l)         # the list refers to itself: its refcount never drops to 0
gc.disable()                # no automatic collection while we watch
l = []
l.append(l)
print('a list is tracked by the collector:', gc.is_tracked(l), ' an int is not:', gc.is_tracked(1))
print('refcount of the self-referencing list:', sys.getrefcount(l), '(the name, itself, the call)')
del l                       # refcount 2 -> 1, not 0: the list stays alive but unreachable
freed = gc.collect()        # the collector finds it; generation 0 starts again from 0
before = gc.get_count()     # (allocations - deallocations of tracked objects, per generation)
make_cycles(10)             # the function returns, its names are gone, the 10 lists are not
after = gc.get_count()      # +11: the 10 lists and the tuple `before`
print('gc.collect() freed', freed, 'object; then get_count():', before, '->', after)
freed = gc.collect()
print('gc.collect() freed', freed, 'objects; get_count():', gc.get_count())
gc.enable()
