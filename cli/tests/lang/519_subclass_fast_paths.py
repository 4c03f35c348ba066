# The VM's specialised instructions see exact built-ins first, then subclass instances at the
# same place: each must give the generic path's answer (results of the base type).
class I(int): pass
class F(float): pass
class S(str): pass
class T(tuple): pass
class D(dict): pass
class L(list): pass


def run(a, b, seq, key, mapping):
    out = []
    for _ in range(3):
        out.append((a + b, a - b, a * b, a < b, a == b, seq[0], key in mapping, mapping[key]))
    x, y = seq
    return out[-1], x, y, [type(v).__name__ for v in out[-1]]


for _ in range(20):
    run(1, 2, (5, 6), "k", {"k": 1})
print(run(I(7), I(2), T((5, 6)), S("k"), D(k=9)))
print(run(F(1.5), 2.0, L([8, 9]), "k", D(k=0)))
print(run(I(3), True, S("xy"), I(3), {3: S("v")}))
total = 0
for v in [1, 2, I(3), 4, I(5)]:
    total += v
print(total, type(total).__name__)
text = ""
for part in ["a", S("b"), "c", S("d")]:
    text += part
print(text, type(text).__name__)
pt = T((1, 2))
for _ in range(10):
    pt.x = getattr(pt, "x", 0) + 1
print(pt.x, pt, len(pt), [len(s) for s in (S("abc"), T(), D(a=1), L([1]))])
i = I(10)
for _ in range(5):
    i = i + 1
print(i, type(i).__name__, I(10) // 3, I(10) % 3, F(2.0) ** 2, S("a") * 3, T((1,)) * 2)
