# _random.Random as a type: its dict, descriptors, docs, dir(), the module, unbound calls.
import _random
import random

T = _random.Random
print(list(T.__dict__), [type(v).__name__ for v in T.__dict__.values()])
print(T.__doc__)
print(_random.__doc__, T.__module__, T.__name__, T.__qualname__, T.__mro__)
print(repr(T.random), repr(T.__dict__['seed']), type(T.__init__).__name__)
print(dir(T(1)))
print(random.Random.__mro__, random.Random.__base__ is T, random.Random.__module__)
r = T(5)
print(T.random(r), T.__dict__['getrandbits'](r, 9), T.seed(r, 5), r.random())
print(type(r.random).__name__, repr(r.random)[:36], r.random.__self__ is r)
print(repr(r)[:29], type(r) is T, r == r, r != T(5), hash(r) == hash(r))
g = random.Random(5)
T.__init__(g, 7)
print(g.random() == T(7).random())
print(T.__new__(T).getstate()[:3], T.__new__(T).random(), T.__new__(random.Random).random())
try:
    T.__new__(int)
except TypeError as e:
    print('TypeError', e)
print(callable(T), issubclass(random.SystemRandom, T), isinstance(random.SystemRandom(), T))
