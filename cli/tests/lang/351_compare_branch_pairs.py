# Comparisons followed by branches (ints, floats, nan, strs, mixed types) and runs of local
# and constant loads, as the dispatch loop runs them in one step; an error inside such a pair.
def branches(a, b):
    out = []
    if a < b:
        out.append("lt")
    if a <= b:
        out.append("le")
    if a == b:
        out.append("eq")
    if a != b:
        out.append("ne")
    if not a > b:
        out.append("not-gt")
    if not a >= b:
        out.append("not-ge")
    return out

nan = float("nan")
for a, b in [(1, 2), (2, 2), (-3, 2), (2**40, 2**40 + 1), (2**70, 1), (1.5, 1.5), (nan, nan),
             (nan, 1.0), ("a", "b"), ("x", "x"), (1, 1.0), (True, 1), (2, 1.5)]:
    print(repr(a), repr(b), branches(a, b))
try:
    if 1 < "a":
        pass
except TypeError as e:
    print("TypeError", e)


def unbound_second(flag):
    if flag:
        b = 1
    a = 2
    return a, b

try:
    unbound_second(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e, e.__traceback__.tb_next.tb_lineno)
print(unbound_second(True), [(x, y, x - y, 3 - y) for x, y in [(5, 7), (2.5, -1.0), (2**64, 3)]])
