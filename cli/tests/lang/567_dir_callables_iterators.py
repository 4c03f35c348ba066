# dir() of functions, generators, iterators, views, bound methods and descriptors: the
# names along each built-in type's MRO, sorted.
def greet(name):
    """Say hello."""
    return f"hello {name}"


def countdown(n):
    while n:
        yield n
        n -= 1


class Box:
    @property
    def size(self):
        return 1

    @staticmethod
    def make():
        return Box()


greet.tag = "mine"
things = [greet, lambda: 0, countdown(3), iter([]), iter(()), iter("ab"), iter(range(2)),
          reversed([1]), {}.keys(), {}.items(), {}.values(), iter({}), len, [].append,
          Box.make, Box.size, Box().size, print, (1).__add__, int.__add__, slice(1),
          zip(), map(len, []), enumerate([]), filter(None, []), NotImplemented, ...]
for t in things:
    names = dir(t)
    print(type(t).__name__, len(names), [n for n in names if not n.startswith("__")])
print(dir(greet))
print(dir(countdown(1)))
