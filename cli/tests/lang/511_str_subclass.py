# Instances of a subclass of str: inherited methods give exact strs, sizes are CPython's.
import sys, gc


class Text(str):
    pass


t = Text("Hello")
print(t, repr(t), type(t).__name__, isinstance(t, str), t == "Hello", hash(t) == hash("Hello"))
for v in (t.upper(), t + "!", t * 2, t * 1, t[1:], t[:], t[0], str(t), t.strip(), t.replace("z", "y"), t.lower(), t.center(9, "*")):
    print(repr(v), type(v).__name__)
print(len(t), "ell" in t, t.find("l"), t.split("l"), list(t), sorted(t), t.startswith("He"))
print(f"{t}|{t:>8}|{t!r}", "%s-%r" % (t, t), format(t, "^9"), "-".join(Text("abc")))
d = {t: 1, Text("x"): 2}
print(d["Hello"], d["x"], "Hello" in d, sorted(d))
t.lang = "en"
print(t.lang, vars(t))
for v in (Text(""), Text("ab"), Text("héllo"), Text("€uro"), Text("x" * 50), Text("🐍")):
    print(repr(v), sys.getsizeof(v), gc.is_tracked(v))
print(Text.__basicsize__, Text.__itemsize__, Text.__dictoffset__, Text.__weakrefoffset__)


class Name(str):
    __slots__ = ()


print(sys.getsizeof(Name("ab")), sys.getsizeof(Name("é")), Name(42), Name(b"abc", "ascii"))
try:
    Name("x").y = 1
except AttributeError as e:
    print(e)
print(type(iter(Text("ab"))).__name__, type(iter("ab")).__name__, Text(Text("q")) == "q")
try:
    sys.intern(Text("a"))
except TypeError as e:
    print(e)
