# Generations: new objects are examined often, survivors are promoted and examined less often
import gc
log = []
def on_gc(phase, info):     # gc.callbacks: called as each collection starts and stops
    if phase == 'stop':
        log.append((i, info['generation'], info['collected'], gc.get_count()))
gc.set_threshold(20, 1, 1)  # collect generation 0 when it holds more than 20 new objects, an
                            # older one after more than 1 collection of the one below it
                            # (CPython's defaults are 700, 10, 10)
gc.freeze()                 # park the interpreter's own objects where the collector never looks
gc.collect()                # start with empty generations
before = gc.get_stats()
gc.callbacks.append(on_gc)
keep = []
for i in range(160):
    keep.append([i])        # survives: promoted to generation 1, then to generation 2
    junk = []
    junk.append(junk)       # a cycle, garbage as soon as `junk` is rebound: dies young
gc.callbacks.remove(on_gc)
after = gc.get_stats()
gc.set_threshold(700, 10, 10)
gc.unfreeze()
# get_count(): (new objects in generation 0, collections of 0 since the last of 1, of 1 since
# the last of 2); (1, 0, 0) after the full collection: it emptied the free lists, so the dict
# handed to the callback was a new object
print('  i  generation  collected  get_count() after')
for i, gen, collected, count in log:
    print(f'{i:>3}  {gen:>10}  {collected:>9}  {count}')
for g in range(3):
    n = after[g]['collections'] - before[g]['collections']
    freed = after[g]['collected'] - before[g]['collected']
    print(f'generation {g}: collections {n}, objects freed {freed}')
