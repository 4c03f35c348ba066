# iter(callable, sentinel) makes a callable_iterator; the slot wrappers and builtins are callable.
import sys
it = iter([1, 2, 3, 0, 5].pop, 3)
print(type(it).__name__, list(it), list(it))
n = iter(lambda: 1, 1); print(list(n))
def stop():
    raise StopIteration
print(list(iter(stop, 0)))
try: iter(5, 5)
except TypeError as e: print(e)
print(callable(int.__add__), callable((1).__add__), callable(len), callable([].append))
print(sys.getsizeof(iter(stop, 0)), sys.getsizeof(iter([].pop, 0)))
class G:
    def __getitem__(self, i): return i
print(sys.getsizeof(iter(G())), type(iter(G())).__name__)
calls = []
def step():
    calls.append(len(calls))
    return len(calls)
print([x * 10 for x in iter(step, 4)], calls)
def boom():
    raise ValueError("inside")
try: next(iter(boom, 0))
except ValueError as e: print("ValueError", e)
