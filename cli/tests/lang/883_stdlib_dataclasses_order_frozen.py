import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False, repr=False)

vs = [Version(1, 2), Version(0, 9), Version(1, 0, "x")]
print(sorted(vs), Version(1) < Version(1, 1), Version(2) >= Version(1, 5))
print(hash(Version(1, 2)) == hash((1, 2)), Version(1, 0, "a") == Version(1, 0, "b"))
try:
    vs[0].major = 5
except dataclasses.FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del vs[0].minor
except AttributeError as e:
    print(e)
