# set.add: an element found equal is "already present" even when the comparison changed the
# set (set_add_entry checks equality before the mutation); lookups start over instead.
s = set()
class M:
    def __init__(self, v, h, clear=False): self.v, self.h, self.clear = v, h, clear
    def __eq__(self, o):
        print("eq", self.v, o.v)
        if self.clear: self.clear = False; s.clear()
        return self.eq_result
    eq_result = True
    def __hash__(self): return self.h
    def __del__(self): print("del", self.v, len(s))
s.add(M(4, 5, True))
print("add")
s.add(M(103, 5))
print("after add", len(s))
s.add(M(5, 5, True))
print("contains", M(104, 5) in s, len(s))
s.clear(); s.add(M(6, 5, True))
s.discard(M(105, 5)); print("after discard", len(s))
class F(M):
    eq_result = False
s = set(); s.add(F(7, 5, True))
s.add(F(106, 5))
print("after add unequal", len(s))
s.clear()
t = {M(8, 1), M(9, 2)}
print(len(s | t), len(t))
