# itertools: count, cycle, repeat and the iterators that end with their shortest input.
from itertools import (count, cycle, repeat, accumulate, batched, chain, compress, dropwhile,
                       filterfalse, islice, pairwise, starmap, takewhile, zip_longest)
import operator

c = count(); print(next(c), next(c), c, count(1.5, 0.5), count(5, 1), count(0, -2), count(start=3, step=2))
print(list(islice(count(10, 3), 4)), list(islice(cycle("ab"), 5)), list(cycle([])), list(repeat("x", 3)))
r = repeat(7, 2); print(r, r.__length_hint__(), list(r), r, repeat(None), list(repeat(1, -4)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)))
print(list(accumulate([], initial=0)), list(accumulate("abc")), list(accumulate([2, 3], operator.mul)))
print(list(batched("abcdefg", 3)), list(batched([], 2)), list(chain("ab", [1], ())), list(chain.from_iterable(["xy", "z"])))
print(list(compress("abcdef", [1, 0, 1, 0, 1])), list(dropwhile(lambda x: x < 3, [1, 4, 1, 5])))
print(list(takewhile(lambda x: x < 3, [1, 2, 4, 1])), list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(str.isdigit, "a1b2")))
print(list(pairwise("abcd")), list(pairwise("a")), list(starmap(pow, [(2, 3), (3, 2)])))
print(list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 3)), list(islice("ab", None)))
it = iter(range(10)); print(list(islice(it, 1, 4, 2)), next(it))
print(type(chain()).__name__, type(count()).__module__, repr(type(islice("", 1))))
for bad in [lambda: islice([1], -1), lambda: islice([1], 0, -1), lambda: islice([1], 1, 2, 0),
            lambda: islice([1], "a"), lambda: islice([1], "a", 2), lambda: batched([1], 0),
            lambda: count("a"), lambda: repeat(1, "a"), lambda: list(chain([1], 2)), lambda: cycle(1),
            lambda: count(1, 2, 3), lambda: repeat(), lambda: islice([1]), lambda: batched("ab"),
            lambda: chain(x=1), lambda: pairwise(1), lambda: list(starmap(pow, [1])),
            lambda: zip_longest([1], fill=2), lambda: takewhile(len)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
