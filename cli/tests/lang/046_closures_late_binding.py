def make_multipliers():
    return [lambda x: x * i for i in range(4)]

print([m(2) for m in make_multipliers()])
def make_multipliers_fixed():
    return [lambda x, i=i: x * i for i in range(4)]
print([m(2) for m in make_multipliers_fixed()])
funcs = []
for i in range(3):
    def f():
        return i
    funcs.append(f)
print([f() for f in funcs])
i = 100
print([f() for f in funcs])
def factory():
    fs = []
    for j in range(3):
        fs.append(lambda: j)
    j = "changed"
    return fs
print([f() for f in factory()])
