print("before class")

class Config:
    print("class body runs at definition")
    debug = False
    values = [1, 2, 3]
    total = sum(values)

    def method(self):
        return self.total

    if debug:
        extra = "debug on"
    else:
        extra = "debug off"

print("after class")
print(Config.total, Config.extra, Config().method())
print(sorted(k for k in Config.__dict__ if not k.startswith("__")))
def make_class(base_value):
    class Local:
        value = base_value
    return Local
A, B = make_class(1), make_class(2)
print(A.value, B.value, A is B, A.__qualname__)
Dynamic = type("Dynamic", (), {"x": 42, "hi": lambda self: "hi"})
print(Dynamic().x, Dynamic().hi(), Dynamic.__name__)
