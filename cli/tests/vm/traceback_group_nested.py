# A printed group: more than 15 members, a cause, notes, and more than 10 levels of nesting.
def f():
    raise ExceptionGroup("deep", [ValueError(i) for i in range(17)])
def g():
    try:
        f()
    except ExceptionGroup as e:
        raise ExceptionGroup("wrap", [e, TypeError("t")]) from KeyError("cause")
try:
    g()
except BaseException as e:
    e.add_note("note one\nsecond line")
    x = e
    for i in range(12):
        x = ExceptionGroup(f"lvl{i}", [x])
    raise x
