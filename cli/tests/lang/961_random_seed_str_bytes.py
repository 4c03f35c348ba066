# random.seed of str, bytes and bytearray (version 2: sha512 of the bytes appended), version 1,
# and _random.Random seeded by hashes.
import random
import _random

for a in ['', 'a', 'hello', 'héllo wörld', '€' * 40, b'', b'abc', bytes(range(256)),
          bytearray(b'xyz')]:
    random.seed(a)
    print(repr(a)[:30], random.random(), random.getrandbits(40), random.randint(1, 10**6))
for a in ['', 'spam', b'spam', 'ẞ' * 3]:
    random.seed(a, version=1)
    print(repr(a), random.random())
random.seed(b'spam')
x = random.random()
random.seed('spam')
print(x == random.random())
# Other hashable objects seed _random.Random by their hash.
print(_random.Random((1, 2)).random() == _random.Random(hash((1, 2))).random())
print(_random.Random(None).random() != _random.Random(None).random())
random.seed(None)
random.seed()
print(0.0 <= random.random() < 1.0)
try:
    random.seed([1, 2])
except TypeError as e:
    print('TypeError', e)
try:
    _random.Random([1, 2])
except TypeError as e:
    print('TypeError', e)
