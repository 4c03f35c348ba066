# __getitem__/__setitem__/__delitem__, __contains__, __iter__, and the old __getitem__ iteration.
class Grid:
    def __init__(self, w, h):
        self.w, self.h, self.cells = w, h, {}
    def __getitem__(self, key):
        print("get", key)
        if not isinstance(key, tuple):
            raise TypeError("need (x, y)")
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key): del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
g = Grid(3, 2)
g[0, 1] = "#"; g[2, 1] = "@"
print(g[0, 1], g[1, 1], (0, 1) in g, (5, 5) in g, (5, 5) not in g)
del g[0, 1]
print((0, 1) in g)
try: g["x"]
except TypeError as e: print("TypeError:", e)
class Squares:
    def __getitem__(self, i):
        if i >= 5: raise IndexError(i)
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares(), [x for x in Squares()], sorted(Squares(), reverse=True))
print(Squares()[3], tuple(Squares()), sum(Squares()), max(Squares()))
it = iter(Squares())
print(type(it).__name__, next(it), next(it), list(it), list(it))
class Stop:
    def __getitem__(self, i):
        if i == 2: raise StopIteration
        return i
print(list(Stop()), list(reversed(Squares.__getitem__.__name__)))
class Plain: pass
def setp(): Plain()[0] = 1
def delp(): del Plain()[0]
for f in (lambda: Plain()[0], lambda: 1 in Plain(), lambda: iter(Plain()), setp, delp):
    try: f()
    except TypeError as e: print("TypeError:", e)
