# contextlib: exception contexts through ExitStack and contextmanager, re-entrant redirects.
import contextlib, io

def chain(e):
    names = []
    while e is not None:
        names, e = names + [f"{type(e).__name__}({e})"], e.__context__
    return " <- ".join(names)
def raiser(exc):
    return lambda *details: (_ for _ in ()).throw(exc)
try:
    with contextlib.ExitStack() as stack:
        stack.push(raiser(KeyError("first exit")))
        stack.push(raiser(IndexError("second exit")))
        raise ValueError("body")
except Exception as e:
    print(chain(e))
with contextlib.ExitStack() as stack:
    stack.push(lambda *d: True)
    stack.push(raiser(IndexError("suppressed later")))
    raise ValueError("body")
print("suppressed by the outer exit")
@contextlib.contextmanager
def converts():
    try:
        yield
    except ZeroDivisionError as e:
        raise ArithmeticError("converted") from e
try:
    with converts():
        1 / 0
except ArithmeticError as e:
    print(chain(e), "| cause:", type(e.__cause__).__name__)
outer, inner = io.StringIO(), io.StringIO()
redirect = contextlib.redirect_stdout(outer)
with redirect:
    print("outer 1")
    with contextlib.redirect_stdout(inner), redirect:
        print("outer 2 (innermost wins)")
print(repr(outer.getvalue()), repr(inner.getvalue()))
