# copy: atomic values, tuples, the memo of deepcopy, shared and nested containers, subclasses.
import copy

t = (1, [2]); print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy(t[:1]) == (1,))
for v in [1, 2.5, "s", None, b"b", frozenset({1}), range(3), len, copy.Error]:
    print(copy.copy(v) is v, copy.deepcopy(v) is v, end="; ")
print()
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair); print(dp[0] is dp[1], dp[0] is shared)
memo = {}
copy.deepcopy(pair, memo); print(memo[id(shared)], len(memo))
nested = {"a": {1, 2}, "b": [{"c": (3, [4])}]}
nd = copy.deepcopy(nested); nd["b"][0]["c"][1].append(5); print(nested, nd)
class L(list):
    pass
ll = L([1, [2]]); ll.tag = "t"; cl = copy.deepcopy(ll)
print(type(cl).__name__, cl, cl.tag, cl[1] is ll[1], copy.copy(ll)[1] is ll[1])
print(copy.Error, copy.error is copy.Error)
