def sub():
    try:
        yield "sub 1"
        yield "sub 2"
    except KeyError:
        yield "sub handled KeyError"
    finally:
        print("sub finally")

def main():
    yield from sub()
    yield "main end"

g = main()
print(next(g))
print(g.throw(KeyError("x")))
print(next(g))
print(next(g, "exhausted"))
g2 = main()
next(g2)
g2.close()
print("g2 closed")
g3 = main()
next(g3)
try:
    g3.throw(ValueError("v"))
except ValueError as e:
    print("ValueError passed through:", e)
