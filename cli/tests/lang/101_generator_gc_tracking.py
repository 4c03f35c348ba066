import gc
import sys

def g():
    yield 1
    yield 2

gen = g()
print(gc.is_tracked(gen))
print(sys.getrefcount(gen))
next(gen)
frame = gen.gi_frame
print(frame is not None, frame.f_code is g.__code__)
del frame
print(list(gen), gen.gi_frame)
class Holder:
    pass
h = Holder()
def holding():
    x = h
    yield x
hg = holding()
next(hg)
print(sys.getrefcount(h))
hg.close()
print(sys.getrefcount(h))
gc.collect()
def cycle():
    me = yield
c = cycle()
next(c)
try:
    c.send(c)
except StopIteration:
    pass
del c
print(gc.collect())
