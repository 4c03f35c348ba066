x = 10
name = "pyrt"
print(f"{x=}")
print(f"{x = }")
print(f"{x * 2 = }")
print(f"{name=!s} {name=}")
print(f"{name!r} {name!s} {name!a}")
print(f"{'café'!a}")
print(f"{x=:>5}")
print(f"{x = :#06x}")
items = [1, 2]
print(f"{items=} {len(items)=}")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
p = P()
print(f"{p} {p!r} {p=}")
