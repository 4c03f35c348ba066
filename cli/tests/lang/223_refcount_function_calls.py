import sys

data = [1, 2, 3]
print("module level:", sys.getrefcount(data))
def one_level(x):
    return sys.getrefcount(x)
def two_levels(x):
    return one_level(x)
print("one call:", one_level(data))
print("two calls:", two_levels(data))
def keeps(x):
    keeps.saved = x
keeps(data)
print("after keeps:", sys.getrefcount(data))
del keeps.saved
print("after del:", sys.getrefcount(data))
def with_default(x=data):
    return sys.getrefcount(x)
print("default:", with_default(), sys.getrefcount(data))
lam = lambda: data
print("lambda global ref:", sys.getrefcount(data))
gen = (v for v in data)
print("genexp:", sys.getrefcount(data))
