# An uncaught error three calls deep: 3.12's traceback with caret lines.
def divide(a, b):
    return a / b

def middle(values):
    total = 0
    for v in values:
        total += divide(10, v)
    return total

def top():
    data = {"values": [1, 2, 0]}
    return middle(data["values"]) + 1

print("start")
top()
