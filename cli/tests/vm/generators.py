# Generators: yield, send, throw, close, yield from, generator expressions.
import sys

def countdown(n):
    while n > 0:
        got = yield n
        if got is not None:
            n = got
        n -= 1
    return "done"

g = countdown(5)
print(next(g), next(g), g.send(10), next(g))
print(list(countdown(3)))

def echo():
    try:
        while True:
            try:
                x = yield
                print("echo", x)
            except ValueError as e:
                print("handled", e)
    finally:
        print("closing")

e = echo()
next(e)
e.send(1)
e.throw(ValueError("bad"))
e.send(2)
e.close()

def inner():
    yield 1
    yield 2
    return "inner result"

def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3

print(list(outer()))
squares = (x * x for x in range(1000))
print(sys.getsizeof(squares), sum(squares))
print(sum(x for x in range(10) if x % 2))

def stops():
    yield 1
    raise StopIteration

try:
    list(stops())
except RuntimeError as err:
    print("RuntimeError:", err)

g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as s:
    print("StopIteration", s.args)
