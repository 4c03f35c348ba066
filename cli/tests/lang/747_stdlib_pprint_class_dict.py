# pprint of a class's __dict__ (a memory lesson's "behind the scene"), addresses masked.
import sys
from pprint import pformat, pprint

def masked(text):
    out = []
    for piece in text.split(" at 0x"):
        if out:
            piece = "ADDR" + piece[piece.index(">"):]
        out.append(piece)
    return " at ".join(out)

class Point:
    __slots__ = ('x', 'y', 'z')
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z
print(masked(pformat(Point.__dict__)))
class Plain:
    def __init__(self, x):
        self.x = x
print(masked(pformat(Plain.__dict__)))
pprint(Plain(1).__dict__)
pprint(vars(Plain(list(range(40)))), width=60)
print(masked(pformat(Plain.__dict__, width=120)))
print(masked(pformat(dict(Plain.__dict__), sort_dicts=False, depth=1)))
print(masked(pformat([Point.__dict__["x"], Point.__dict__["__slots__"]] * 3)))
print(sys.getsizeof(Point(1, 2, 3)), hasattr(Point(1, 2, 3), "__dict__"))
