# The attributes of the built-in exceptions, as the object model keeps them.
import sys

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, "->", type(e).__name__, e)

e = StopIteration(5)
show("StopIteration.value", lambda: e.value)
show("StopIteration().value", lambda: StopIteration().value)
show("StopIteration(1, 2).value", lambda: StopIteration(1, 2).value)
def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as s:
    print("generator return value:", s.value, s.args)

show("SystemExit().code", lambda: SystemExit().code)
show("SystemExit(3).code", lambda: SystemExit(3).code)
show("SystemExit(1, 2).code", lambda: SystemExit(1, 2).code)
try:
    sys.exit("bye")
except SystemExit as s:
    print("sys.exit:", repr(s.code), s.args)

ie = ImportError("no luck", name="mod", path="/x/mod.py")
show("ImportError.msg", lambda: ie.msg)
show("ImportError.name", lambda: ie.name)
show("ImportError.path", lambda: ie.path)
show("ImportError str", lambda: str(ie))
show("ImportError(bad kw)", lambda: ImportError("m", nom="x"))
try:
    import no_such_module_here
except ModuleNotFoundError as m:
    print("ModuleNotFoundError:", m.name, m.msg, m.path, isinstance(m, ImportError))

for args in [(2, "No such file"), (2, "No such file", "f.txt"), (13, "denied"), (111, "refused"),
             (104, "reset"), (32, "pipe"), (17, "exists"), (99999, "other"), ("x",), ()]:
    o = OSError(*args)
    print(type(o).__name__, o.errno, o.strerror, o.filename, o.args, str(o))
print(issubclass(ConnectionResetError, ConnectionError), issubclass(ConnectionError, OSError))
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise ConnectionRefusedError(111, "Connection refused")
except ConnectionError as c:
    print("caught", type(c).__name__, c.errno, c)

d = {}
for key in [1, "k", (1, 2), None]:
    try:
        d[key]
    except KeyError as k:
        print("KeyError args:", k.args, k.args[0] == key, str(k), repr(k))
try:
    d.pop((3, "x"))
except KeyError as k:
    print("pop:", k.args, str(k))

try:
    1 / 0
except ZeroDivisionError as z:
    tb = z.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next, type(tb.tb_frame).__name__, tb.tb_lasti > 0)
    print(sys.exc_info()[0] is ZeroDivisionError, sys.exc_info()[1] is z, sys.exc_info()[2] is tb)
    print(sys.exception() is z)
print(sys.exc_info(), sys.exception())
def deep():
    raise ValueError("deep")
try:
    deep()
except ValueError as v:
    t = v.__traceback__
    lines = []
    while t is not None:
        lines.append(t.tb_lineno)
        t = t.tb_next
    print("traceback lines:", lines)
    w = ValueError("w")
    print(w.with_traceback(v.__traceback__) is w, w.__traceback__ is v.__traceback__)
show("with_traceback(1)", lambda: ValueError().with_traceback(1))
x = ValueError()
show("__traceback__ = 5", lambda: setattr(x, "__traceback__", 5))
show("del __traceback__", lambda: delattr(x, "__traceback__"))

n = ValueError("noted")
print(hasattr(n, "__notes__"))
n.add_note("first")
n.add_note("second")
print(n.__notes__)
show("add_note(1)", lambda: n.add_note(1))
n.__notes__ = "not a list"
show("add_note on str notes", lambda: n.add_note("x"))

a = ValueError("a")
show("__cause__ = 1", lambda: setattr(a, "__cause__", 1))
show("__context__ = 'x'", lambda: setattr(a, "__context__", "x"))
a.__cause__ = KeyError("c")
print(repr(a.__cause__), a.__suppress_context__)
a.__cause__ = None
print(a.__cause__, a.__suppress_context__)
a.__suppress_context__ = False
a.__context__ = TypeError("t")
print(repr(a.__context__), a.__suppress_context__)
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise ValueError("outer") from None
except ValueError as v:
    print(repr(v.__context__), v.__cause__, v.__suppress_context__)
try:
    raise ValueError from KeyError
except ValueError as v:
    print(repr(v.__cause__), v.__suppress_context__)
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError:", t)

print(sys.getsizeof(ValueError()), sys.getsizeof(OSError()), sys.getsizeof(StopIteration()),
      sys.getsizeof(SyntaxError()), sys.getsizeof(ImportError()), sys.getsizeof(ExceptionGroup("g", [ValueError()])))
e = NameError("n", name="nm")
print(e.name, AttributeError("a", name="x", obj=3).obj)
try:
    undefined_name_here
except NameError as ne:
    print("NameError.name:", ne.name)
class C:
    pass
try:
    C().missing
except AttributeError as ae:
    print("AttributeError:", ae.name, type(ae.obj).__name__)
