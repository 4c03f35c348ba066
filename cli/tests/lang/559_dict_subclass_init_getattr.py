# dict subclasses with __init__ calling super().__init__ or dict.__init__, __getattr__ over items, and key folding.
class Attr(dict):
    def __init__(self, *a, **k):
        super().__init__(*a, **k)
        self.n = len(self)
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name)
a = Attr({"x": 1}, y=2)
print(a, a.n, a.x, a.y)
try: a.z
except AttributeError as x: print("AttributeError", x)
class D2(dict):
    def __init__(self, x):
        dict.__init__(self, x=x)
print(D2(1))
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.lower())
low = Lower()
low["ABC"] = 1
print(low, low["aBc"], len(low))
