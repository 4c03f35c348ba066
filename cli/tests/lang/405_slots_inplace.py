# In-place operators: __iadd__ and friends, their fallback to the binary form, @=.
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, x): self.items.append(x); return self
    def __isub__(self, x): return NotImplemented
    def __sub__(self, x): return "plain sub"
    def __imul__(self, n): self.items *= n; return self
    def __ior__(self, x): return "ior result"
    def __imatmul__(self, x): return "imatmul"
acc = Acc(); before = acc; acc += 1; acc += 2
print(acc.items, acc is before)
acc *= 2
print(acc.items, acc is before)
acc -= 1
print(acc)
a = Acc(); a |= 3; print(a)
a = Acc(); a @= 3; print(a)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
    def __repr__(self): return f"OnlyAdd({self.v})"
x = OnlyAdd(1); y = x; x += 5
print(x, y, x is y)
for op in ("x -= 1", "x //= 2", "x **= 2", "x @= 2", "x <<= 1", "x %= 2"):
    try: exec(op)
    except TypeError as e: print("TypeError:", e)
l = [1]; l += (2, 3); s = {1}; s |= {2}; t = (1,); t += (2,); print(l, s, t)
class Counter:
    n = 0
    def __iadd__(self, k):
        Counter.n += k
        return self
c = Counter()
for i in range(5):
    c += i
print(Counter.n)
