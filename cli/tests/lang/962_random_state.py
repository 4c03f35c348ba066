# getstate/setstate round trips (random.Random's 3-tuple, _random.Random's 625-tuple) and errors.
import random
import _random

r = random.Random(99)
state = r.getstate()
print(len(state), state[0], len(state[1]), state[1][:3], state[1][-1], state[2])
a = [r.random() for _ in range(700)]
r.setstate(state)
print(a == [r.random() for _ in range(700)])
r.gauss()
s = r.getstate()
print(s[2] is not None, r.gauss() == (r.setstate(s), r.gauss())[1])

g = _random.Random(5)
st = g.getstate()
print(type(st).__name__, len(st), st[-1], max(st[:-1]) < 2**32)
g.random()
print(g.getstate()[-1])
g.setstate(st[:-1] + (624,))
print(g.getstate()[-1], g.random())
g.setstate((2**32 + 7,) + st[1:-1] + (0,))
print(g.getstate()[0], g.getstate()[-1], g.random())
bad_states = [st[:-1] + ('x',), ('x',) + st[1:], (-1,) + st[1:], (2**64,) + st[1:],
              st[:-1] + (625,), st[:-1] + (-1,), st[:-1] + (2**70,), (1.5,) + st[1:],
              list(st), st[:-1], st + (0,), None]
for bad in bad_states:
    try:
        g.setstate(bad)
        print('accepted')
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
try:
    random.Random().setstate((9, (), None))
except ValueError as e:
    print('ValueError', e)
