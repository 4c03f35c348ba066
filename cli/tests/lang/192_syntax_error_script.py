print("this script never runs")

def fine(x):
    return x * 2

def broken(x)
    return x

print(fine(1))
print(broken(1))
