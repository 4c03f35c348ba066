x = 10
print(eval("x * 2 + 1"))
print(eval("[i * i for i in range(4)]"))
print(eval("a + b", {"a": 1, "b": 2}))
namespace = {}
exec("def square(n):\n    return n * n\nresult = square(7)", namespace)
print(namespace["result"], namespace["square"](3))
exec("y = x + 5")
print(y)
code = compile("40 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code))
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    eval("undefined_name_here")
except NameError as e:
    print("NameError:", e)
