# Slots the interpreter owns are slot wrappers too: list.__init__, tuple.__getitem__,
# list.__setitem__, str.__contains__, called through the type or bound to an object.
print(list.__init__, dict.__init__, set.__init__, tuple.__getitem__, str.__contains__, list.__setitem__, dict.__delitem__, bytes.__getitem__)
l = [1, 2]
list.__init__(l, "ab"); print(l)
print(tuple.__getitem__((1, 2), 1), str.__contains__("abc", "b"), list.__contains__([1], 1), bytes.__getitem__(b"ab", 0))
list.__setitem__(l, 0, 9); dict.__delitem__(d := {1: 2, 3: 4}, 1); print(l, d)
print((1, 2).__getitem__(0), "ab".__contains__("a"), [5].__contains__(5))
s = {1}; set.__init__(s, [2, 3]); print(s)
class L(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.x = 1
print(L("xy"), L.__init__ is list.__init__, list.__dict__["__init__"] is list.__init__, L.__setitem__)
for text in ["list.__init__(5)", "tuple.__getitem__([], 0)", "str.__contains__('a')", "list.__setitem__([1], 0)", "tuple.__getitem__((1,), 5)", "list.__init__([], 1, 2)", "dict.__init__({}, 5)", "list.__init__()", "str.__getitem__('ab', 'x')", "(1,).__getitem__(0) == 1", "[].__setitem__ == [].__setitem__", "tuple.__getitem__((1,), 0, 1)"]:
    try: print(text, '->', eval(text))
    except (TypeError, IndexError) as e: print(text, '!!', type(e).__name__, e)
print([n for n in tuple.__dict__ if n in ("__getitem__", "__contains__", "__len__")], type(list.__dict__["__init__"]).__name__)
