# Classes on random.Random and _random.Random: their own random(), integers drawn from
# random() alone when getrandbits is not overridden, __init__ rules, super() calls.
import random
import _random

class Half(random.Random):
    def random(self):
        return super().random() / 2
h = Half(3)
print(h.random(), h.randint(1, 100), h.choice('abcdef'), h.randrange(0, 10**9, 7))
xs = list(range(10)); h.shuffle(xs); print(xs, h.sample(range(100), 4), h.uniform(0, 10))
class Bits(random.Random):
    def getrandbits(self, k):
        return super().getrandbits(k) ^ 1 if k else 0
print(Half._randbelow is random.Random._randbelow_without_getrandbits,
      Bits._randbelow is random.Random._randbelow_with_getrandbits, Bits(3).randint(1, 100))
class Count(_random.Random):
    def __init__(self, a, b=0):
        super().__init__(a + b)
        self.calls = 0
    def random(self):
        self.calls += 1
        return _random.Random.random(self)
c = Count(1, b=2)
print(c.random(), c.calls, c.__dict__, c.getrandbits(12), isinstance(c, _random.Random))
class Plain(_random.Random):
    pass
print(Plain(5).random() == _random.Random(5).random(), Plain().random() < 1.0)
for make in [lambda: Plain(x=1), lambda: _random.Random(x=1), lambda: Plain(1, 2)]:
    try:
        make()
    except TypeError as e:
        print('TypeError', e)
class Quiet(_random.Random):
    def __init__(self, *args, **kwargs):
        pass
class Kw(_random.Random):
    def __init__(self, seed, **kw):
        super().__init__(seed, **kw)
print(Quiet(5, x=1).random(), Quiet().getstate()[:3], Kw(4, e=1).random() == Plain(4).random())
