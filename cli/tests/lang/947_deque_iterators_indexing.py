# deque iterators (both directions, across blocks) and indexing of long deques against a
# list doing the same.
from collections import deque
d = deque(range(200))
it = iter(d)
print(type(it).__name__, next(it), next(it))
print(sum(it), list(it), iter(it) is it)
rit = reversed(d)
print(type(rit).__name__, next(rit), next(rit), sum(rit), list(rit))
print(list(reversed(deque())), list(iter(deque())), list(reversed(deque([1]))))
for start in [0, 1, 63, 64, 100]:
    e = deque(range(start)); e.extendleft(range(-1, -70, -1))
    assert list(e) == list(reversed(list(reversed(e))))
    print(start, len(e), e[0], e[-1], e[len(e) // 2], sum(1 for _ in e))
model = list(range(150))
d = deque(model)
for i in range(0, 150, 7):
    d[i] = -i; model[i] = -i
    d[-i - 1] = i * 2; model[-i - 1] = i * 2
print(list(d) == model, d[0], d[75], d[-75])
for i in [0, 140, 70, 64, 63, -1, -64, -65, 5]:
    del d[i]; del model[i]
print(list(d) == model, len(d))
for i, x in [(0, "a"), (len(d), "z"), (64, "m"), (-64, "n"), (-1000, "A"), (1000, "Z"), (1, "b")]:
    d.insert(i, x); model.insert(i, x)
print(list(d) == model, len(d), d[0], d[-1])
print([d.index(x) == model.index(x) for x in ["m", "n", "z", 10, 99]])
print(d.index(10, 5, 20), d.index(99, -80), d.count(-7), model.count(-7))
for n in [1, -1, 64, -65, 1000, -1001, 0]:
    d.rotate(n)
    k = n % len(model) if model else 0
    model = model[-k:] + model[:-k] if k else model
print(list(d) == model)
zipped = list(zip(deque("abc"), reversed(deque("abc")))); print(zipped)
print(sorted(deque([3, 1, 2])), max(deque([3, 1, 2])), list(enumerate(deque("xy"))))
print([x for x in deque(range(5)) if x % 2], dict.fromkeys(deque("ab")), set(deque([1, 1])))
