# tracemalloc: a snapshot's top lines, and compare_to finding a leak
import tracemalloc
cache = []
names = [None] * 1000
def warm_up():
    for i in range(1000):
        names[i] = str(i) * 10
def handle(request):
    # The bug: every request's text is kept forever.
    text = f"request {request}: " + "x" * 200
    cache.append(text)
    return len(text)
# Only this file's lines: not tracemalloc's own, nor the interpreter's.
mine = [tracemalloc.Filter(True, handle.__code__.co_filename)]
tracemalloc.start()
warm_up()
first = tracemalloc.take_snapshot().filter_traces(mine)
print("The top line after the warm-up:")
for stat in first.statistics('lineno')[:1]:
    print(" ", stat)
for request in range(500):
    handle(request)
second = tracemalloc.take_snapshot().filter_traces(mine)
print("\nWhat grew by more than 1 KiB between the two snapshots:")
grown = [d for d in second.compare_to(first, 'lineno') if d.size_diff > 1024]
for diff in grown:
    print(" ", diff)
top = grown[0]
print(f"\nThe leak: line {top.traceback[0].lineno}, {top.count_diff} new blocks, {top.size_diff} bytes")
current, peak = tracemalloc.get_traced_memory()
print("traced now and at the peak, at least the leak:", min(current, peak) >= top.size_diff)
tracemalloc.stop()
print("tracing:", tracemalloc.is_tracing())
