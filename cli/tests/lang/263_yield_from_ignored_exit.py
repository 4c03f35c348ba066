def ign():
    try:
        yield 1
    except GeneratorExit:
        yield 2
def outer():
    yield from ign()
g = outer()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def sub():
    try:
        yield "a"
    except GeneratorExit:
        print("sub saw GeneratorExit")
        raise
def outer2():
    yield from sub()
g = outer2()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit came back out")
print(g.gi_frame, g.gi_yieldfrom)
