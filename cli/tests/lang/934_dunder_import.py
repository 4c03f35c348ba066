# The __import__ built-in: the top-level package without a fromlist, the module itself with
# one (importing the submodules it names), and CPython's errors.
import builtins

print(builtins.__import__ is __import__, repr(__import__))
print(__import__("os.path").__name__)
print(__import__("os.path", fromlist=["x"]).__name__)
print(__import__("json", fromlist=["decoder"]).decoder.__name__)
print(__import__("json", globals(), locals(), [], 0).__name__)
print(__import__("json.decoder", fromlist=()).__name__)
m = __import__("keyword", fromlist=("kwlist",))
print(m.iskeyword("if"), "keyword" in __import__("sys").modules)
for args in [(1,), ("",), ("os", None, None, (), -1), (".x",), ("os", None, None, (), "x")]:
    try:
        __import__(*args)
    except Exception as e:
        print(type(e).__name__, e)
try:
    __import__("no_such_module_here")
except ModuleNotFoundError as e:
    print(e, e.name)
