# Argument errors of _random.Random's methods and constructor, and of the random functions.
import random
import _random

r = _random.Random(0)
calls = [
    lambda: r.random(1),
    lambda: r.random(x=1),
    lambda: r.seed(1, 2),
    lambda: r.seed(n=3),
    lambda: r.getstate(1),
    lambda: r.setstate(),
    lambda: r.getrandbits(),
    lambda: _random.Random.random(1),
    lambda: _random.Random.seed('x', 1),
    lambda: _random.Random(1, 2, 3),
    lambda: random.randrange(0),
    lambda: random.randrange(1.5),
    lambda: random.randint(3, 1),
    lambda: random.choice([]),
    lambda: random.sample([1, 2], 3),
    lambda: random.sample({1, 2}, 1),
    lambda: random.choices([1, 2], [1], k=1),
    lambda: random.getrandbits(-1),
    lambda: random.seed(object()),
    lambda: random.Random({}),
]
for f in calls:
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0])
