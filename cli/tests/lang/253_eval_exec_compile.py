x = 10
print(eval("x * 2 + 1"), eval("  x"), eval(b"x + 1"))
g = {}
exec("a = 1\nb = a + 1", g)
print(sorted(k for k in g if k != "__builtins__"), "__builtins__" in g, type(g["__builtins__"]))
l = {}
exec("c = 5", g, l)
print(l, "c" in g)
def f():
    y = 3
    print(eval("y + x"))
    exec("y = 100")
    print(y)
    return eval("[y for _ in range(2)]")
print(f())
code = compile("40 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code), code.co_filename, code.co_name)
c2 = compile("z = 7\n", "<ex>", "exec")
exec(c2)
print(z)
c3 = compile("1 + 1", "<s>", "single")
exec(c3)
for bad in [lambda: eval(5), lambda: exec(5), lambda: eval("1", 5), lambda: eval("1", {}, 5), lambda: eval("1", [], {}), lambda: compile("1", "f", "bogus"), lambda: eval("x = 1"), lambda: eval("1 +"), lambda: exec("def f(:"), lambda: eval("a\0b"), lambda: eval("undefined_q")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e.args[0] if e.args else e)
print(eval("lambda q: q * 2")(21), eval("(lambda: x)()"), eval("sum(i for i in range(5))"))
def outer():
    n = 4
    return eval("n")
print(outer())
import sys
print(eval("sys.maxsize > 0"))
