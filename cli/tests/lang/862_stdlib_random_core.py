# _random.Random (the Mersenne Twister core) and _sha2.sha512, and a Random subclass
import _random
from _sha2 import sha512
r = _random.Random(12345)
print(r.random(), r.getrandbits(33), r.getrandbits(64), r.getrandbits(1))
st = r.getstate()
print(type(st).__name__, len(st), st[-1], st[:3])
x = r.random(); r.setstate(st); print(x == r.random())
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(r.setstate, [1])
t(r.setstate, (1,) * 10)
t(r.setstate, (1,) * 624 + (625,))
t(r.setstate, (-1,) + (1,) * 623 + (5,))
t(r.setstate, (2**64,) + (1,) * 623 + (5,))
t(r.getrandbits, 1.5)
t(_random.Random, 1, 2)
r.setstate((2**40 + 7,) + (1,) * 623 + (5,)); print(r.getstate()[0])
r.seed(); r.seed(None); r.seed(0); print(r.random())
print(sha512(b'abc').hexdigest()[:32], sha512().digest_size, sha512().block_size, sha512().name)
h = sha512(b'x' * 300); h2 = h.copy(); h2.update(b'y'); print(h.hexdigest()[:16], h2.hexdigest()[:16])
t(sha512, 'abc')
import random
class Dice(random.Random):
    def roll(self):
        return self.randint(1, 6)
d = Dice(2024)
print([d.roll() for _ in range(10)], isinstance(d, _random.Random))
r = _random.Random(3); r.getrandbits(8)
print([r.random() for _ in range(700)][310:314], r.getstate()[-1])
