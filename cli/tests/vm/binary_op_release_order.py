# BINARY_OP releases its left operand before its right one (DECREF_INPUTS): the operands'
# __del__ run in CPython's order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __sub__(self, o): return 0
    def __add__(self, o): return NotImplemented if isinstance(o, int) else 0
    def __radd__(self, o): return 1
    def __matmul__(self, o): raise ValueError("matmul")
D(1) - D(2)
D(3) + D(4); print(5 + D(17))
try:
    D(5) @ D(6)
except ValueError as e:
    print("ValueError", e)
x = D(7); x -= D(8); del x
class K:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __hash__(self): return 1
print([K(9)] + [K(10)] and 0)
print({K(11)} | {K(12)} and 0)
print(len({K(13): 1} | {K(14): 1}))
{K(15): 1}.keys() - {K(16): 2}.keys()
