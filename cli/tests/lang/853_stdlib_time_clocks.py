# time: the clocks. time() and time_ns() count from the epoch; the monotonic clocks only move
# forward; each _ns form is an int of nanoseconds.
import time

for name in ["time", "time_ns", "monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns"]:
    f = getattr(time, name)
    print(name, type(f()).__name__, f.__name__)
t, ns = time.time(), time.time_ns()
print(t > 1.7e9, abs(ns / 1e9 - t) < 5, ns > 10**18)
a, b = time.monotonic(), time.monotonic()
c, d = time.perf_counter_ns(), time.perf_counter_ns()
print(b >= a, d >= c)
try:
    time.time(1)
except TypeError as e:
    print(e)
