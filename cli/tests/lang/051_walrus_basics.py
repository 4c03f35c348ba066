data = [1, 5, 12, 7, 30, 2]
if (n := len(data)) > 5:
    print(f"list too long ({n} elements)")
print(n)
values = [y for x in data if (y := x * 2) > 10]
print(values, y)
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)
print((a := 10) + a)
def f(x):
    return x * x
results = [r for v in range(5) if (r := f(v)) % 2 == 0]
print(results)
print(any((found := v) > 3 for v in range(10)), found)
