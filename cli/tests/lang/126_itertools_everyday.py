import itertools

print(list(itertools.chain([1, 2], (3,), "ab")))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)))
print(list(itertools.repeat("x", 3)))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.product("ab", [1, 2])))
print(list(itertools.permutations([1, 2, 3], 2)))
print(list(itertools.combinations("abcd", 2)))
for key, group in itertools.groupby("aaabccdd"):
    print(key, list(group), end=" ")
print()
print(list(itertools.zip_longest("abc", [1], fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(itertools.pairwise([1, 2, 3, 4])), list(itertools.starmap(pow, [(2, 3)])))
print(list(itertools.batched(range(7), 3)), list(itertools.compress("abcd", [1, 0, 1, 0])))
