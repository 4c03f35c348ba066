import functools
import sys

@functools.lru_cache(maxsize=3)
def square(n):
    print("computing", n)
    return n * n

for n in (1, 2, 1, 3, 4, 1, 2):
    square(n)
print(square.cache_info())
square.cache_clear()
print(square.cache_info())
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    memo[n] = n if n < 2 else fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90), len(memo), sys.getsizeof(memo))
