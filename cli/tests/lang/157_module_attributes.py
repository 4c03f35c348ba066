import sys
import gc
import mod_shapes

print(type(gc).__name__, gc.__name__)
print(mod_shapes.__name__, mod_shapes.__package__ == "")
print(__name__, __package__, __spec__)
print(sorted(k for k in vars(mod_shapes) if not k.startswith("__")))
print(callable(getattr(mod_shapes, "area_circle")))
mod_shapes.added = "patched in"
import mod_shapes as again
print(again.added)
print(dir(mod_shapes)[-3:])
print(sys.modules.get("not_loaded", "absent"))
g = globals()
print("mod_shapes" in g, g["__name__"])
