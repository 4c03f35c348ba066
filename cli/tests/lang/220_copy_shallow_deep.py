import copy
import sys

original = [[1, 2], [3, 4], "text"]
shallow = copy.copy(original)
deep = copy.deepcopy(original)
print(shallow == original, shallow is original)
print(shallow[0] is original[0], deep[0] is original[0], deep[2] is original[2])
original[0].append(99)
print(shallow[0], deep[0])
alias = original
sliced = original[:]
listed = list(original)
print(alias is original, sliced[1] is original[1], listed[1] is original[1])
print(sys.getrefcount(original[1]))
d = {"k": [1]}
d2 = d.copy()
d2["k"].append(2)
print(d, d2 is d)
cyclic = [1]
cyclic.append(cyclic)
c2 = copy.deepcopy(cyclic)
print(c2[1] is c2, c2 is not cyclic)
