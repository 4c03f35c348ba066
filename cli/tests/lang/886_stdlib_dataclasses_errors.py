import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
@dataclass
class Point:
    total: int = field(init=False, default=0)

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
            replace(Point(), total=3)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
