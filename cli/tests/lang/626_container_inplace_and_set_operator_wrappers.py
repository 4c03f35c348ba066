# The containers' in-place operators and set's binary operators as slot wrappers (list
# __iadd__/__imul__, dict __ior__, set __isub__/__iand__/__ixor__/__ior__, set and frozenset
# -, &, ^, | with reflections), range's __getitem__/__contains__: CPython's answers,
# NotImplemented and errors.
print(list.__iadd__, dict.__ior__, set.__sub__, set.__rsub__, set.__isub__, frozenset.__and__,
      frozenset.__ror__, range.__getitem__, range.__contains__)
ops = {'__sub__', '__rsub__', '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__', '__isub__', '__iand__', '__ixor__', '__ior__', '__contains__', '__len__'}
print(list.__iadd__.__doc__, list.__imul__.__doc__, set.__isub__.__doc__, set.__xor__.__doc__)
print([k for k in set.__dict__ if k in ops])
print([k for k in frozenset.__dict__ if k in ops])
l = [1]
print(l.__iadd__([2]) is l, l, l.__imul__(2), list.__imul__(l, 0), l)
print([1].__iadd__(range(3)), [1, 2].__iadd__('ab'))
class I:
    def __index__(self): return 2
print([1].__imul__(I()), [1].__imul__(-3), [1].__imul__(True))
d = {'a': 1}
print(d.__ior__({'b': 2}) is d, d, dict.__ior__(d, [('c', 3)]))
s = {1, 2, 3}
print(s.__isub__({1}) is s, s, s.__iand__(frozenset({2, 9})), s.__ixor__({7}), s.__ior__({8}), s)
print(set.__ior__(set(), [1]), set.__or__(set(), [1]), set.__isub__({1}, 'a'))
print({1, 2}.__sub__({1}), {1, 2}.__rsub__({1, 5}), frozenset({1}).__or__({2}), {1}.__or__(frozenset({2})))
print({1}.__and__({1, 2}), {1, 2}.__xor__({2, 3}), {1}.__rxor__(frozenset()), frozenset.__rsub__(frozenset({1}), {1, 2}))
print(type(frozenset({1}).__or__({2})).__name__, type({1}.__ror__(frozenset({2}))).__name__)
class S(set): pass
print(type(S({1}).__sub__({1})).__name__, type(set.__or__(S(), S())).__name__, S({1}).__ior__({3}))
print(range(10).__getitem__(-1), range(10).__getitem__(slice(1, 5)), range(10).__contains__(5.0),
      range.__getitem__(range(3), 2), range(0, 10, 2).__contains__(3))
for bad in ["[].__iadd__(3)", "[].__imul__('a')", "[].__imul__(2**70)", "[].__iadd__()",
            "list.__iadd__({}, [])", "{}.__ior__(3)", "range.__getitem__(range(3), 7)",
            "range.__contains__([], 1)", "range(3).__getitem__('a')", "dict.__ior__(set(), {})",
            "set.__sub__(frozenset(), set())", "[].__iadd__([], x=1)", "set.__ior__(frozenset(), {1})"]:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '!!', type(e).__name__, e)
