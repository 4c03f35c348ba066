def sub():
    try:
        yield 1
        yield 2
    except KeyError:
        return "sub returned"
    finally:
        print("sub finally")

def main():
    r = yield from sub()
    print("got", r)
    yield "after"

g = main()
print(next(g))
print(g.throw(KeyError))
print(next(g, "done"))

def deep(n):
    if n == 0:
        try:
            yield "bottom"
        except ValueError as e:
            yield f"caught {e} at bottom"
    else:
        yield from deep(n - 1)

g = deep(5)
print(next(g))
print(g.throw(ValueError("v")))
try:
    g.throw(TypeError("t"))
except TypeError as e:
    print("TypeError out:", e)
print(next(g, "exhausted"))
