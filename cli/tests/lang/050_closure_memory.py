import sys
import gc

def outer():
    big = [0] * 1000
    def inner():
        return len(big)
    return inner

f = outer()
cell = f.__closure__[0]
print(sys.getrefcount(cell.cell_contents))
print(sys.getsizeof(cell.cell_contents), f())
print(gc.is_tracked(f), gc.is_tracked(cell))
g = outer()
print(f.__closure__[0].cell_contents is g.__closure__[0].cell_contents)
data = cell.cell_contents
del f
print(sys.getrefcount(data))
def no_closure():
    return 1
print(no_closure.__closure__, sys.getsizeof(no_closure) == sys.getsizeof(g))
