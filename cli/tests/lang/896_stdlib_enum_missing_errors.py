import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    CRIMSON = 1
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
d = {Color.RED: "r"}
print(d[Color.CRIMSON], Color.RED is Color(1))
try:
    class Bad(Enum):
        A = 1
        A = 2
except TypeError as e: print(e)
