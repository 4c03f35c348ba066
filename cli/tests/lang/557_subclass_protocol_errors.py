# The protocol methods of built-in types called by name: CPython's argument errors.
def t(f, *a, **k):
    try:
        print(f(*a, **k))
    except (TypeError, KeyError, IndexError) as e:
        print(type(e).__name__, repr(str(e)))
t(list.__setitem__, [], 1)
t(list.__delitem__, [])
t(list.__delitem__, [], 1, 2)
t(list.__contains__, [])
t(tuple.__getitem__, ())
t(str.__getitem__, 's', 1, 2)
t(set.__contains__, set())
t(list.__len__)
t(list.__getitem__)
t(dict.__getitem__, {})
t(dict.__getitem__, 5, 1)
t(dict.__contains__, 5, 1)
t(set.__contains__, 5, 1)
t(list.__setitem__, 5, 1, 2)
t(list.__getitem__, [1], i=0)
t(list.__len__, [1], i=0)
