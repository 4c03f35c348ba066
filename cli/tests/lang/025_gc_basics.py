import gc

gc.collect()
print(gc.get_count())
print(gc.get_threshold())
a = []
b = []
a.append(b)
b.append(a)
print(gc.is_tracked(a), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked({}))
print(gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
del a, b
print(gc.collect())
print(gc.collect())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
class Node:
    pass
n = Node()
n.self = n
del n
print(gc.collect())
