# locals() and globals() inside a generator driven by for, list() and yield from: the generator's own frame, not its caller's.
def g(n):
    a = 1
    for i in range(n):
        yield sorted(locals().items()), "caller" in globals()

def caller():
    z = 5
    for x in g(2):
        print(x)
    print(list(g(1)))

caller()
def h():
    q = 3
    yield from g(1)
for v in h():
    print(v)
