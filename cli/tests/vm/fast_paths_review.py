# A review of the third wave of fast paths against CPython 3.12.1: float operands reused for
# results only when nothing else holds them (aliased in locals, lists, tuples, dicts, sets,
# cells, globals, attributes, iterators), ints of one to three digits at the 2**30, 2**60 and
# 2**63 boundaries with Python's signs for // and %, range lengths of machine-word bounds,
# generators consumed by built-ins that raise, re-enter, close or advance them from inside
# (also from a __del__ run mid-loop), and built-in calls whose receiver, callee or arguments
# change between calls at one site.


def show(*values):
    print(*values)


# Floats: a result may take over an operand's object only when the stack held it alone.
L = [1.5, 2.5]
T = (3.5, 4.5)
D = {5.5: 6.5}
S = {7.5}


class C:
    attr = 9.5


def aliased():
    out = []
    for x in L:
        out.append(x + 1.0)
    for x in T:
        out.append(x * 2.0)
    for k, v in D.items():
        out.append((k - 1.0, v - 1.0))
    for s in S:
        out.append(s - 0.5)
    a, b = L
    out.append(a + b)
    (c,) = S
    out.append(c + c)
    out.append([y + 1.0 for y in L])
    out.append(sum(y + 1.0 for y in T))
    for p, q in zip(L, T):
        out.append(p * q)
    out.append(L[0] + L[1])
    out.append(max(L) + 1.0)
    it = iter(L)
    out.append(next(it) + 1.0)
    out.append(L.pop() + 0.0)
    L.append(2.5)
    c = C()
    c.v = 8.5
    out.append(c.v + 1.0)
    out.append(C.attr - 1.0)
    return out


for _ in range(3):
    show(aliased())
    show(L, T, D, S, C.attr)


def locals_only():
    x = 0.5
    y = x + x
    z = y * y
    w = (x + y) + (z + x)
    x += 1.0
    v = x
    x -= 0.25
    return x, y, z, w, v


def in_cell():
    x = 0.25

    def f():
        return x + 1.0

    return f(), f(), x


g_f = 0.75


def in_global():
    return g_f + 1.0, g_f * 2.0


x = 1.5
y = x + 0.0
show(x, y, x is y, locals_only(), in_cell(), in_global(), g_f)
z = 0.1
for i in range(10):
    z = z + 0.1
    z = z * 1.0
    z = z - 0.0
