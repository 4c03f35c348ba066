d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
l = [10, 20, 30, 40, 50]
del l[0]
print(l)
del l[-1]
print(l)
try:
    del l[10]
except IndexError as e:
    print("IndexError:", e)
nested = {"x": [1, 2, {"y": 3}]}
del nested["x"][2]["y"]
print(nested)
class Obj:
    pass
o = Obj()
o.a, o.b = 1, 2
del o.a
print(vars(o))
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
