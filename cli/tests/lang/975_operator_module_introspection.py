# What the operator module is made of: the _operator built-ins, their names, modules and
# self, the dunder aliases, and the Python definitions CPython keeps for what _operator lacks.
import operator, _operator, functools
print(dir(_operator))
kinds = {}
for name in operator.__all__:
    kinds.setdefault(type(getattr(operator, name)).__name__, []).append(name)
for kind, names in sorted(kinds.items()):
    print(kind, len(names), names[:6])
print(operator.add.__name__, operator.add.__qualname__, operator.add.__module__, operator.add.__self__)
print(operator.itemgetter.__name__, operator.itemgetter.__module__, operator.methodcaller.__qualname__)
print(operator.__add__ is operator.add, operator.__iadd__ is operator.iadd, operator.__call__ is operator.call)
print(operator.__not__ is operator.not_, operator.__index__ is operator.index, operator.__concat__ is _operator.concat)
print(functools.reduce.__module__, functools.reduce.__self__, functools.cmp_to_key.__name__)
print(type(functools.cmp_to_key(len)).__name__, type(functools.cmp_to_key(len)).__module__)
print(repr(operator.mul), repr(_operator.is_not), repr(functools.reduce))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), sorted({'b': 2, 'a': 3}.items(), key=operator.itemgetter(1)))
print(functools.reduce(operator.or_, [{1}, {2}, {3}]), functools.reduce(operator.concat, [[1], [2], [3]]))
print(list(map(operator.truth, [0, 1, '', 'x', None])), list(map(operator.neg, [1, -2.5, True])))
print(operator.index(7), operator.length_hint([1, 2]), operator.length_hint(object(), 3))
class Seq:
    def __init__(self, items):
        self.items = items
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        print('contains', x)
        return x in self.items
    def __len__(self):
        return len(self.items)
s = Seq([1, 2, 2, 3])
print(operator.contains(s, 2), operator.countOf(s, 2), operator.indexOf(s, 3), operator.getitem(s, slice(1, 3)))
print(operator.is_(s, s), operator.is_not(s, None), operator.not_(s), operator.truth(Seq([])))
try:
    operator.setitem(s, 0, 1)
except TypeError as e:
    print('TypeError', e)
