import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

C = dataclasses.make_dataclass("C", [("x", int), "z", ("y", int, field(default=5))])
print(C(1, z=3), C.__module__, [f.type for f in fields(C)])

@dataclass
class Rec:
    me: object = None
r = Rec()
r.me = r
print(r)

@dataclass
class WithInitVar:
    x: int
    scale: dataclasses.InitVar[int] = 2
    def __post_init__(self, scale):
        self.x *= scale
print(WithInitVar(3), WithInitVar(3, 10), [f.name for f in fields(WithInitVar)])
print(dataclasses.InitVar[int], dataclasses.MISSING.__class__.__name__)
