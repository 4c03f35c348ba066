import contextlib

class Res:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self.n
    def __exit__(self, *a):
        print("exit", self.n)

with contextlib.ExitStack() as stack:
    values = [stack.enter_context(Res(i)) for i in range(3)]
    stack.callback(print, "callback ran")
    print("values", values)
with contextlib.nullcontext(42) as v:
    print("nullcontext gives", v)
def maybe(flag):
    return Res("real") if flag else contextlib.nullcontext("none")
for flag in (True, False):
    with maybe(flag) as got:
        print("got", got)
