# contextlib: suppress, nullcontext, closing, redirect_stdout/redirect_stderr, ContextDecorator.
import contextlib, io, sys

with contextlib.suppress(KeyError, IndexError):
    [][1]
print("after suppress")
try:
    with contextlib.suppress(KeyError):
        1 / 0
except ZeroDivisionError as e:
    print("not suppressed:", e)
with contextlib.suppress():
    print("empty suppress, no exception")
with contextlib.nullcontext() as v:
    print("nullcontext", v)
class Thing:
    def close(self):
        print("closed")
with contextlib.closing(Thing()) as t:
    print(type(t).__name__)
buf = io.StringIO()
with contextlib.redirect_stdout(buf) as target:
    print("to the buffer")
    print("twice", 2)
print(target is buf, repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("error text", file=sys.stderr)
print(repr(err.getvalue()), sys.stdout is sys.__stdout__)
class announce(contextlib.ContextDecorator):
    def __enter__(self):
        print("start")
    def __exit__(self, *exc):
        print("stop")
@announce()
def work(n):
    print("working", n)
work(1)
