import gc

gc.collect()
print(gc.get_count())
junk = [[] for _ in range(50)]
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
more = [{} for _ in range(20)]
gc.collect(1)
print(gc.get_count())
gc.collect()
print(gc.get_count())
print(len(gc.get_stats()), sorted(gc.get_stats()[0]))
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
class Cycle:
    pass
for _ in range(10):
    c = Cycle()
    c.me = c
del c
print(gc.collect())
