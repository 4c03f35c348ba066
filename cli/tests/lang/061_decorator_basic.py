def shout(fn):
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs).upper()
    return wrapper

@shout
def greet(name):
    return f"hello {name}"

print(greet("ann"))
print(greet.__name__)
def trace(fn):
    def wrapper(*args):
        print(f"-> {fn.__name__}{args}")
        result = fn(*args)
        print(f"<- {result}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
@trace
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
fact(3)
