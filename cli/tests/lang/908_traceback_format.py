import sys
import traceback

def inner(d):
    return d["key"] + 1

def outer():
    return inner({})

try:
    outer()
except KeyError as e:
    print(traceback.format_exception(e))
    print(traceback.format_exception(type(e), e, e.__traceback__, limit=1))
    print(traceback.format_exception(e, limit=-1))
    print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))
    print(traceback.format_tb(e.__traceback__, limit=2))
    print(traceback.format_exc().splitlines()[-1], traceback.format_exc(limit=0))
    traceback.print_exc(file=sys.stdout)
    traceback.print_exception(e, file=sys.stdout, limit=2)
    traceback.print_tb(e.__traceback__, file=sys.stdout)
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(e.__traceback__)])
print(traceback.format_exc(), traceback.format_exception(None))
print(traceback.format_exception_only(None), traceback.format_exception_only(ValueError, None))
e = ValueError("not raised")
e.add_note("a note\nover two lines")
print(traceback.format_exception(e), traceback.format_exception_only(e))
class MyError(Exception):
    def __str__(self):
        raise RuntimeError("no")
print(traceback.format_exception_only(MyError()), traceback.format_exception_only(MyError, MyError("x")))
for bad in ((e, None), (3,)):
    try:
        traceback.format_exception(*bad)
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
try:
    traceback.print_last()
except ValueError as err:
    print(err)
