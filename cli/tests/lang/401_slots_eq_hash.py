# __eq__ and __hash__: equality, hashing, dict and set membership, __hash__ = None.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, other):
        print("eq", self.k, getattr(other, "k", other))
        if not isinstance(other, Key):
            return NotImplemented
        return self.k == other.k
    def __hash__(self):
        return hash(self.k)

a, b, c = Key(1), Key(1), Key(2)
print(a == b, a != b, a == c, a != c, a == 1, 1 == a, a != "x")
d = {a: "first"}
d[b] = "second"
print(len(d), d[Key(1)], Key(2) in d, a in {b}, [a, c].index(Key(2)))
print(hash(a) == hash(1), hash(Key(-1)), hash(Key(2**62)) == 2**62)

class EqOnly:
    def __eq__(self, other):
        return True
print(EqOnly.__hash__, EqOnly() == 3, EqOnly() != 3)
for f in (lambda: hash(EqOnly()), lambda: {EqOnly()}, lambda: {EqOnly(): 1}):
    try: f()
    except TypeError as e: print("TypeError:", e)

class Child(EqOnly):
    __hash__ = lambda self: 7
print(hash(Child()), Child.__hash__(Child()))

class H:
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
print(hash(H(2**100)) == hash(2**100), hash(H(-1)), hash(H(True)))
try: hash(H("nope"))
except TypeError as e: print("TypeError:", e)
