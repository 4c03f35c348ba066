x = "global x"

def outer():
    x = "outer x"
    def use_global():
        global x
        x = "changed by global"
    def use_nonlocal():
        nonlocal x
        x = "changed by nonlocal"
    use_global()
    print("after global:", x)
    use_nonlocal()
    print("after nonlocal:", x)

outer()
print("module x:", x)
class C:
    y = 1
    def method(self):
        global y
        y = "set from method"
        return C.y
print(C().method(), y)
def gen_counter():
    n = 0
    def step():
        nonlocal n
        n += 1
        yield n
    return step
s = gen_counter()
print(next(s()), next(s()), next(s()))
