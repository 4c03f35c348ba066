# Attribute errors of type objects: a missing class attribute, deleting one, setting one on a
# built-in type.
class C: pass
class D(C): pass
D.x = 1
print(D.x)
del D.x
try:
    del D.x
except AttributeError as e: print(e)
try:
    D.y
except AttributeError as e: print(e)
try:
    setattr(int, "q", 1)
except TypeError as e: print(e)
class C: pass
try:
    C.x
except AttributeError as e: print(e)
try:
    int.x
except AttributeError as e: print(e)
print(ValueError.x)
