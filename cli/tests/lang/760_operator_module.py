# operator: the function forms of the operators, their dunder aliases, and the getters.
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul(2, 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3))
print(op.pow(2, 10), op.neg(3), op.pos(-3), op.abs(-4), op.inv(5), op.invert(5), op.lshift(1, 4))
print(op.rshift(16, 2), op.and_(6, 3), op.or_(6, 3), op.xor(6, 3), op.not_(0), op.truth([]))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1), op.ne(1, 2), op.ge(1, 2), op.gt(3, 2), op.is_(None, None))
print(op.is_not(1, None), op.concat([1], [2]), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1))
print(op.indexOf("abc", "c"), op.getitem({"k": 9}, "k"), op.index(7), op.length_hint([1, 2]), op.call(max, 1, 5))
l = [1, 2, 3]; op.setitem(l, 0, 9); op.delitem(l, 1); print(l)
print(op.iadd([1], [2]), op.iconcat([1], [2]), op.isub(5, 2), op.imul(3, 3), op.itruediv(1, 4))
print(op.ifloordiv(9, 2), op.imod(9, 4), op.ipow(3, 2), op.ilshift(1, 3), op.irshift(8, 1))
print(op.iand(7, 2), op.ior(1, 2), op.ixor(3, 1), op.__add__ is op.add, op.__not__ is op.not_)
print(sorted(n for n in dir(op) if n.startswith("__i") and n.endswith("__")))
print(len(op.__all__), op.__all__[:5])
get1 = op.itemgetter(1); get13 = op.itemgetter(1, 3)
print(get1("abcd"), get13("abcd"), repr(get1), repr(op.itemgetter("a", 0)), get1.__reduce__())
people = [{"n": "bo", "a": 3}, {"n": "al", "a": 5}]
print(sorted(people, key=op.itemgetter("n")), list(map(op.itemgetter("a"), people)))
class A: pass
a = A(); a.b = A(); a.b.c = 7; a.x = 1
print(op.attrgetter("x")(a), op.attrgetter("b.c", "x")(a), repr(op.attrgetter("b.c", "x")))
mc = op.methodcaller("split", ",", maxsplit=1)
print(mc("a,b,c"), repr(mc), op.methodcaller("upper")("q"), repr(op.methodcaller("f")))
for bad in [lambda: op.itemgetter(), lambda: op.attrgetter(1), lambda: op.methodcaller(),
            lambda: op.methodcaller(1), lambda: op.itemgetter(5)([1]), lambda: op.attrgetter("zz")(a),
            lambda: op.concat(1, 2), lambda: op.indexOf([1], 2), lambda: op.index(1.5),
            lambda: op.add(1, "a"), lambda: op.length_hint(1, "x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
