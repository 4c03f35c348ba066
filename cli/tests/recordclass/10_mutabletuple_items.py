# mutabletuple's item assignment (and litetuple's refusal), recursion in reprs.
from recordclass import litetuple, mutabletuple


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


m = mutabletuple(1, 2, 3)


def assign(key, value):
    def f():
        m[key] = value
        return m
    return f


def delete(key):
    def f():
        del m[key]
        return m
    return f


t(assign(0, 9))
t(assign(-1, "z"))
t(assign(5, 0))
t(assign("a", 0))
t(assign(slice(0, 2), (7, 8)))
t(assign(slice(0, 5), [4, 5, 6]))
t(assign(slice(0, 2), [1]))
t(assign(slice(0, 2), 5))
t(delete(0))
t(delete(7))
t(delete(slice(0, 1)))
t(delete("k"))
lt = litetuple(1, 2)


def lt_set():
    lt[0] = 5


def lt_del():
    del lt[0]


t(lt_set)
t(lt_del)
t(lambda: lt.foo)
m = mutabletuple(1, 2)
m[1] = m
print(m)
n = mutabletuple(0, [m])
print(n)
it = iter(litetuple(1, 2))
print(iter(it) is it, next(it), it.__length_hint__(), list(it))
