from mod_shapes import area_circle, Square as Sq
from mod_shapes import PI

print(area_circle(1), Sq(2).area(), PI)
print(Sq.__name__, Sq.__module__, area_circle.__module__)
try:
    from mod_shapes import triangle
except ImportError as e:
    print("ImportError:", e.name, type(e).__name__)
from mod_pkg.helpers import shout, whisper as quiet
print(shout("a"), quiet("B"))
from mod_pkg import helpers
import mod_pkg.helpers
print(mod_pkg.helpers is helpers)
from sys import getsizeof as size
print(size([]), size.__name__)
