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

@dataclass
class Inventory:
    items: list = field(default_factory=list)
    counts: dict = field(default_factory=dict, repr=False)
    total: int = field(init=False, default=0)

    def __post_init__(self):
        self.total = len(self.items)

a, b = Inventory(), Inventory([1, 2])
print(a, b, a.items is not Inventory().items, b.total)
print(Inventory.__doc__)

@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int

print(Opts(level=3), Opts.__match_args__)
try:
    Opts(1)
except TypeError as e:
    print(e)

@dataclass
class Mixed:
    a: int
    _: dataclasses.KW_ONLY
    b: int = 2
    c: int = 3

print(Mixed(1, c=5), Mixed.__match_args__, Mixed.__doc__)

@dataclass(slots=True)
class Slotted:
    x: int
    y: float = 1.5

s = Slotted(1)
print(s, Slotted.__slots__, hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError")

@dataclass
class Node:
    value: int
    children: list = field(default_factory=list)

tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(tree))
print(astuple(tree))

@dataclass
class Base:
    a: int = 1

@dataclass
class Child(Base):
    b: int = 2

print(Child(), Child(5, 6), [f.name for f in fields(Child)])

@dataclass(eq=False)
class Plain:
    v: int
print(Plain(1) == Plain(1), Plain.__hash__ is object.__hash__)

@dataclass(unsafe_hash=True)
class Hashy:
    v: int
print(hash(Hashy(5)) == hash((5,)))

for bad in ("mutable", "order", "nondefault", "notdc", "both", "replace_init"):
    try:
        if bad == "mutable":
            @dataclass
            class M:
                x: list = []
        elif bad == "order":
            @dataclass(order=True, eq=False)
            class O:
                x: int
        elif bad == "nondefault":
            @dataclass
            class N:
                x: int = 1
                y: int
        elif bad == "notdc":
            fields(3)
        elif bad == "both":
            field(default=1, default_factory=list)
        else:
            replace(b, total=3)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

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
f0 = fields(Point)[0]
print(f0.name, f0.type, f0.init, f0.repr, f0.hash, f0.compare, f0.metadata, f0.kw_only)
