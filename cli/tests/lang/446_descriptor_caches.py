# Attribute lookups in loops (which the VM caches) stay right when a class changes under
# them: a property added later, a method replaced, an instance attribute shadowing a method
# but not a property, a __getattribute__ added to the class.
class C:
    def m(self):
        return "m1"
c = C()
c.v = 1
out = []
for i in range(6):
    out.append(c.m())
    if i == 1:
        C.m = lambda self: "m2"
    if i == 3:
        C.m = property(lambda self: lambda: "m3")
print(out)
out = []
for i in range(6):
    out.append(c.v)
    if i == 2:
        C.v = property(lambda self: "prop")
print(out)
d = C()
out = []
for i in range(5):
    out.append(d.v)
    if i == 1:
        d.__dict__["v"] = "inst"
print(out)
