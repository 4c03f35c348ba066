# __traceback__: a chain of tb objects outermost first (tb_next, tb_lineno, tb_frame),
# with_traceback() replacing it and returning the exception, and its checks.
class Deep(Exception):
    pass


def inner():
    raise Deep("down here")


def outer():
    inner()


try:
    outer()
except Deep as d:
    tb = d.__traceback__
    lines = []
    while tb is not None:
        lines.append((tb.tb_lineno, tb.tb_frame.f_code.co_name))
        tb = tb.tb_next
    print(lines)
    saved = d.__traceback__
e = Deep("again")
print(e.__traceback__, e.with_traceback(saved) is e, e.__traceback__ is saved)
print(e.with_traceback(None).__traceback__)
for bad in (1, "tb"):
    try:
        e.with_traceback(bad)
    except TypeError as t:
        print(t)
try:
    e.__traceback__ = 3
except TypeError as t:
    print(t)
try:
    raise Deep("fresh").with_traceback(saved)
except Deep as d:
    print(d.__traceback__.tb_next is saved, d.__traceback__.tb_lineno)
