# Cached attribute lookups, continued: an unset slot read in a loop, then a class gaining
# __getattribute__ or __setattr__ while a loop reads or stores attributes.
class S:
    __slots__ = ("a",)
s = S()
out = []
for i in range(4):
    try:
        out.append(s.a)
    except AttributeError as e:
        out.append(str(e))
    s.a = i
print(out)
class G:
    x = 1
g = G()
out = []
for i in range(5):
    out.append(g.x)
    if i == 2:
        G.__getattribute__ = lambda self, n: "hooked " + n
print(out)
class St:
    pass
st = St()
seen = []
for i in range(5):
    st.w = i
    if i == 2:
        St.__setattr__ = lambda self, n, v: seen.append((n, v))
print(st.__dict__, seen)
