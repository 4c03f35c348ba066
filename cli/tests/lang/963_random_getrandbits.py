# getrandbits(k) for k of 0, 1, 31, 32, 33, 64, 1000 bits, and its argument errors.
import random
import _random

r = _random.Random(12345)
for k in [0, 1, 2, 31, 32, 33, 63, 64, 65, 100, 1000]:
    v = r.getrandbits(k)
    print(k, v.bit_length() <= k, v if k <= 100 else (v % 10**20, v.bit_length()))
random.seed(8)
print([random.getrandbits(k) for k in (3, 8, 16, 32)], random.getrandbits(True))
print(random.randbytes(10), random.Random(3).randbytes(5))
class Idx:
    def __index__(self):
        return 20
print(_random.Random(1).getrandbits(Idx()))
for k in [-1, -2**40, 2**31, 2**40, 1.5, '8', None]:
    try:
        print(r.getrandbits(k))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for args in [(), (1, 2)]:
    try:
        r.getrandbits(*args)
    except TypeError as e:
        print('TypeError', e)
try:
    r.getrandbits(k=3)
except TypeError as e:
    print('TypeError', e)
