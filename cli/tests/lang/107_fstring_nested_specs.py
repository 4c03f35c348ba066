value = 3.14159
width = 10
precision = 3
print(f"{value:{width}.{precision}f}|")
print(f"{value:>{width}}|")
for w in (4, 6, 8):
    print(f"[{w:{w}}]")
fill, align = "*", "^"
print(f"{'hi':{fill}{align}{width}}")
print(f"{12345:{','}}")
table = [("apple", 1.5), ("kiwi", 12.25)]
col = max(len(n) for n, _ in table)
for n, price in table:
    print(f"{n:<{col}} {price:>{width}.{2}f}")
print(f"{f'{value:.1f}':>8}")
print(f"{'nested ' + f'{1 + 1}'}")
print(f"{3.5:{'>'}{8}.{1}e}")
