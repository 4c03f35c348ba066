def outer(a, b=1, *args, c, d=2, **kw):
    x = a + b
    def inner(y):
        return x + y + c
    return inner

code = outer.__code__
print(code.co_varnames, code.co_cellvars, code.co_freevars)
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount, code.co_nlocals)
print(code.co_name, code.co_qualname, code.co_firstlineno, code.co_flags)
inner = outer(1, c=3)
ic = inner.__code__
print(ic.co_varnames, ic.co_cellvars, ic.co_freevars, ic.co_qualname, ic.co_names)
print(ic.co_consts, code.co_consts[1:2] == (ic,) or code.co_consts)
print([c.cell_contents for c in inner.__closure__])
def shared():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc, n
print(shared.__code__.co_cellvars, shared()[0].__code__.co_freevars)
def gen():
    yield 1
print(gen.__code__.co_flags & 0x20 != 0, gen.__code__.co_varnames, (lambda q, *r: q).__code__.co_varnames)
