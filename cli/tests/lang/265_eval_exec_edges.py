import sys
def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e.args[0] if e.args else "")
t(lambda: exec("return 5"))
t(lambda: eval("yield 1"))
t(lambda: exec(compile("x = 1\ny = 2", "<m>", "single")))
t(lambda: eval(compile("q = 1", "<m>", "exec"), {}))
t(lambda: exec(compile("1 + 1", "<m>", "eval")))
t(lambda: compile(b"\xff", "f", "exec"))
t(lambda: eval(compile("zz", "f", "eval"), {}))
t(lambda: eval("(" * 300 + ")" * 300))
t(lambda: eval("[" * 100 + "]" * 100))
def f():
    return eval("f()")
t(f)
t(lambda: compile("x", "f", "eval", 0, False, -1).co_name)
t(lambda: eval("__builtins__") is not None)
t(lambda: exec("import sys\nprint(sys.getrecursionlimit())", {}))
t(lambda: eval("1", None, None))
t(lambda: eval("nonlocal_x", {"nonlocal_x": 4}, {"nonlocal_x": 5}))
class K:
    v = 3
    w = eval("v + 1")
print(K.w)
g = {"a": 1}
exec("def h():\n    return a\n", g)
print(g["h"]())
t(lambda: exec("class A:\n    pass\nprint(A.__name__, A.__module__)", {"__name__": "mod"}))
t(lambda: exec("del undefined_y"))
t(lambda: exec("global gg\ngg = 5") or gg)
