class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.count = 0

    def __call__(self, *args, **kwargs):
        self.count += 1
        return self.fn(*args, **kwargs)

@CountCalls
def hello(name):
    return "hello " + name

print(hello("a"), hello("b"), hello.count)
print(type(hello).__name__)
import dataclasses
@dataclasses.dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = dataclasses.field(default_factory=list)
i = Item("pen", 1.5)
print(i, i == Item("pen", 1.5), Item("x").tags is Item("y").tags)
@dataclasses.dataclass(frozen=True)
class P:
    x: int
try:
    P(1).x = 2
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
