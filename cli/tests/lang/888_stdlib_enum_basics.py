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
