# The module-level functions of random after seeds: CPython's sequences bit for bit.
import random

for seed in [1, 42, -7, 2**70]:
    random.seed(seed)
    print(seed, random.random(), random.randint(1, 6), random.choice('abcdefg'),
          random.randrange(0, 100, 5), random.uniform(-1, 1))
    xs = list(range(12))
    random.shuffle(xs)
    print(xs, random.sample(range(1000), 5), random.choices('abc', k=5),
          random.choices('abc', weights=[5, 1, 1], k=4))
    print(random.gauss(0, 1), random.normalvariate(10, 2), random.triangular(0, 10, 3),
          random.expovariate(2.0), random.getrandbits(70))
    print(random.betavariate(2, 3), random.gammavariate(2.5, 1.0), random.lognormvariate(0, 1),
          random.vonmisesvariate(1, 2), random.paretovariate(3), random.weibullvariate(1, 2))
    print(random.binomialvariate(20, 0.3), random.binomialvariate(500, 0.6),
          random.randbytes(6))
# Many calls in a row stay in step (twists included).
random.seed(5)
total = 0.0
for _ in range(20000):
    total += random.random()
print(total, random.getstate()[1][-1])
