"""Shapes, a helper module for the import scripts of the corpus."""

print("mod_shapes imported, __name__ =", __name__)

PI = 3.14159
__all__ = ["area_circle", "Square"]

def area_circle(r):
    return PI * r * r

class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

def _private_helper():
    return "private"
