# Which operand of a BINARY_OP dies last, seen through the allocator: the next object of the
# same size takes the block freed last (pymalloc's pools are LIFO). After warm-up, CPython
# 3.12.1's specialised BINARY_OP_ADD_INT/_SUBTRACT_INT/_MULTIPLY_INT free the right operand
# first; the int operators it does not specialise (//, %, &, |, ^) and `/`, `**` of floats
# free the left operand first (DECREF_INPUTS); `+`, `-`, `*` of floats give the left operand,
# when only the stack held it, to the result. Each probe runs three times and the last two
# (warm) are printed.
ids = []


def t(v):
    ids.append(id(v))
    return v


out = []


def p_int2_add():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) + t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'add', [p_int2_add() for _ in range(3)][1:]))

def p_int2_sub():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) - t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'sub', [p_int2_sub() for _ in range(3)][1:]))

def p_int2_mul():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) * t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'mul', [p_int2_mul() for _ in range(3)][1:]))

def p_int2_floordiv():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) // t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'floordiv', [p_int2_floordiv() for _ in range(3)][1:]))

def p_int2_mod():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) % t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'mod', [p_int2_mod() for _ in range(3)][1:]))

def p_int2_and():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) & t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'and', [p_int2_and() for _ in range(3)][1:]))

def p_int2_or():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) | t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'or', [p_int2_or() for _ in range(3)][1:]))

def p_int2_xor():
    ids.clear()
    x, y = 10**12 + 7, 10**10 + 3
    r = t(x + 1) ^ t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int2', 'xor', [p_int2_xor() for _ in range(3)][1:]))

def p_int1_add():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) + t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'add', [p_int1_add() for _ in range(3)][1:]))

def p_int1_sub():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) - t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'sub', [p_int1_sub() for _ in range(3)][1:]))

def p_int1_mul():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) * t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'mul', [p_int1_mul() for _ in range(3)][1:]))

def p_int1_floordiv():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) // t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'floordiv', [p_int1_floordiv() for _ in range(3)][1:]))

def p_int1_mod():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) % t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'mod', [p_int1_mod() for _ in range(3)][1:]))

def p_int1_and():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) & t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'and', [p_int1_and() for _ in range(3)][1:]))

def p_int1_or():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) | t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'or', [p_int1_or() for _ in range(3)][1:]))

def p_int1_xor():
    ids.clear()
    x, y = 100007, 1003
    r = t(x + 1) ^ t(y + 1)
    s = x + 2
    u = x + 3
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('int1', 'xor', [p_int1_xor() for _ in range(3)][1:]))

def p_float_add():
    ids.clear()
    x, y = 1.25, 2.5
    r = t(x * 3.0) + t(y * 3.0)
    s = x * 5.0
    u = x * 7.0
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('float', 'add', [p_float_add() for _ in range(3)][1:]))

def p_float_sub():
    ids.clear()
    x, y = 1.25, 2.5
    r = t(x * 3.0) - t(y * 3.0)
    s = x * 5.0
    u = x * 7.0
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('float', 'sub', [p_float_sub() for _ in range(3)][1:]))

def p_float_mul():
    ids.clear()
    x, y = 1.25, 2.5
    r = t(x * 3.0) * t(y * 3.0)
    s = x * 5.0
    u = x * 7.0
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('float', 'mul', [p_float_mul() for _ in range(3)][1:]))

def p_float_div():
    ids.clear()
    x, y = 1.25, 2.5
    r = t(x * 3.0) / t(y * 3.0)
    s = x * 5.0
    u = x * 7.0
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('float', 'div', [p_float_div() for _ in range(3)][1:]))

def p_float_pow():
    ids.clear()
    x, y = 1.25, 2.5
    r = t(x * 3.0) ** t(y * 3.0)
    s = x * 5.0
    u = x * 7.0
    return [ids.index(id(s)) if id(s) in ids else None, ids.index(id(u)) if id(u) in ids else None]


out.append(('float', 'pow', [p_float_pow() for _ in range(3)][1:]))
for row in out:
    print(*row)
