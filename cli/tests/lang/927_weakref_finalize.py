# weakref.finalize and callbacks of weakref.ref.
import weakref
import gc

class Resource:
    def __init__(self, name):
        self.name = name

def report(*args, **kwargs):
    print("finalized", args, sorted(kwargs.items()))
    return "result"

r = Resource("r")
f = weakref.finalize(r, report, "r", 1, flag=True)
print(f.alive, f.atexit, f.peek()[1:] == (report, ("r", 1), {"flag": True}), f.peek()[0] is r)
del r
print(f.alive, f.peek(), f(), f.detach())
# calling it runs the function once
s = Resource("s")
g = weakref.finalize(s, report, "s")
print(g(), g(), g.alive)
del s
# detach: the function will not run
t = Resource("t")
h = weakref.finalize(t, report, "t")
obj, func, args, kwargs = h.detach()
print(obj is t, func is report, args, kwargs, h.alive, h.detach())
del t, obj
h.atexit = False
print(h.atexit)
# a finalizer on an object in a cycle runs when the collector frees it
class Node:
    pass
a, b = Node(), Node()
a.other, b.other = b, a
weakref.finalize(a, print, "cycle freed")
del a, b
print("before collect")
gc.collect()
print("after collect")
