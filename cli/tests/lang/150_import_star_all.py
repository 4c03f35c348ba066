from mod_shapes import *

print(area_circle(1))
print(Square(4).area())
try:
    print(PI)
except NameError as e:
    print("NameError:", e)
try:
    _private_helper()
except NameError as e:
    print("NameError:", e)
import mod_shapes
print(mod_shapes.__all__)
from mod_pkg.helpers import *
print(shout("star"), whisper("STAR"))
