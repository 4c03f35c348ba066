# contextlib.ExitStack: LIFO exits, callbacks, push, pop_all, suppression, errors.
from contextlib import ExitStack

class Res:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return self.suppress

with ExitStack() as stack:
    print([stack.enter_context(Res(n)) for n in "abc"])
    stack.callback(print, "callback", 1, sep="|")
    stack.push(lambda *exc: print("pushed sees", exc[0]))
with ExitStack() as stack:
    stack.enter_context(Res("outer", suppress=True))
    stack.enter_context(Res("inner"))
    raise KeyError("k")
print("suppressed")
with ExitStack() as stack:
    stack.enter_context(Res("kept"))
    later = stack.pop_all()
print("popped; closing now")
later.close()
try:
    with ExitStack() as stack:
        stack.callback(lambda: 1 / 0)
        raise ValueError("first")
except ZeroDivisionError as e:
    print("raised", repr(e), "context", repr(e.__context__))
for bad in (42, Res):
    try:
        ExitStack().enter_context(bad)
    except TypeError as e:
        print(e)
