# add_note() and __notes__: created on the first note, a list that can be replaced or deleted,
# with CPython's checks; notes on user exception classes.
class Report(Exception):
    def __init__(self, what):
        Exception.__init__(self, what)
        self.add_note(f"made for {what}")


r = Report("disk")
print(r.__notes__, r.args)
r.add_note("second")
print(r.__notes__, type(r.__notes__).__name__)
e = ValueError("v")
print(hasattr(e, "__notes__"), "__notes__" in e.__dict__)
e.add_note("one")
print(e.__notes__, e.__dict__)
for bad in (1, None, b"x"):
    try:
        e.add_note(bad)
    except TypeError as t:
        print(t)
e.__notes__ = ("t",)
try:
    e.add_note("x")
except TypeError as t:
    print(t)
del e.__notes__
e.add_note("again")
print(e.__notes__)
try:
    raise Report("net")
except Report as x:
    x.add_note("while sending")
    print(x.__notes__, str(x))
