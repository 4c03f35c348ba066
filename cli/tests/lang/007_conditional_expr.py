for n in range(-2, 3):
    kind = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, kind)
x = [] if False else [1]
print(x)
def f(flag):
    return (lambda: "yes") if flag else (lambda: "no")
print(f(True)(), f(False)())
values = [a if a % 2 else -a for a in range(6)]
print(values)
print("even" if len(values) % 2 == 0 else "odd")
