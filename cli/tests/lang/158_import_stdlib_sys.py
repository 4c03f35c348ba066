import sys
import gc
import math
import collections
import json

print(math.sqrt(2), math.factorial(10), math.gcd(12, 18), math.inf)
c = collections.Counter("mississippi")
print(c.most_common(2), c["s"])
dd = collections.defaultdict(list)
dd["a"].append(1)
print(dict(dd))
dq = collections.deque([1, 2, 3], maxlen=3)
dq.append(4)
print(dq, dq.popleft())
print(json.dumps({"a": [1, 2, None], "b": True}), json.loads("[1, 2.5]"))
print(sys.maxsize, sys.byteorder, sys.version_info[:2])
print(sys.getrecursionlimit(), type(sys.argv).__name__, len(sys.argv))
print(gc.get_threshold(), "gc" in sys.modules)
