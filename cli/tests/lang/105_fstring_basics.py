name = "World"
n = 42
pi = 3.14159265
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e}")
print(f"{n:5d}|{n:<5d}|{n:^5d}|{n:05d}|{n:+d}")
print(f"{n:x} {n:X} {n:o} {n:b} {n:#x} {n:#b}")
print(f"{1234567:,} {1234567:_} {0.25:%} {0.125:.1%}")
print(f"{'left':<8}|{'right':>8}|{'mid':*^9}|")
print(f"{{literal braces}} {n}")
items = ["a", "b"]
print(f"{len(items)} items: {', '.join(items)}")
print(f"{'quoted'}", f'{"double"}', f"""{n}""")
d = {"key": "value"}
print(f"{d['key']} {items[-1]} {n if n > 40 else 0}")
