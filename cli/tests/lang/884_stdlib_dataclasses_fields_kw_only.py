import dataclasses
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass

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
