import sys
import gc

def squares(n):
    for i in range(n):
        yield i * i

print(sum(squares(10)), list(squares(4)), max(squares(5)))
print(list(zip(squares(3), "abc", squares(10))))
print(sorted(squares(4), reverse=True), min(squares(3)))
print(list(map(str, squares(3))), list(filter(None, squares(3))))
print(dict(zip("xy", squares(2))), set(squares(3)))
print(list(enumerate(squares(3))))
print("-".join(str(s) for s in squares(4)))
gc.collect()
before = gc.get_count()[0]
total = sum(x for x in range(1000))
print(total, gc.get_count()[0] - before)
gen = squares(3)
print(sys.getrefcount(gen))
it = iter(gen)
print(it is gen, sys.getrefcount(gen))
