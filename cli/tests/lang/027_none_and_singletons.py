import sys

x = None
print(x is None, x == None, type(x).__name__)
def nothing():
    pass
print(nothing() is None)
print(repr(None), str(None), bool(None))
print(sys.getsizeof(None), sys.getrefcount(None) > 1000)
print(True is True, NotImplemented, type(NotImplemented).__name__)
d = {None: "none key"}
print(d[None])
l = [None] * 3
print(l, l.count(None))
l1, l2, t1, t2 = [], [], (), ()
print(l1 is l2, t1 is t2)
