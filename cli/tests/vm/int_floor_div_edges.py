# Floor division and modulo at the machine-word edges: -2**63 // -1 overflowed an i64 in BINARY_OP's short path.
for a in (-2**63, 2**63-1, -2**62, -7, 7, 0):
    for b in (-1, 1, -3, 3, 2**63-1, -2**63):
        print(a // b, a % b, divmod(a, b))
x = -2**63
x //= -1
print(x)
