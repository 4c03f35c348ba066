import functools

def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return fn(*args, **kwargs)
    wrapper.calls = 0
    return wrapper

@logged
def square(x):
    "Square a number."
    return x * x

print(square(3), square(4), square.calls)
print(square.__name__, square.__doc__, square.__wrapped__(5))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@functools.cache
def slow_double(n):
    print("computing", n)
    return n * 2
print(slow_double(4), slow_double(4))
