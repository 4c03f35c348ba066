import gc

gc.collect()
base = gc.get_count()
print(base)
for i in range(5):
    pass
print(gc.get_count())
for x in [1, 2, 3]:
    pass
print(gc.get_count())
for i, x in enumerate("ab"):
    pass
print(gc.get_count())
for a, b in zip("ab", "cd"):
    pass
print(gc.get_count())
for k in {"a": 1}:
    pass
print(gc.get_count())
for v in map(abs, [-1]):
    pass
print(gc.get_count())
