class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v

    def __hash__(self):
        return hash(self.v)

d = {Key(1): "one"}
print(d[Key(1)], Key(1) in d, Key(2) in d)
print(len({Key(1), Key(1), Key(2)}))
print(Key(1) == Key(1), Key(1) is Key(1), Key(1) == 1)
class Default:
    pass
a = Default()
print(a == a, a == Default(), hash(a) == hash(a))
