# collections.UserDict, UserList and UserString: wrappers around .data, made to subclass.
from collections import UserDict, UserList, UserString

class Lower(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
    def __missing__(self, key):
        return f"<{key}>"
d = Lower({"A": 1}, B=2)
print(d, d["a"], d["zz"], len(d), "b" in d, list(d), d.get("q", 0), d.data, isinstance(d, dict))
d.update(C=3); print(d.pop("c"), d.setdefault("e", 5), d.popitem(), d, d == {"a": 1}, d | {"x": 0})
print(UserDict(a=1).copy(), UserDict.fromkeys("xy", 0), UserDict() == UserDict(), repr(UserDict({1: [2]})))
class Stack(UserList):
    def push(self, x):
        self.append(x)
s = Stack([1, 2]); s.push(3); s += [4]; s.extend(Stack([5]))
print(s, s[1:3], type(s[1:3]).__name__, s.pop(), len(s), s.count(1), s.index(3), 2 in s, s * 2)
s.insert(0, 0); s.remove(2); s.reverse(); s.sort(); print(s, s == [0, 1, 3, 4], s < [9], [9] + s, s.copy())
u = UserString("Hello")
print(u, repr(u), u.upper(), u.lower(), u[1:3], type(u[0]).__name__, len(u), "ell" in u, u + "!", "> " + u)
print(u * 2, u.replace("l", "L"), u.split("l"), u.find("l"), u.startswith("He"), u.center(9, "*"), u == "Hello")
print(hash(u) == hash("Hello"), sorted([UserString("b"), UserString("a")]), u.zfill(7), int(UserString("42")) + 1)
for bad in [lambda: UserDict()["nope"], lambda: UserList([1]).remove(9), lambda: hash(UserList())]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
