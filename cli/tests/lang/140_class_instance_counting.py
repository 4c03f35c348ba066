import weakref
import gc

class Tracked:
    instances = 0

    def __init__(self):
        Tracked.instances += 1

    def __del__(self):
        Tracked.instances -= 1
        print("deleted one")

a = Tracked()
b = Tracked()
print(Tracked.instances)
del a
print(Tracked.instances)
r = weakref.ref(b)
print(r() is b)
del b
print(r(), Tracked.instances)
c = Tracked()
c.me = c
del c
print("before collect", Tracked.instances)
gc.collect()
print("after collect", Tracked.instances)
