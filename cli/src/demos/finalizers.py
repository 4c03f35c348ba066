# A cycle through instance attributes: weak references and __del__ under the collector
import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):      # a finalizer: runs once, before the object is freed
        print('  __del__ of', self.name)
def gone(ref):              # a weakref callback: runs when the referent dies
    print('  callback: the weak reference is dead, r() now returns', ref())
gc.disable()                # only our gc.collect() will run the collector
c = Node('c')
r = weakref.ref(c, gone)    # a weak reference does not keep c alive
print('del c (no cycle): refcount drops to 0, c is freed at once')
del c                       # refcounting frees it: __del__ first, then the callback
a = Node('a')
b = Node('b')
a.other = b                 # a -> b -> a: each keeps the other alive
b.other = a
r = weakref.ref(a, gone)
del a, b                    # no name refers to them, but each refcount is still 1
print('del a, b (a cycle): nothing happens, r() still returns', r().name)
print('gc.collect():')
n = gc.collect()            # the collector clears weak references (callbacks run), calls
                            # the finalizers, then breaks the cycle and frees both
print('it returned', n, '(the 2 instances: 3.12 keeps their attributes inline, no dicts)')
print('r() is', r(), ' gc.garbage is', gc.garbage)
gc.enable()
