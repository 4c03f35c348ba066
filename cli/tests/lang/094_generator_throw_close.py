def worker():
    try:
        while True:
            try:
                yield "working"
            except ValueError as e:
                print("handled", e)
                yield "recovered"
    finally:
        print("cleanup")

w = worker()
print(next(w))
print(w.throw(ValueError("bad")))
print(next(w))
w.close()
print("closed")
try:
    next(w)
except StopIteration:
    print("closed generator raises StopIteration")
def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
