import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), Color.RED in Color, 1 in Color, 5 in Color)
print(Color.__members__)
print(type(Color), Color, Color.RED.name, Color.RED.value, type(Color.RED))
print(f"{Color.GREEN}", format(Color.GREEN, ">12"), Color.RED == 1, hash(Color.RED) == hash("RED"))
try: Color(7)
except ValueError as e: print("ValueError:", e)
try: Color['PINK']
except KeyError as e: print("KeyError:", e)
try: Color.RED = 5
except AttributeError as e: print(e)
try: del Color.RED
except AttributeError as e: print(e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO == 2, f"{Num.TWO:03d}", sorted([Num.TWO, Num.ONE]), isinstance(Num.ONE, int))
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [m.value for m in Auto])
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(Perm(0)), repr(Perm(0)), str(Perm(0)))
print(list(Perm), Perm.RW is rw, ~Perm.R, repr(~rw), Perm(7), Perm.R & Perm.W, Perm.R ^ rw)
print(Perm.__members__.keys())
class IP(IntFlag):
    A = 1
    B = 2
    C = 4
print(IP.A | IP.B, repr(IP.A | IP.B), IP.A | 8, repr(IP.A | 8), IP.A + 1, repr(~IP.A), IP(3))
class S(StrEnum):
    ALPHA = auto()
    BETA = "b"
print(S.ALPHA, repr(S.BETA), S.ALPHA == "alpha", S.BETA.upper(), f"{S.BETA}!")
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
        C = 2
        D = 2
except ValueError as e: print(e)
try:
    class More(Color):
        PINK = 9
except TypeError as e: print(e)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, round(Planet.EARTH.gravity, 2), Planet.MERCURY.mass)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, Animal.__module__)
Shape = Enum('Shape', [('SQ', 4), ('TRI', 3)])
print(repr(Shape.TRI), Shape(4))
class Status(Enum):
    ACTIVE = "active"
    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.value == value.lower():
                    return m
        return None
print(Status("ACTIVE"), list(reversed(Color)), isinstance(Color.RED, Color), enum.EnumMeta is enum.EnumType)
try: Enum.X = 1
except Exception as e: print(e)
d = {Color.RED: "r"}
print(d[Color.CRIMSON], Color.RED < Num.TWO if False else "skip", Num(2) is Num.TWO)
try:
    Perm(8)
except ValueError as e:
    print(e)
print(repr(IP(0)), IP(8), repr(IP(-1)))
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
