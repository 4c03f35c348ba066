"""A helper whose function raises, for tracebacks through modules."""

def divide(a, b):
    return a / b

def lookup(d, k):
    return d[k]
