# __init__ and the protocol methods of built-in types by name, bound and through super().
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except (TypeError, KeyError, IndexError) as e:
        print(type(e).__name__, repr(str(e)))
t(list.__init__, [], 1, 2)
t(list.__init__, [], x=1)
t(dict.__init__, {}, 1, 2)
t(set.__init__, set(), 1, 2)
t(set.__init__, set(), x=1)
t(list.__getitem__, [1], 5)
t(dict.__getitem__, {1: 2}, 1)
t(dict.__getitem__, {1: 2}, 3)
t(str.__getitem__, "abc", 1)
t(tuple.__contains__, (1,), 1)
t(frozenset.__len__, frozenset({1}))
class L(list):
    def f(s): return super().__getitem__()
    def g(s): return super().__setitem__(1)
    def __getitem__(s, i): return 'L'
    def __len__(s): return 7
    def __contains__(s, x): return x == 'magic'
t(L().f)
t(L().g)
l = L([1, 2, 3])
print(l[0], len(l), 'magic' in l, 1 in l, list.__contains__(l, 1), list.__getitem__(l, 1), list.__len__(l), bool(L()))
class Bad(list):
    def __len__(self): return -1
try: len(Bad())
except ValueError as e: print("ValueError", e)
class Bad2(dict):
    def __repr__(self): return 5
try: repr(Bad2())
except TypeError as e: print("TypeError", e)
