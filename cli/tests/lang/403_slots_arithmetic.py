# The number slots: __add__ family, reflected forms, subclass priority, in-place forms.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"V{self.c}"
    def __add__(self, o):
        return V(*(a + b for a, b in zip(self.c, o.c))) if isinstance(o, V) else NotImplemented
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __sub__(self, o):
        return self + V(*(-b for b in o.c))
    def __mul__(self, k):
        return V(*(a * k for a in self.c)) if isinstance(k, (int, float)) else NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k): return V(*(a / k for a in self.c))
    def __floordiv__(self, k): return V(*(a // k for a in self.c))
    def __mod__(self, k): return V(*(a % k for a in self.c))
    def __pow__(self, k): return V(*(a ** k for a in self.c))
    def __rpow__(self, b): return [b ** a for a in self.c]
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, k): return (self // k, self % k)
    def __lshift__(self, n): return V(*(self.c[n:] + self.c[:n]))
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rshift__(self, o): return "rshift"
a, b = V(1, 2, 3), V(4, 5, 6)
print(a + b, b - a, a * 2, 3 * a, a / 2, b // 2, b % 4, a ** 2, 2 ** a, a @ b)
print(divmod(b, 4), a << 1, a & 1, 1 | a, a ^ a, a >> 0, sum([a, b]), sum([a], V(0, 0, 0)))
for f in (lambda: a + 1, lambda: 1 - a, lambda: a * "s", lambda: a @ 1, lambda: 1 @ a, lambda: a | 2, lambda: ~a):
    try: f()
    except TypeError as e: print("TypeError:", e)
class W(V):
    def __radd__(self, o): return "W.__radd__ first"
print(a + W(0, 0, 0), W(1) + a)
