# weakref.finalize at exit: the live finalizers run through atexit, newest first, unless
# their atexit flag is off; a failing atexit callback is reported on stderr and the rest run.
import atexit
import weakref

class Resource:
    def __init__(self, name):
        self.name = name

class Failing:
    def __repr__(self):
        return "<Failing callback>"
    def __call__(self):
        raise ValueError("callback failed")

a, b, c, d = Resource("a"), Resource("b"), Resource("c"), Resource("d")
fa = weakref.finalize(a, print, "finalizer of a")
fb = weakref.finalize(b, print, "finalizer of b")
fc = weakref.finalize(c, print, "finalizer of c: atexit off, so it never runs")
fc.atexit = False
fd = weakref.finalize(d, print, "finalizer of d, called early")
fd()
print(fa.alive, fc.atexit, fd.alive, weakref.finalize._registered_with_atexit)
atexit.register(Failing())
atexit.register(print, "an atexit callback registered after the finalizers")
e = Resource("e")
weakref.finalize(e, print, "finalizer of e, dead before exit")
del e
print("end of script")
