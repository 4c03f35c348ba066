# sys.getsizeof of itertools' iterators: the C structs' sizes, with the index arrays of
# product, permutations and the combinations.
import itertools as it
import sys

objects = [it.count(), it.cycle([1]), it.repeat(1), it.repeat(1, 3), it.chain(), it.chain([1], [2]),
           it.islice([], 1), it.product(), it.product([1], [2], repeat=2), it.permutations([]),
           it.permutations([1, 2, 3]), it.permutations([1, 2, 3], 2), it.permutations([1, 2], 5),
           it.combinations([], 0), it.combinations(range(5), 2),
           it.combinations_with_replacement(range(5), 3), it.groupby([]), it.accumulate([]),
           it.zip_longest(), it.starmap(len, []), it.tee([])[0], it.pairwise([]),
           it.batched([], 1), it.compress([], []), it.dropwhile(bool, []),
           it.takewhile(bool, []), it.filterfalse(None, [])]
for o in objects:
    print(type(o).__name__, sys.getsizeof(o), o.__sizeof__())
g = it.groupby([1, 1, 2])
key, grouper = next(g)
print(type(grouper).__name__, sys.getsizeof(grouper))
