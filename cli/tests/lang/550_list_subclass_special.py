# Special methods on a subclass of list fill its slots over list's: repr/str, subscripts,
# len/bool, membership; super() and list.__x__(self) reach list's own behaviour.
class MyList(list):
    def __repr__(self):
        return "MyList(" + super().__repr__() + ")"
    def __getitem__(self, i):
        print("get", i)
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)
    def __delitem__(self, i):
        print("del", i)
        super().__delitem__(i)
    def __len__(self):
        return 42
m = MyList([1, 2, 3])
print(repr(m), str(m), m, [m], f"{m}", "%s|%r" % (m, m))
print(m[0], m[1:2], m[-1])
m[0] = 9
m[1:2] = [7, 7]
del m[0]
print(len(m), list.__repr__(m), list.__len__(m), list.__getitem__(m, 0), bool(m), bool(MyList()))
for x in m:
    print("iter", x)
print(sorted(m), list(m), m.index(7), m.count(7), m + [0])
class Bag(list):
    def __contains__(self, x):
        return x == "magic" or super().__contains__(x)
    def __str__(self):
        return "Bag of %d" % len(self)
b = Bag([1, 2])
print("magic" in b, 1 in b, 5 in b, 5 not in b, list.__contains__(b, "magic"), b, repr(b), [b])
