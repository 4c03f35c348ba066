# string: the constants, capwords, Template (substitute, safe_substitute, errors).
import string

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("  hello   wORLD  foo "), string.capwords("a-b-c", "-"), repr(string.capwords("")))
T = string.Template
t = T("$who likes $what, ${who}s and $$5; $_x1 ${y2}")
print(t.substitute(who="tim", what="kung pao", _x1=1, y2=[2]))
print(t.substitute({"who": "a", "what": "b", "_x1": 0, "y2": 0}, who="kw"))
print(t.safe_substitute(who="w"), t.get_identifiers(), t.is_valid())
for tpl in ["$", "a $1", "x\ny $ ", "${x", "${}", "ok $x", "ab\ncd\n$"]:
    tt = T(tpl)
    try:
        print(repr(tt.substitute(x=1)))
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
    print(repr(tt.safe_substitute()), tt.is_valid(), tt.get_identifiers())
try:
    T("$missing").substitute()
except KeyError as e:
    print("KeyError", e)
class Percent(T):
    delimiter = "%"
print(Percent("%a and %% and $b and %{c}").substitute(a=1, c=3))
class Braces(T):
    delimiter = "{{"
print(Braces("{{x}} {{{{").safe_substitute(x="X"))
print(T("$ÿ $éa $a_é").safe_substitute(a_="A"), t.template, T.delimiter)
print(T("$a$b${a}").substitute({"a": 1}, b=2), T("$$$a").safe_substitute(), T("").substitute())
