//! Scripts run by pyrt's interpreter and by a real CPython 3.12 (when one is installed), whose
//! stdout must be equal: the demos, and scripts for each part of the subset (statements,
//! expressions, builtins, methods, classes, exceptions, f-strings, refcounts). Each script is
//! one cross-check; without CPython (see [`pyrt_tests::cpython`]) the scripts still run through
//! pyrt, which must finish them without an uncaught exception, and count as skipped.

use pyrt_tests::cross_check;

const SCRIPTS: &[(&str, &str)] = &[
    ("sets_from_dicts", SETS_FROM_DICTS),
    (
        "demo sizes",
        include_str!("../../runtime/src/demos/sizes.py"),
    ),
    (
        "demo identity",
        include_str!("../../runtime/src/demos/identity.py"),
    ),
    (
        "demo growth",
        include_str!("../../runtime/src/demos/growth.py"),
    ),
    (
        "demo cycles",
        include_str!("../../runtime/src/demos/cycles.py"),
    ),
    (
        "demo finalizers",
        include_str!("../../runtime/src/demos/finalizers.py"),
    ),
    (
        "demo generations",
        include_str!("../../runtime/src/demos/generations.py"),
    ),
    (
        "statements",
        r#"
total = 0
for i in range(10):
    if i % 2 == 0:
        continue
    elif i == 7:
        break
    total += i
else:
    total = -1
n = 0
while n < 5:
    n += 1
a, (b, c) = 1, (2, 3)
x = y = [n]
del y
print(total, n, a, b, c, x)
def outer():
    global total
    total = 100
outer()
print(total)
"#,
    ),
    (
        "expressions",
        r#"
print(1 < 2 < 3, 1 < 3 < 2, 2 ** 10, 7 // 2, -7 // 2, 7 % -3, 1 / 4, 10 - 2 * 3)
print(not 0, 0 or 'x', 1 and [], 'a' if 2 > 1 else 'b', 3 in [1, 2, 3], 'b' not in 'abc')
print([x * x for x in range(6) if x % 2], {x: x * 2 for x in 'ab'}, {x % 3 for x in range(9)})
print(sum(x for x in range(101)), max([3, 9, 2]), min(4, 1, 7), sorted([3, 1, 2], reverse=True))
print(list(enumerate('ab')), list(zip([1, 2], 'xy')), abs(-3.5), divmod(17, 5))
print((1, 2) + (3,), [1] * 3, 'ab' * 2, 2 ** 100, 10 ** 20 // 7, 0.1 + 0.2, 1e300 * 10)
print(hash(1), hash('a') == hash('a'), type(1.5).__name__, isinstance(True, int), len({1: 2}))
"#,
    ),
    (
        "strings and f-strings",
        r#"
name, value = 'pi', 3.14159265
print(f'{name:>6}|{value:.3f}|{1234567:,}|{255:#x}|{0.5:%}|{name!r}|{value=}')
print('a,b,,c'.split(','), ' x  y '.split(), '-'.join(['1', '2']), '  pad  '.strip(), 'Ab'.upper())
print('hello'.replace('l', 'L'), 'hello'.find('l'), 'hello'.count('l'), 'hello'.startswith('he'))
print(repr('it\'s'), repr("a\nb"), str(b'xy'), ascii_free := 'é', len('😀'), ord('A'), chr(8364))
"#,
    ),
    (
        "containers and methods",
        r#"
import sys
l = [3, 1, 2]
l.append(4); l.insert(0, 0); l.extend((5, 6)); l.remove(3); l.sort(); l.reverse()
print(l, l.pop(), l.pop(0), l.index(2), l.count(1), sys.getsizeof(l))
d = {'a': 1}
d['b'] = 2; d.setdefault('c', 3); d.update({'d': 4})
print(d, d.get('z'), d.get('a', 0), d.pop('a'), d.popitem(), list(d.keys()), sys.getsizeof(d))
print(d.keys(), d.values(), d.items())
s = {1, 2, 3}
s.add(4); s.discard(1); s.update([7, 8])
print(s, s | {9}, s & {2, 3}, s - {2}, s ^ {3, 10}, s.issubset(range(20)), sys.getsizeof(s))
t = tuple(l)
print(t, t[1:3], l[::1][:2], 'hello'[1:4], b'bytes'[2], frozenset([1, 2]) == {1, 2})
"#,
    ),
    (
        "classes",
        r#"
import sys
class Base:
    kind = 'base'
    def __init__(self, v):
        self.v = v
    def show(self):
        return f'{self.kind}:{self.v}'
class Child(Base):
    kind = 'child'
    def double(self):
        return self.v * 2
c = Child(21)
print(c.show(), c.double(), Child.kind, sys.getsizeof(c), c.__dict__, type(c).__name__)
print(isinstance(c, Base), hasattr(c, 'v'), getattr(c, 'w', 'none'))
setattr(c, 'w', 5)
m = c.double
print(m(), c.w, sys.getsizeof(c.__dict__))
class Slotted:
    __slots__ = ('a', 'b')
s = Slotted()
s.a = 1
try:
    s.c = 3
except AttributeError as e:
    print('AttributeError:', e)
try:
    s.b
except AttributeError as e:
    print('AttributeError:', e)
"#,
    ),
    (
        "exceptions",
        r#"
def risky(n):
    if n == 0:
        raise ValueError('zero')
    return 10 // n
for n in (2, 0, 'x'):
    try:
        print(risky(n))
    except ValueError as e:
        print('ValueError', e, e.args)
    except (TypeError, KeyError) as e:
        print(type(e).__name__, e)
    finally:
        print('finally', n)
try:
    {}['missing']
except LookupError as e:
    print(repr(e), str(e))
try:
    [1][5]
except IndexError as e:
    print(e)
try:
    assert 1 == 2, 'nope'
except AssertionError as e:
    print('assert', e)
"#,
    ),
    (
        "refcounts",
        r#"
import sys
a = []
b = [a, a]
print(sys.getrefcount(a))
def f(x):
    return sys.getrefcount(x)
print(f(a))
d = {'k': a}
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
for item in [a]:
    print(sys.getrefcount(item))
x = 123456789
print(sys.getrefcount(x), sys.getrefcount(None) == sys.getrefcount(True))
"#,
    ),
    (
        "namedtuple and sys",
        r#"
import sys
from collections import namedtuple
Point = namedtuple('Point', ['x', 'y'])
p = Point(3, 4)
print(p, p.x + p.y, p == (3, 4), sys.getsizeof(p), Point._fields if hasattr(Point, '_fields') else p._fields)
print(sys.version_info[:2], sys.version_info.major, sys.getrecursionlimit(), sys.intern('ab' + 'c') is 'abc')
"#,
    ),
    (
        "list subclasses",
        r#"
import sys
class MyList(list):
    pass
m = MyList()
print(sys.getsizeof([]), sys.getsizeof(m))
m.append(1)
m.append(2)
print(len(m), sys.getsizeof(m), m, type(m).__name__, isinstance(m, list))
m.tag = 'x'
print(m.tag, m + [3], m == [1, 2], MyList([5, 6]), sys.getsizeof(MyList(range(3))))
class Stack(list):
    def __init__(self, name):
        self.name = name
    def push(self, v):
        self.append(v)
s = Stack('s')
s.push(1)
print(s, s.name, len(s))
"#,
    ),
    (
        "extended slices",
        r#"
import sys
s = 'hello world'
l = list(range(10))
t = tuple(l)
print(s[::-1], s[::2], s[1:8:3], s[-3:], s[:-20], s[5:2], s[::-3])
print(l[::2], l[::-1], l[8:2:-2], l[-1:-5:-1], sys.getsizeof(l[::2]), sys.getsizeof(l[1:5]))
print(t[::3], t[::-1][:3], b'abcdef'[::2], s[:] is s, t[:] is t, l[:] is l)
print(s[0:1] is 'h', s[::5])
"#,
    ),
    (
        "slice assignment",
        r#"
import sys
l = list(range(10))
l[2:5] = ['a', 'b']
print(l, sys.getsizeof(l))
l[:0] = [0] * 20
print(len(l), sys.getsizeof(l))
l[5:25] = []
print(l, sys.getsizeof(l))
l[:] = l
print(l, sys.getsizeof(l))
l[1:1] = 'xyz'
print(l, sys.getsizeof(l))
l[:] = []
print(l, sys.getsizeof(l))
m = [1, 2, 3]
m[-1:] = range(5)
print(m, sys.getsizeof(m))
"#,
    ),
];

#[test]
fn scripts_print_what_cpython_prints() {
    let check = cross_check(SCRIPTS.len());
    for (name, source) in SCRIPTS {
        let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture("script.py", source));
        assert_eq!(err, None, "{name}: pyrt failed");
        if let Some(check) = &check {
            let expected = check.python().run(source).join("\n") + "\n";
            assert_eq!(out, expected, "{name}");
            check.compared(1);
        }
    }
}

/// `set(d)` and `s.update(d)` take a dict's keys, in a table grown as CPython grows it.
const SETS_FROM_DICTS: &str = r#"import sys
d = {'a': 1, 'b': 2, 'c': 3}
print(sorted(set(d)), sys.getsizeof(set(d)))
s = {'z'}
s.update(d)
print(sorted(s), sys.getsizeof(s))
big = {i: i for i in range(100)}
t = set(big)
print(len(t), sys.getsizeof(t), sys.getsizeof(frozenset(big)))
u = {1, 2}
u.update(big)
print(len(u), sys.getsizeof(u))
"#;

/// CPython 3.12.1's output for [`SETS_FROM_DICTS`], checked without CPython too: pyrt used to
/// read the dict as if it were a set and make an empty set.
#[test]
fn sets_made_from_dicts_hold_their_keys() {
    let (out, err) =
        pyrt::Runtime::new().with(|py| py.run_capture("sets_from_dicts.py", SETS_FROM_DICTS));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "['a', 'b', 'c'] 216\n['a', 'b', 'c', 'z'] 216\n100 4312 4312\n100 4312\n"
    );
}
