# __sizeof__ and __reversed__ of list, dict, set, frozenset and range: method descriptors in the
# types' dicts (tp_methods), bound on instances, with the sizes sys.getsizeof builds on.
import sys
l = []
for i in range(12):
    l.append(i)
    print(len(l), l.__sizeof__(), sys.getsizeof(l) - l.__sizeof__())
d = {}
for i in range(12):
    d[i] = str(i)
    print(len(d), d.__sizeof__())
s = set()
for i in range(12):
    s.add(i)
    print(len(s), s.__sizeof__(), frozenset(s).__sizeof__())
print(list(l.__reversed__())[:3], list(d.__reversed__())[:3], list(range(1, 10, 3).__reversed__()))
print(type(l.__reversed__()).__name__, type(d.__reversed__()).__name__, type(range(3).__reversed__()).__name__)
print(list.__reversed__, dict.__sizeof__, range.__reversed__, set.__sizeof__, frozenset.__sizeof__)
for t, n in [(list, '__sizeof__'), (list, '__reversed__'), (dict, '__reversed__'), (dict, '__sizeof__'),
             (set, '__sizeof__'), (frozenset, '__sizeof__'), (range, '__reversed__')]:
    v = t.__dict__[n]
    print(t.__name__, n, type(v).__name__, v is getattr(t, n), v.__objclass__ is t)
class L(list): pass
class D(dict): pass
print(L([1, 2]).__sizeof__(), list(L([1, 2, 3]).__reversed__()), list(D(a=1, b=2).__reversed__()))
print(list.__sizeof__([1, 2, 3]) == [1, 2, 3].__sizeof__(), list(dict.__reversed__({1: 2, 3: 4})))
for bad in ["list.__reversed__(3)", "[].__sizeof__(1)", "dict.__sizeof__([])", "range.__reversed__()",
            "set.__sizeof__(frozenset())"]:
    try:
        print(bad, '->', eval(bad))
    except TypeError as e:
        print(bad, '!!', e)
