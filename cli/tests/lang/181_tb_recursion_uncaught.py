import sys

def countdown(n):
    return countdown(n - 1)

def shallow(n):
    return 0 if n == 0 else shallow(n - 1)

print(shallow(500), sys.getrecursionlimit())
print("recursing without a base case")
countdown(10)
