def logged(fn):
    def wrapper(*args, **kwargs):
        print("calling", fn.__name__, args)
        return fn(*args, **kwargs)
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper

@logged
def invert(x):
    return 1 / x

print(invert(4), invert.__name__)
invert(0)
