def sub():
    try:
        yield 1
        yield 2
    finally:
        print("sub finally")
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        return self.n
def over_it():
    yield from It()
g = over_it()
print(next(g), next(g))
try:
    g.throw(IndexError("i"))
except IndexError as e:
    print("IndexError:", e)
def closer():
    try:
        yield from sub()
    finally:
        print("closer finally")
g = closer()
next(g)
g.close()
print("closed")
g = closer()
print(g.close())
