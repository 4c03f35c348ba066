# random.seed and _random.Random with ints of every size: the absolute value's 32-bit words.
import random
import _random

seeds = [0, 1, -1, 7, 2**31 - 1, 2**32 - 1, 2**32, -(2**32), 2**64 + 5, 2**100, -(2**200) + 3,
         10**50, True, False]
for s in seeds:
    random.seed(s)
    a = [random.random() for _ in range(3)]
    r = _random.Random(s)
    b = [r.random() for _ in range(3)]
    print(s if s.bit_length() < 70 else s.bit_length(), a, a == b)

# An int subclass seeds by its value (int.__abs__, never the subclass's own __abs__).
class Weird(int):
    def __abs__(self):
        return 12345

print(_random.Random(Weird(-9)).random() == _random.Random(9).random())
# Seeding again restarts the sequence; a long run crosses several twists.
r = _random.Random(2024)
first = [r.random() for _ in range(1500)]
r.seed(2024)
print(first == [r.random() for _ in range(1500)], first[623], first[624], first[-1])
# Floats seed by their hash.
for f in [0.5, -2.25, 1e300, float(2**40)]:
    print(f, _random.Random(f).random(), _random.Random(hash(f)).random())
