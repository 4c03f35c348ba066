# itertools: groupby, tee and the combinatoric iterators.
from itertools import groupby, tee, product, permutations, combinations, combinations_with_replacement

print([(k, list(g)) for k, g in groupby("aaabccdaa")])
print([(k, len(list(g))) for k, g in groupby([1, 3, 2, 4, 5], key=lambda n: n % 2)])
groups = groupby("aabbc"); k1, g1 = next(groups); k2, g2 = next(groups)
print(k1, list(g1), k2, next(g2), list(g2), list(groupby([])), type(g1).__name__)
g = groupby("xxyy"); _, first = next(g); print(next(first), [(k, list(v)) for k, v in g])
a, b = tee(iter([1, 2, 3])); print(next(a), next(a), list(b), list(a), type(a).__name__)
x, y, z = tee("ab", 3); print(list(x), list(y), list(z), tee([1], 0), len(tee([1])))
c1, = tee(range(3), 1); c2 = c1.__copy__(); next(c1); print(list(c1), list(c2))
print(list(product("ab", [0, 1])), list(product([1, 2], repeat=2)), list(product()), list(product([], [1])))
print(list(permutations("abc", 2)), list(permutations(range(3))), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(4), 3)), list(combinations("ab", 0)), list(combinations("a", 2)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 0)), list(combinations_with_replacement("", 1)))
print(len(list(permutations(range(5)))), len(list(product(range(3), repeat=4))), len(list(combinations(range(10), 4))))
for bad in [lambda: tee([1], -1), lambda: combinations([1], -1), lambda: permutations([1], -1),
            lambda: product([1], repeat=-1), lambda: permutations("ab", "x"), lambda: combinations("ab"),
            lambda: groupby(1), lambda: product(1), lambda: product([1], foo=2)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(next(product(range(100), repeat=12)), next(permutations(range(100))) [:3], next(combinations(range(100), 50))[-1])
