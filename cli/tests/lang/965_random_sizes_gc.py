# The layout of _random.Random (header, int index, uint32_t state[624]) and of its subclasses:
# sizes, offsets, GC tracking and weak references.
import _random
import gc
import random
import sys
import weakref

r = _random.Random(1)
print(_random.Random.__basicsize__, _random.Random.__itemsize__, sys.getsizeof(r), r.__sizeof__())
print(_random.Random.__dictoffset__, _random.Random.__weakrefoffset__, gc.is_tracked(r))
print(random.Random.__basicsize__, random.Random.__dictoffset__, random.Random.__weakrefoffset__)
x = random.Random(1)
print(sys.getsizeof(x), x.__sizeof__(), gc.is_tracked(x), gc.is_tracked(random.SystemRandom()))
class Slotted(_random.Random):
    __slots__ = ('a', 'b')
s = Slotted(2)
s.a = [1]
print(Slotted.__basicsize__, sys.getsizeof(s), gc.is_tracked(s), s.a, s.random() < 1)
class NoDict(_random.Random):
    __slots__ = ()
print(NoDict.__basicsize__, sys.getsizeof(NoDict()), gc.is_tracked(NoDict()))
for f in [lambda: weakref.ref(r), lambda: setattr(r, 'attr', 1), lambda: setattr(s, 'c', 1)]:
    try:
        f()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
w = weakref.ref(x)
x.note = 'kept'
print(w() is x, x.__dict__['note'], sorted(k for k in vars(x) if not k.startswith('_')))
# A cycle through an instance dict is collected.
y = random.Random(3)
y.me = y
ref = weakref.ref(y)
del y
gc.collect()
print(ref())
