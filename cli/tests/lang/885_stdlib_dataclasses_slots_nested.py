import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

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
