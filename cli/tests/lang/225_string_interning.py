import sys

a = "hello_world"
b = "hello_world"
print(a is b)
c = "hello world!"
d = "hello world!"
print(c == d)
e = "".join(["hello", "_world"])
print(e == a, e is a)
f = sys.intern(e)
print(f is a)
names = ["x" + str(i) for i in range(3)]
print([sys.intern(n) is sys.intern("x" + str(i)) for i, n in enumerate(names)])
print(sys.getrefcount("a_unique_literal_1234") > 1)
single = chr(97)
lit_a, lit_abc, lit_b, empty = "a", "abc", "b", ""
print(single is lit_abc[0], single is lit_a)
print(lit_abc[1:2] is lit_b, empty is str())
