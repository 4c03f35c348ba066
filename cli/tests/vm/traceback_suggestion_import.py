# A NameError for a standard-library module's name, with a close global as well.
mathh = 1

def f():
    return math

f()
