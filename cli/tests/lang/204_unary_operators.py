x = 5
print(-x, +x, ~x, not x, - -x, -(-x))
print(-0.0, +(-0.0), ~0, ~-1, not 0, not None)
f = 2.5
print(-f, +f, abs(-f))
b = True
print(-b, +b, ~b if False else "skip", not b)
class Money:
    def __init__(self, v):
        self.v = v
    def __neg__(self):
        return Money(-self.v)
    def __pos__(self):
        return Money(abs(self.v))
    def __invert__(self):
        return "inverted"
    def __repr__(self):
        return f"Money({self.v})"
m = Money(10)
print(-m, +(-m), ~m)
try:
    -"text"
except TypeError as e:
    print("TypeError:", e)
print(-2 ** 2, (-2) ** 2, 2 ** -1, -x ** 2)
