def pos(a, b, /, c, *, d):
    return (a, b, c, d)

print(pos(1, 2, 3, d=4))
print(pos(1, 2, c=3, d=4))
try:
    pos(1, b=2, c=3, d=4)
except TypeError as e:
    print("TypeError:", e)
def name_clash(name, /, **kw):
    return name, kw
print(name_clash("x", name="y"))
def dflt(a, b=2, /, c=3):
    return a + b + c
print(dflt(1), dflt(1, 10), dflt(1, c=100))
print(pos.__code__.co_posonlyargcount)
try:
    len(obj=[1])
except TypeError as e:
    print("TypeError:", e)
