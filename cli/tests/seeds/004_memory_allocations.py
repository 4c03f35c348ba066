# mode: cells. From the seed document 004_269e091e21bd6fd1.txt, lines 23-227: its code, unchanged.
# %% line 23
import logging
import os
import sys
import tracemalloc

import psutil
from tabulate import tabulate
# %% line 32
logging.basicConfig(level=logging.INFO, format="%(message)s")
log = logging.getLogger()
# %% line 36
tracemalloc.start(10)  # Track 10 frames of traceback

# Small objects (<512 bytes) use pymalloc arenas
small_objects = [b"x" * 100 for _ in range(5000)]
log.info("Small objects allocated (pymalloc, 500KB data + overhead)")

# Large objects (>=512 bytes) use rawalloc (system malloc)
large_objects = [b"x" * 2000 for _ in range(10)]
log.info("Large objects allocated (rawalloc/system malloc, 20KB data + overhead)")

# Huge object (>256KB, typically mmap)
huge = bytearray(10**8)  # 100MB object allocated likely via mmap
log.info("Huge object allocated (mmap, 100MB)")

# Take snapshot before cleanup
snapshot = tracemalloc.take_snapshot()
top_stats = snapshot.statistics("lineno")

# Get current/peak tracked memory (from tracemalloc)
current, peak = tracemalloc.get_traced_memory()

# Get process RSS (resident set size, true memory usage)
process = psutil.Process(os.getpid())
rss_mb = process.memory_info().rss / 1024**2


log.info("\n=== MEMORY SUMMARY ===")
log.info(
    f"Total tracked: {sum(stat.size for stat in top_stats) / 1024**2:.1f} MB ({len(snapshot.traces)} traces)"
)
log.info(
    f"Live tracked: {current / 1024**2:.1f} MB, Peak tracked: {peak / 1024**2:.1f} MB"
)
log.info(f"Process RSS: {rss_mb:.1f} MB (includes untracked rawalloc/mmap)")


log.info("\n=== TOP 5 ALLOCATORS BY SIZE ===")
for i, stat in enumerate(top_stats[:5], 1):
    frame = stat.traceback[0]
    log.info(
        f"#{i}: {stat.count} blocks, {stat.size / 1024:.1f} KB at {frame.filename}:{frame.lineno}"
    )


log.info(f"\nPID: {os.getpid()}")
tracemalloc.stop()
# %% line 157
empty_dict = {}
one_item_dict = {"a": 1}
small_set = {1, 2, 3}

data = [
    ["NoneType", sys.getsizeof(None)],
    ["bool", sys.getsizeof(True)],
    ["int (small)", sys.getsizeof(2)],
    ["int (large)", sys.getsizeof(2**100)],
    ["str (empty)", sys.getsizeof("")],
    ["str ('a')", sys.getsizeof("a")],
    ["str ('abc')", sys.getsizeof("abc")],
    ["list (empty)", sys.getsizeof([])],
    ["dict (empty)", sys.getsizeof(empty_dict)],
    ["set (empty)", sys.getsizeof(set())],
    ["tuple (empty)", sys.getsizeof(tuple())],
    ["list [1,2,3]", sys.getsizeof([1, 2, 3])],
    ["dict {'a':1}", sys.getsizeof(one_item_dict)],
    ["set {1,2,3}", sys.getsizeof(small_set)],
]

log.info(tabulate(data, headers=["Type", "Size (bytes)"]))
# %% line 205
class PointNormal:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class PointSlots:
    __slots__ = ("x", "y")  # Fixed attributes only

    def __init__(self, x, y):
        self.x = x
        self.y = y


p_normal = PointNormal(1, 2)
p_slots = PointSlots(1, 2)

log.info(
    f"PointNormal size: {sys.getsizeof(p_normal) + sys.getsizeof(p_normal.__dict__)} bytes"
)
log.info(
    f"PointSlots size: {sys.getsizeof(p_slots) + sys.getsizeof(PointSlots.__slots__)} bytes"
)
