# __init__ on built-in subclasses, subclasses of subclasses, and their instances.
import sys

class Word(str):
    def __init__(self, text):
        self.length = len(text)


class LoudWord(Word):
    pass

class Counter(dict):
    def __init__(self, items=()):
        for item in items: self[item] = self.get(item, 0) + 1


class Vec(tuple):
    def __init__(self, items):
        self.norm = sum(x * x for x in items)

class Meters(float):
    pass

class Km(Meters):
    __slots__ = ()


w = LoudWord("hello")
print(w, w.length, type(w).__name__, isinstance(w, Word), isinstance(w, str), w.upper(), sys.getsizeof(w))
c = Counter("abracadabra")
print(c, type(c).__name__, c["a"], len(c), sorted(c.items())[:2])
v = Vec([3, 4])
print(v, v.norm, v[0] + v[1], sys.getsizeof(v))
k = Km(2.5)
print(k, type(k).__name__, k * 2, isinstance(k, Meters), sys.getsizeof(k), Km.__basicsize__, Km.__dictoffset__)
for attempt in ("Word()", "Word('a', 'b')", "Counter(1)", "Vec([1], 2)", "k.x = 1"):
    try:
        exec(attempt)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
