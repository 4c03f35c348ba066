# random: the other distributions (gamma, beta, von Mises, binomial), seeded, and their errors
import random
random.seed(12345)
for a in [0.3, 1.0, 2.5, 40.0]:
    print(a, random.gammavariate(a, 2.0))
print(random.betavariate(2, 5), random.betavariate(0.5, 0.5))
print(random.vonmisesvariate(1.0, 0.0), random.vonmisesvariate(1.0, 4.0), random.vonmisesvariate(-2, 50))
print(random.binomialvariate(), random.binomialvariate(1, 0.3), random.binomialvariate(20, 0.3))
print(random.binomialvariate(1000, 0.4), random.binomialvariate(1000, 0.9), random.binomialvariate(5, 0.0))
print(random.binomialvariate(5, 1.0), random.binomialvariate(0, 0.5), random.binomialvariate(10**6, 1e-9))
r = random.Random(99)
print([r.binomialvariate(100, 0.25) for _ in range(5)])
print([round(r.gammavariate(0.9, 1.0), 12) for _ in range(3)])
def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)
t(random.gammavariate, 0, 1)
t(random.gammavariate, 1, -1)
t(random.binomialvariate, -1, 0.5)
t(random.binomialvariate, 5, 1.5)
t(random.binomialvariate, 5, -0.1)
t(random.betavariate, 0, 1)
print(sorted(n for n in random.__all__ if n.endswith('variate')))
