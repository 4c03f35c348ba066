# __slots__ on exception subclasses: member descriptors, inheritance, the __dict__/__weakref__
# slots' errors, sizes, the instance dict kept beside the cells, cycles collected.
import sys, gc
for sl in [('__weakref__',), ('__dict__',), ('a', '__weakref__'), ('a', 'a'), ()]:
    try:
        E = type('E', (Exception,), {'__slots__': sl})
        print(sl, sys.getsizeof(E()), E.__basicsize__)
    except TypeError as e:
        print(sl, type(e).__name__, e)
class E(ValueError):
    __slots__ = ('a', 'b')
class F(E):
    __slots__ = ('c',)
f = F('x', 2)
f.a = [1]
f.c = f
print(f.args, f.a, f.c is f, sys.getsizeof(f), F.__basicsize__, E.__basicsize__)
try:
    f.b
except AttributeError as e:
    print(type(e).__name__, e)
f.note = 5
print(f.__dict__, f.note, str(f), repr(f))
print(F.a, F.c, F.__slots__, '__weakref__' in dir(F))
del f.a
try:
    del f.a
except AttributeError as e:
    print(type(e).__name__, e)
del f
print(gc.collect())
try:
    raise F('boom')
except E as e:
    e.b = 'caught'
    print(type(e).__name__, e, e.b)
class O(OSError):
    __slots__ = ('path2',)
o = O(2, 'No such file', 'x'); o.path2 = 'y'
print(o.errno, o.strerror, o.filename, o.path2, str(o), sys.getsizeof(o))
