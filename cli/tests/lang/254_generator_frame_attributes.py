def gen(a):
    b = a + 1
    def inner():
        return b
    x = yield b
    yield from sub()
def sub():
    yield 10
    yield 11
g = gen(1)
print(g.gi_frame.f_locals, g.gi_suspended, g.gi_yieldfrom, g.gi_running)
next(g)
f = g.gi_frame
print(sorted(f.f_locals), g.gi_suspended, f.f_lineno, f.f_code.co_name, f.f_back)
print(f.f_globals is globals(), type(f.f_builtins))
g.send(5)
print(type(g.gi_yieldfrom).__name__, g.gi_frame.f_lineno, g.gi_yieldfrom.gi_frame.f_lineno)
print(sorted(k for k in f.f_locals))
for _ in g: pass
print(g.gi_frame, g.gi_suspended, g.gi_yieldfrom, f.f_lineno)
