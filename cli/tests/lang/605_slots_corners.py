# __slots__: str, dict, iterators, duplicates, private names, order, and CPython's errors.
def t(src):
    try:
        exec(src, globals()); print("ok")
    except Exception as e: print(type(e).__name__, e)
class A: __slots__ = ('x',)
class B(A): x = 5
b = B(); print(B().x, B.x)
b.y = 1; print(b.__dict__)
class S1: __slots__ = 'abc'
print(S1.__slots__, S1.__dict__['abc'], hasattr(S1(), '__dict__'))
class S2: __slots__ = {'p': 'doc of p', 'q': None}
print(S2.__slots__, [k for k in S2.__dict__ if not k.startswith('__')], S2.p.__doc__)
class S3: __slots__ = ('b', 'a', '__c', 'a')
print(list(S3.__dict__), S3._S3__c)
class __S4: __slots__ = ('__y', '__z__')
print(list(__S4.__dict__))
class S5: __slots__ = iter(['u', 'v'])
print(S5.u, type(S5.__slots__).__name__)
t("class E1:\n __slots__ = ('x',)\n x = 1")
t("class E2:\n __slots__ = ('__x',)\n _E2__x = 1")
t("class _:\n __slots__ = ('__x',)\n __x = 1")
t("class E3: __slots__ = ('__dict__', '__dict__')")
t("class E4: __slots__ = ('__weakref__', '__weakref__')")
t("class E5(A): pass\nclass E6(E5): __slots__ = ('__dict__',)")
t("class E7(A): pass\nclass E8(E7): __slots__ = ('__weakref__',)")
t("class E9: __slots__ = ('1a', '__dict__', '__dict__')")
t("class E10: __slots__ = ('__dict__', '__dict__', 1)")
t("class E11: __slots__ = (1, '__dict__')")
t("class E12: __slots__ = 5")
t("class E13: __slots__ = ('__qualname__', '__x__')")
t("class E14(int): __slots__ = ('__weakref__',)")
t("class E15(tuple): __slots__ = ('a',)")
t("class E16(int): __slots__ = ()")
class W: __slots__ = ('__weakref__', 'v')
print(list(W.__dict__), hasattr(W(), '__dict__'), W.__weakref__.__doc__)
class D: __slots__ = ('__dict__', 'w')
d = D(); d.w = 1; d.extra = 2
print(list(D.__dict__), d.__dict__, d.w, D.__dict__['__dict__'].__doc__)
