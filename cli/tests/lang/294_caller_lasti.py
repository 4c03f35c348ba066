# A caller's f_lasti while its callee runs: 3.12 inlines Python calls (the caller stands at
# its CALL's last cache unit); __init__ runs from type_call, so its caller stays at the CALL.
import sys
def callee():
    return sys._getframe(1).f_lasti, sys._getframe(0).f_lasti
def caller():
    return callee()
print("call", caller())
def kw_callee(a, *, b):
    return sys._getframe(1).f_lasti
def kw_caller():
    return kw_callee(1, b=2), kw_callee(*(1,), **{"b": 2})
print("kw and ex", kw_caller())
class WithInit:
    def __init__(self, x):
        self.where = sys._getframe(1).f_lasti
def make():
    return WithInit(1).where
print("init", make())
def raiser():
    raise ValueError("boom")
def tb_lasti():
    try:
        raiser()
    except ValueError as e:
        tb = e.__traceback__
        return tb.tb_lasti, tb.tb_next.tb_lasti, tb.tb_lineno, tb.tb_next.tb_lineno
print("traceback", tb_lasti())
class BadInit:
    def __init__(self):
        return 3
def bad_init():
    try:
        BadInit()
    except TypeError as e:
        return str(e), e.__traceback__.tb_lasti
print("bad init", bad_init())
