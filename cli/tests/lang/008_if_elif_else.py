def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"

for n in (-5, 0, 7, 42, 1000):
    print(n, classify(n))
items = []
if items:
    print("has items")
else:
    print("empty")
if not items and len(items) == 0:
    print("really empty")
if 1:
    pass
x = 3
if x:
    if x > 2:
        print("nested", x)
