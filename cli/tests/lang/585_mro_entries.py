# __mro_entries__ (PEP 560): a class statement's non-class bases are replaced by what their
# __mro_entries__ returns, and the class keeps the original bases in __orig_bases__.
class Base:
    def hello(self): return "hello from Base"


class Mixin: pass


class Alias:
    def __init__(self, *targets): self.targets = targets
    def __mro_entries__(self, bases):
        print("mro_entries got", [getattr(b, "__name__", "alias") for b in bases])
        return self.targets


class K(Alias(Base)): pass
print(K.__bases__, K.__mro__, K().hello())
print([getattr(b, "__name__", "alias") for b in K.__orig_bases__], "__orig_bases__" in Base.__dict__)
class Two(Alias(), Base): pass
class Three(Alias(Mixin, Base), object): pass
print(Two.__bases__, Three.__bases__)


class Bad:
    def __mro_entries__(self, bases): return [Base]


class Boom:
    def __mro_entries__(self, bases): raise KeyError("boom")


for base in [Bad(), Boom()]:
    try:
        class X(base): pass
    except Exception as e:
        print(type(e).__name__, e)
