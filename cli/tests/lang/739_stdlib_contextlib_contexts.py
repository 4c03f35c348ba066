# contextlib: exception contexts through ExitStack and contextmanager, re-entrant redirects.
import contextlib, io

def chain(e):
    return f"{type(e).__name__}({e})" + (" <- " + chain(e.__context__) if e.__context__ else "")
def raiser(exc):
    def exit_(*details):
        raise exc
    return exit_
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
outer, inner = io.StringIO(), io.StringIO(); redirect = contextlib.redirect_stdout(outer)
with redirect:
    print("outer 1")
    with contextlib.redirect_stdout(inner), redirect:
        print("outer 2 (innermost wins)")
print(repr(outer.getvalue()), repr(inner.getvalue()))
