import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1, 2)
print(p, repr(Point(3)), p == Point(1, 2), p != Point(1, 3), p == (1, 2))
print(Point.__doc__, Point.__match_args__, Point.__hash__)
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__name__)
print(Point.__init__.__annotations__)
print(Point.__dataclass_params__)
print([f.name for f in fields(Point)], [f.type for f in fields(p)])
print(asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(3))
f0 = fields(Point)[0]
print(f0.name, f0.type, f0.init, f0.repr, f0.hash, f0.compare, f0.metadata, f0.kw_only)
