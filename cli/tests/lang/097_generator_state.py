def state(g):
    if g.gi_running:
        return "running"
    if g.gi_frame is None:
        return "closed"
    return "suspended" if g.gi_suspended else "created"

def gen():
    x = yield 1
    yield x

g = gen()
print(state(g))
next(g)
print(state(g))
print(g.gi_frame.f_lineno, g.gi_running)
g.send("sent")
try:
    next(g)
except StopIteration:
    pass
print(state(g), g.gi_frame)
print(g.gi_code.co_name, gen.__code__.co_flags & 0x20 != 0)
def running():
    yield me.gi_running
me = running()
print(next(me))
def recurse():
    yield next(again)
again = recurse()
try:
    next(again)
except ValueError as e:
    print("ValueError:", e)
