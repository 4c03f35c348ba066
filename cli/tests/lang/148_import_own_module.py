import sys

print("before import")
import mod_shapes
print("after import")
print(mod_shapes.area_circle(2), mod_shapes.Square(3).area())
print(mod_shapes.PI, mod_shapes.__name__, type(mod_shapes).__name__)
print("mod_shapes" in sys.modules, sys.modules["mod_shapes"] is mod_shapes)
import mod_shapes
import mod_shapes as shapes
print(shapes is mod_shapes)
print(mod_shapes._private_helper(), mod_shapes.__doc__)
print(__name__, sys.modules["__main__"].__name__)
