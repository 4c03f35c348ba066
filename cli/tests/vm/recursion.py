# Runaway recursion: RecursionError at the limit, caught, then uncaught.
import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print("caught:", e)
print(sys.getrecursionlimit())
down(0)
