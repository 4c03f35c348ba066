# The operator functions are _operator built-ins: types, reprs, each operator on built-in
# and user objects, the in-place forms, and the argument errors.
import operator as o, sys
print(type(o.add), repr(o.add), o.add.__module__, o.add.__qualname__, o.__add__ is o.add)
print(o.add(1, 2), o.sub(5, 3), o.mul('ab', 3), o.truediv(7, 2), o.floordiv(7, 2), o.mod(7, 3), o.pow(2, 10))
print(o.lt(1, 2), o.le(2, 2), o.eq([1], [1]), o.ne(1, 1), o.ge(3, 2), o.gt(1, 2))
print(o.not_([]), o.truth([1]), o.is_(None, None), o.is_not(1, None))
print(o.abs(-3), o.neg(4), o.pos(-2), o.inv(5), o.invert(0), o.and_(6, 3), o.or_(6, 3), o.xor(6, 3), o.lshift(1, 5), o.rshift(64, 2))
print(o.concat([1], [2]), o.concat('a', 'b'), o.contains([1, 2], 2), o.countOf([1, 2, 1], 1), o.indexOf('abc', 'c'))
d = {'a': 1}
o.setitem(d, 'b', 2); print(d, o.getitem(d, 'a')); o.delitem(d, 'a'); print(d)
l = [1]
print(o.iadd(l, [2]) is l, l, o.iconcat(l, [3]), o.imul([1], 2), o.iadd(1, 2), o.isub(5, 1), o.ipow(2, 3), o.ior({1}, {2}))
print(o.call(max, 3, 9, key=lambda x: -x), o._compare_digest(b'ab', b'ab') if hasattr(o, '_compare_digest') else None)
import _operator
print(_operator._compare_digest('abc', 'abd'), _operator._compare_digest(b'a', b'ab'))
class V:
    def __init__(self, v): self.v = v
    def __add__(self, other): return V(self.v + other.v)
    def __iadd__(self, other): self.v += other.v * 10; return self
    def __neg__(self): return V(-self.v)
    def __lt__(self, other): return self.v < other.v
    def __getitem__(self, i): return self.v * i
    def __matmul__(self, other): return self.v * other.v
    def __repr__(self): return f'V({self.v})'
a, b = V(1), V(2)
print(o.add(a, b), o.iadd(a, b), o.neg(a), o.lt(a, b), o.getitem(a, 3), o.matmul(a, b), o.concat(a, b))
for f, args, kw in [(o.add, (1,), {}), (o.add, (), {'a': 1}), (o.neg, (), {}), (o.neg, (1, 2), {}),
                    (o.getitem, (1,), {}), (o.call, (), {}), (o.not_, (), {}), (o.concat, (1, 2), {}),
                    (o.indexOf, ([1], 2), {}), (_operator._compare_digest, (1, 2), {}), (o.countOf, (1, 2), {}),
                    (o.add, (1, 2, 3), {}), (o.neg, (), {'x': 1}), (o.iconcat, (1, []), {}), (o.setitem, (1, 2), {}),
                    (o.add, (1, 'a'), {}), (o.neg, ('a',), {}), (o.concat, ({}, {}), {}), (_operator._compare_digest, ('é', 'a'), {})]:
    try:
        f(*args, **kw)
    except Exception as e:
        print(type(e).__name__, e)
