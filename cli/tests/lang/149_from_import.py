from mod_shapes import area_circle, Square as Sq
from mod_shapes import PI

print(area_circle(1), Sq(2).area(), PI)
print(Sq.__name__, Sq.__module__, area_circle.__module__)
try:
    from mod_shapes import triangle
except ImportError as e:
    print("ImportError:", e.name, type(e).__name__)
from math import sqrt, pi as PI_MATH
print(sqrt(16), round(PI_MATH, 4))
from os import path
print(path.join("a", "b"), path.splitext("x.py"))
import os.path
print(os.path is path)