show(z)
big = 1e308
show(big * 10.0, -big * 10.0, big + big, 0.0 * -1.0, -0.0 + 0.0, -0.0 - 0.0)
show(5.5 % -2.0, -5.5 // 2.0, 5.5 % 2.0, -0.0 % 1.0, 2.0**0.5, 2.0**-1074.0)
for expr in (lambda: 1.0 / 0.0, lambda: 1.0 % 0.0, lambda: 1.0 // 0.0, lambda: 10.0**400.0, lambda: 0.0**-1.0):
    try:
        show(expr())
    except (ZeroDivisionError, OverflowError) as e:
        show(type(e).__name__, e)

# Ints around the digit boundaries (not -2**63 // -1: see crash_hunt.rs's KNOWN_CRASHES).
vals = [0, 1, -1, 5, -5, 256, 257, -6, 2**30 - 1, 2**30, -(2**30), 2**31, 2**60 - 1, 2**60,
        -(2**60) + 1, -(2**60), 2**62, 2**63 - 1, 2**63, 2**64, 7, -7, 3, -3, 1000, -1000]
rows = []
for a in vals:
    for b in vals:
        r = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b]
        if b:
            r += [a // b, a % b]
            t = a
            t //= b
            r.append(t)
            t = a
            t %= b
            r.append(t)
        t = a
        t += b
        t *= b
        r.append(t)
        rows.append(r)
show(len(rows), rows[::37])
for n in [0, 1, -1, 2**60 - 1, 2**63 - 1, -(2**63)]:
    lens = []
    for st in [1, -1, 2, -2, 3, 2**62, -(2**62), 2**63 - 1, -(2**63)]:
        for m in [0, 5, -5, 2**63 - 1, -(2**63), 2**62]:
            try:
                lens.append(len(range(n, m, st)))
            except OverflowError as e:
                lens.append(str(e))
    show(lens)
show(range(-(2**63), 2**63 - 1)[5], range(0, 2**64, 2**62)[3], sum(range(10**5)))


# Generators consumed by built-ins: the generator's state after each.
def mixed():
    yield "a"
    yield 1
    yield "c"
    yield (1, 2)
    yield None
    yield 2.5


consumers = [
    ("sum", sum),
    ("list", list),
    ("tuple", tuple),
    ("sorted", sorted),
    ("join", "".join),
    ("dict", dict),
    ("set", lambda it: sorted(set(it), key=repr)),
    ("any", any),
    ("all", all),
    ("zip", lambda it: list(zip(it, it))),
    ("map", lambda it: list(map(len, it))),
    ("extend", lambda it: [].extend(it)),
    ("fromkeys", dict.fromkeys),
    ("unpack", lambda it: [*it]),
    ("next3", lambda it: (next(it), next(it), next(it))),
    ("in", lambda it: 2.5 in it),
]
for name, consume in consumers:
    it = mixed()
    try:
        show(name, "->", consume(it))
    except Exception as e:
        show(name, "!", type(e).__name__, e)
    show("  rest", list(it), it.gi_frame, it.gi_running)


def reenter():
    yield 1
    yield next(g)


for consume in (list, sum, tuple, sorted):
    g = reenter()
    try:
        show(consume(g))
    except ValueError as e:
        show(consume.__name__, e)


def closer():
    yield 1
    g.close()
    yield 2


g = closer()
try:
    show(list(g))
except ValueError as e:
    show("close", e)


def shared():
    for i in range(6):
        yield i


s = shared()
show(list(zip(s, s)))
s = shared()
show(sum(x + next(s) for x in s))
s = shared()
show(min(s, key=lambda v: list(s)))

mode = None


class Dropped:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        if mode == "next":
            show("  del got", next(g, "END")[0])
        elif mode == "close":
            show("  del close", g.close())
        elif mode == "send":
            try:
                show("  sent", g.send(5)[0])
            except StopIteration:
                show("  stop")
        elif mode == "list":
            show("  del list", len(list(g)))


def pairs(n):
    for i in range(n):
        yield ("k", Dropped(i))


for mode in ("next", "close", "send", "list"):
    g = pairs(6)
    try:
        r = dict(g)
        show(mode, {k: v.v for k, v in r.items()})
    except Exception as e:
        show(mode, "!", type(e).__name__, e)
    mode = None
    show("  rest", g.gi_frame is None, len(list(g)))
    del r


def ret():
    yield 1
    return 5


def stop():
    yield 1
    raise StopIteration


show(list(ret()), sum(ret()))
try:
    list(stop())
except RuntimeError as e:
    show(type(e).__name__, e, type(e.__cause__).__name__)


def nested(n):
    if n == 0:
        yield 0
        return
    yield sum(nested(n - 1)) + 1


show(list(nested(50)))


def chain(n):
    if n == 0:
        yield 0
        return
    try:
        for x in chain(n - 1):
            yield x if isinstance(x, tuple) else x + 1
    except RecursionError:
        yield ("caught", n)


show(list(chain(2000))[:3])

# Built-in calls at one site whose callee, receiver or arguments change.
class Getter:
    def get(self, k, d=None):
        return ("Getter", k, d)


def site(o):
    return o.get("a", 0)


for o in [{"a": 5}, Getter(), {"x": 1}, {"a": 7}]:
    show(site(o))


def count_site(o, *a):
    return o.count(*a)


for o, a in [("aaa", ("a",)), ([1, 1], (1,)), ("aaa", ()), ([1], (1, 2)), ((1, 1), (1,)),
             ("aaa", ("a", 1, 2, 3)), ("aaa", ("a", "x")), (b"aa", (b"a",))]:
    try:
        show(count_site(o, *a))
    except TypeError as e:
        show("TypeError", e)
lst = [1, 2]
ap = lst.append
for i in range(3):
    ap(i)
show(lst)


def call_one(f, x):
    return f(x)


for f in [lst.append, "abc".count, {}.get, abs, str, repr, type, tuple, int, float, list, [].index, hex]:
    try:
        show(call_one(f, 1))
    except Exception as e:
        show(type(e).__name__, e)


def as_str(x):
    return str(x)


show(as_str(1), as_str(2.5))
real_str = str
str = lambda x: "S" + real_str(x)
show(as_str(1), as_str(2))
del str
show(as_str(3), as_str(None), as_str(b"x"))
for _ in range(2):
    for call in (lambda: str(1, 2, 3, 4), lambda: type(1, 2), lambda: tuple(1), lambda: len(),
                 lambda: len(1, 2), lambda: isinstance(1), lambda: isinstance(1, 5),
                 lambda: isinstance(1, (int, 5)), lambda: isinstance(1, (5, int)),
                 lambda: [].append(), lambda: {}.get(1, 2, 3), lambda: "a".upper(1),
                 lambda: divmod(1), lambda: max(), lambda: [].insert(1)):
        try:
            show(call())
        except TypeError as e:
            show("TypeError", e)
