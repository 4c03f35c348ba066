class Proxy:
    def __init__(self, target):
        self._target = target

    def __getattr__(self, name):
        print("forwarding", name)
        return getattr(self._target, name)

p = Proxy([3, 1, 2])
p.append(0)
print(p._target)
print(p.count(1))
try:
    p.missing
except AttributeError as e:
    print("AttributeError:", e)
class Defaults:
    a = 1
    def __getattr__(self, name):
        return f"default for {name}"
d = Defaults()
print(d.a, d.b, d.anything)
