def first[T](items: list[T]) -> T:
    return items[0]

class Box[T]:
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item

def pair[K, V](k: K, v: V) -> tuple[K, V]:
    return (k, v)

print(first([3, 2, 1]), first("abc"))
b = Box(42)
print(b.get(), Box.__type_params__, first.__type_params__)
print(pair("a", 1), [p.__name__ for p in pair.__type_params__])
class Bounded[N: (int, float)]:
    pass
print(Bounded.__type_params__[0].__constraints__)
print(Box[int], Box[int]("x").get())
