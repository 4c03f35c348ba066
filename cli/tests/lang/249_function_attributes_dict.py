def f(a, b=2, *, c=3):
    "doc"
    return a
def attempt(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__, e)
def s1(): f.__name__ = 3
def s2(): del f.__name__
def s3(): f.__qualname__ = 3
def s4(): del f.x
def s5(): f.__dict__ = 3
def s6(): del f.__dict__
def s7(): f.__globals__ = 3
def s8(): f.__closure__ = None
def s9(): del f.__code__
def s10(): f.__type_params__ = 3
def s11(): f.__defaults__ = 3
def s12(): f.__kwdefaults__ = []
def s13(): f.__annotations__ = 1
def s14(): f.nope
for s in [s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11, s12, s13, s14]:
    attempt(s)
