import sys

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
print(c1.__closure__[0].cell_contents, c2.__closure__[0].cell_contents)
print(type(c1.__closure__[0]).__name__, len(c1.__closure__))
print(c1.__code__.co_freevars, make_counter.__code__.co_cellvars)
print(sys.getsizeof(c1.__closure__[0]))
def make_accumulator(start):
    total = [start]
    def add(n):
        total[0] += n
        return total[0]
    return add
acc = make_accumulator(10)
print(acc(5), acc(5))
