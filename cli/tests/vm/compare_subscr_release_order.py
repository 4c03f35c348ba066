# COMPARE_OP and BINARY_SUBSCR release their left operand (the container) before the right
# one (DECREF_INPUTS): the operands' __del__ run in CPython's order.
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
    def __lt__(self, o): return True
    def __getitem__(self, k): return 1
    def __index__(self): return 0
print(D(5) < D(6))
print(D(1)[D(2)])
print([10, 20][D(3)])
x = D(7) < D(8)
print(x)
