# Copies of generators (random.Random.__reduce__), and SystemRandom over os.urandom.
import copy
import random

r = random.Random(11)
r.random()
c = copy.copy(r)
d = copy.deepcopy(r)
print(type(c).__name__, c.random() == r.random() == d.random(), c is not r)
print(r.__reduce__()[0] is random.Random, r.__reduce__()[1], len(r.__reduce__()[2]))
class Mine(random.Random):
    pass
m = copy.copy(Mine(3))
print(type(m).__name__, m.random() == Mine(3).random())
s = random.SystemRandom()
print(0.0 <= s.random() < 1.0, 0 <= s.getrandbits(70) < 2**70, len(s.randbytes(7)))
print(s.randint(5, 5), s.choice([9]), s.seed(1), s.getrandbits(0))
for f in [s.getstate, lambda: s.setstate(None)]:
    try:
        f()
    except NotImplementedError as e:
        print('NotImplementedError', e)
try:
    s.getrandbits(-1)
except ValueError as e:
    print('ValueError', e)
print(sorted(random.__all__))
