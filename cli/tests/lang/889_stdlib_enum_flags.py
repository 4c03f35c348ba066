import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
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
    Perm(8)
except ValueError as e:
    print(e)
print(repr(IP(0)), IP(8), repr(IP(-1)))
