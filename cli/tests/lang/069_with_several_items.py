class R:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("open", self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print("close", self.name)

with R("a") as a, R("b") as b:
    print("using", a, b)
with (
    R("x") as x,
    R("y"),
    R("z") as z,
):
    print("parenthesized", x, z)
with R("outer") as o:
    with R("inner") as i:
        print(o, i)
