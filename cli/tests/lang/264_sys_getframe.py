import sys
def where():
    f = sys._getframe()
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name
def caller():
    return where()
print(caller())
print(sys._getframe().f_code.co_name, sys._getframe(0).f_back)
def depth2():
    return sys._getframe(1).f_code.co_name
def mid():
    return depth2()
print(mid())
try:
    sys._getframe(100)
except ValueError as e:
    print("ValueError:", e)
def locs(a, b=2):
    c = a + b
    return sys._getframe().f_locals
print(locs(1))
print(sys._getframe().f_globals is globals(), sys._getframe().f_locals is globals())
print(list(map(lambda _: sys._getframe(1).f_code.co_name, [0])))
class K:
    name = sys._getframe().f_code.co_name
    here = sorted(sys._getframe().f_locals)
print(K.name, K.here)
