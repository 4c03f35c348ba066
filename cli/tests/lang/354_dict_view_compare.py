# dict_keys and dict_items compare as sets with sets, frozensets and each other (dictview_richcompare), dict_values by identity; keys and items views are unhashable.
d = {1: 2, 3: 4}
e = {3: 5, 1: 0}
print(d.keys() == d.keys(), d.keys() == e.keys(), d.keys() == {1, 3}, d.items() == d.items(), d.keys() != e.keys())
print(d.values() == d.values(), d.items() == e.items(), d.items() != e.items())
print(d.keys() < {1, 3, 5}, d.keys() <= {1, 3}, d.keys() > {1}, d.keys() >= {1, 3}, d.keys() > {1, 3})
print({1, 3} == d.keys(), frozenset({1, 3}) == d.keys(), {1} < d.keys(), {1, 3, 5} > d.keys())
print(d.items() == {(1, 2), (3, 4)}, d.items() == {(1, 2), (3, 5)}, d.items() >= {(1, 2)}, d.items() == {1, 3})
print(d.keys() == [1, 3], d.keys() == (1, 3), d.items() == [(1, 2), (3, 4)], d.keys() == d.items())
print(d.items() == {(1, 2), (3, [])} if False else "skip", {}.keys() == set(), {}.items() <= set())
for v in (d.keys(), d.items(), d.values()):
    try:
        print(type(v).__name__, hash(v) is not None)
    except TypeError as err:
        print("TypeError:", err)
try:
    print(d.keys() < [1])
except TypeError as err:
    print("TypeError:", err)
nan = float("nan")
f = {1: nan}
print(f.items() == {(1, nan)}, f.items() == {(1, float("nan"))})
print(d.keys() == {1: 0, 3: 0}.keys(), d.keys() ^ {1} == {3})
