# The graph of `pyrt bench gc`, run unchanged by CPython 3.12 and by `pyrt run`.
#
#     gc_ring.py NODES plain|slots garbage|alive
#
# Builds NODES // 5 rings of 5 nodes (each node's `next` is the following one, the last
# points back to the first), with the collector disabled so that no collection runs while
# they are built. The rings are garbage (dropped) or alive (the first node of each ring is
# kept in a list). Then it times one `gc.collect()` alone and prints
#
#     COLLECTED NS_PER_NODE
#
# after checking COLLECTED: every node for garbage (one object each, since a 3.12 instance
# keeps its attributes inline without a dict object), none for alive.
import gc
import sys
import time

NODES = int(sys.argv[1])
KIND = sys.argv[2]
STATE = sys.argv[3]
if KIND not in ("plain", "slots") or STATE not in ("garbage", "alive") or NODES % 5:
    raise ValueError("usage: gc_ring.py NODES(multiple of 5) plain|slots garbage|alive")


class Plain:
    pass


class Slotted:
    __slots__ = ("next",)


cls = Plain if KIND == "plain" else Slotted
gc.disable()
gc.collect()
keep = []
for i in range(NODES // 5):
    first = cls()
    cur = first
    for j in range(4):
        nxt = cls()
        cur.next = nxt
        cur = nxt
    cur.next = first
    if STATE == "alive":
        keep.append(first)
first = cur = nxt = None

t0 = time.perf_counter()
collected = gc.collect()
t1 = time.perf_counter()

expected = NODES if STATE == "garbage" else 0
if collected != expected:
    raise RuntimeError(f"gc.collect() returned {collected}, expected {expected}")
print(collected, (t1 - t0) * 1e9 / NODES)
