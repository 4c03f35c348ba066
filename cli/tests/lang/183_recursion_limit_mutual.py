import sys

def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

print(is_even(10), is_odd(7), is_even(900))
try:
    is_even(5000)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(100)
print(sys.getrecursionlimit())
try:
    is_odd(200)
except RecursionError:
    print("limit 100 hit")
is_even(1000)
