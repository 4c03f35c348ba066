import gc

gc.collect()
start = gc.get_count()[0]
keep = []
for i in range(10):
    keep.append([i])
print(gc.get_count()[0] - start)
keep2 = [{} for _ in range(5)]
print(gc.get_count()[0] - start)
del keep
print(gc.get_count()[0] - start)
t = tuple(range(3))
print(gc.get_count()[0] - start)
s = "not tracked"
n = 12345678901234
print(gc.get_count()[0] - start)
