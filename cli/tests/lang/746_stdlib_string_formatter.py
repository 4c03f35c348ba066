# string.Formatter: format/vformat, parse, nested specs, field lookups, errors, overrides.
import string

f = string.Formatter()
print(f.format("{0} {1!r:>6} {x[1]} {0.real} {y[k]}", 1, "s", x=[5, 6], y={"k": "v"}))
print(f.format("{}-{}", "a", "b"), f.format("{:{}}|", "ab", 5), f.format("{{literal}} {0:^{1}}", "c", 7))
print(list(f.parse("a{0!r:>{w}}b{{c}}d{x.y[0]}e}}")))
print(list(f.parse("")), list(f.parse("just text")), list(f.parse("{}")), list(f.parse("{!s}")))
for bad in ["{", "}", "a{b", "{0!}", "{0!rx}", "{0:{}", "{a{b}", "{0[}", "{0.}", "{0]x}",
            "{0!z}", "{} {0}", "{0} {}", "{0:{1:{2}}}", "{0[1]x}"]:
    try:
        print(repr(f.format(bad, "A", "B", "C")))
    except Exception as e:
        print(bad, type(e).__name__, e)
try:
    list(f.parse("ok {0"))
except ValueError as e:
    print("parse:", e)
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return super().format_field(value, spec).upper()
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, f"<{key}>") if isinstance(key, str) else args[key]
    def check_unused_args(self, used, args, kwargs):
        print("used", sorted(map(str, used)))
print(Upper().format("{0} {name} {missing}", "abc", "unused", name="bob"))
print(Upper().vformat("{0:>5}", ("x",), {}))
print(f.format("{0[0]}{0[1]}{a[x]}", "hi", a={"x": "!"}), f.format("{0.__class__.__name__}", 3))
print(f.get_field("0.real", [5], {}), f.get_value("k", (), {"k": 1}), f.convert_field(1, "r"))
print(f.format_field(3.14159, ".2f"), f.format("{0:%}|{0:e}", 0.5))
