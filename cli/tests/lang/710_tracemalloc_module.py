# tracemalloc's module functions: start/stop, the traceback limit, traced memory and its peak.
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_object_traceback([]))
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for args in [(0,), (-1,), (65536,), ("x",), (1.5,), (2**70,), (1, 2)]:
    try:
        tracemalloc.start(*args)
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    tracemalloc.start(nframe=3)
except TypeError as e:
    print("TypeError:", e)
for f in (tracemalloc.reset_peak, tracemalloc.stop, tracemalloc.is_tracing):
    try:
        f(1)
    except TypeError as e:
        print("TypeError:", e)
big = current = peak = current2 = peak2 = None
tracemalloc.start(4)
tracemalloc.start(9)
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
big = b"x" * 100000
current, peak = tracemalloc.get_traced_memory()
print(current >= 100033, peak >= current)
del big
current2, peak2 = tracemalloc.get_traced_memory()
print(current - current2, peak2 == peak)
tracemalloc.reset_peak()
current, peak = tracemalloc.get_traced_memory()
print(peak == current, peak < peak2)
tracemalloc.clear_traces()
print(tracemalloc.get_traced_memory(), tracemalloc.get_tracemalloc_memory() > 0)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
tracemalloc.stop()
