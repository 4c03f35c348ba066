# property, continued: a property without a getter or a name, a property winning over the
# instance dict, property() on a built-in function, and getter() copies in subclasses.
class Anon:
    pass
Anon.p = property()
try:
    Anon().p
except AttributeError as e:
    print("AttributeError:", e)
class Shadow:
    @property
    def x(self):
        return "property"
s = Shadow()
s.__dict__["x"] = "instance"
print(s.x, s.__dict__)
p = property(len)
print(p.__get__([1, 2, 3]), p.__get__(None, list) is p, p.getter(abs).fget)
class Base:
    @property
    def name(self):
        return "base"
class Derived(Base):
    @Base.name.getter
    def name(self):
        return "derived"
print(Base().name, Derived().name, Derived.name is Base.name)
