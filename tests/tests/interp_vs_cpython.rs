//! Scripts run by pyrt's interpreter and by a real CPython 3.12 (when one is installed), whose
//! stdout must be equal: the demos, and scripts for each part of the subset (statements,
//! expressions, builtins, methods, classes, exceptions, f-strings, refcounts). Each script is
//! one cross-check; without CPython (see [`pyrt_tests::cpython`]) the scripts still run through
//! pyrt, which must finish them without an uncaught exception, and count as skipped.

use pyrt_interp::RunScripts as _;
use pyrt_tests::cross_check;

const SCRIPTS: &[(&str, &str)] = &[
    ("sets_from_dicts", SETS_FROM_DICTS),
    ("dict_update_arguments", DICT_UPDATE_ARGUMENTS),
    ("dict_mutated_by_finalizers", DICT_MUTATED_BY_FINALIZERS),
    ("frozenset_is_immutable", FROZENSET_IS_IMMUTABLE),
    ("tuple_repeat_sizes", TUPLE_REPEAT_SIZES),
    ("recursive_tuple_reprs", RECURSIVE_TUPLE_REPRS),
    ("set_finalizers", SET_FINALIZERS),
    ("demo sizes", include_str!("../../cli/src/demos/sizes.py")),
    (
        "demo identity",
        include_str!("../../cli/src/demos/identity.py"),
    ),
    ("demo growth", include_str!("../../cli/src/demos/growth.py")),
    ("demo cycles", include_str!("../../cli/src/demos/cycles.py")),
    (
        "demo finalizers",
        include_str!("../../cli/src/demos/finalizers.py"),
    ),
    (
        "demo generations",
        include_str!("../../cli/src/demos/generations.py"),
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

/// `d.update(...)`, `dict(...)` and `{**x}` with every kind of argument (`dict_update_common`,
/// `dict_update_arg`, `PyDict_MergeFromSeq2`, `DICT_UPDATE`), and an instance `__dict__` updated
/// while still split.
const DICT_UPDATE_ARGUMENTS: &str = r#"import sys
c = {}
c.update([(1, 2), (3, 4)])
print(c)
try:
    x = {**[(1, 2)]}
except TypeError as e:
    print("TypeError:", e)
class A: pass
a = A()
a.__dict__.update({"x": 1})
b = A()
b.y = 1
print(a.__dict__, b.__dict__, a.x)
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
d = {}
d.update({"x": 1}, y=2)
print(d)
d.update(z=3)
d.update([], a=1)
print(d, dict({"a": 1}, b=2))
def f1(): d.update(1, 2)
def f2(): d.update(5)
def f3(): dict(1, 2)
def f4(): d.update([(1,)])
def f5(): d.update([1])
def f6(): return {**[(1, 2)]}
def f7(): d.update([[1, 2], (3, 4), 'ab'])
def f8(): return dict([(1, 2)], x=3)
def f9(): d.update([(1, 2, 3)])
def f10(): return {**5}
def f11(): dict(5)
def f12(): d.get(1, default=2)
def f13(): return dict([(5, 6), 7])
for f in [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13]:
    try:
        print(f(), d)
    except Exception as e:
        print(type(e).__name__, e)
"#;

/// CPython 3.12.1's output for [`DICT_UPDATE_ARGUMENTS`], checked without CPython too: pyrt read
/// a list (or an int) as a dict and crashed, freed a class's shared keys when the first update
/// of an empty instance `__dict__` cloned its source, and dropped keyword arguments.
#[test]
fn dict_update_takes_mappings_pairs_and_keywords() {
    let (out, err) = pyrt::Runtime::new()
        .with(|py| py.run_capture("dict_update_arguments.py", DICT_UPDATE_ARGUMENTS));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "{1: 2, 3: 4}\n\
         TypeError: 'list' object is not a mapping\n\
         {'x': 1} {'y': 1} 1\n\
         184 288\n\
         {'x': 1, 'y': 2}\n\
         {'x': 1, 'y': 2, 'z': 3, 'a': 1} {'a': 1, 'b': 2}\n\
         TypeError update expected at most 1 argument, got 2\n\
         TypeError 'int' object is not iterable\n\
         TypeError dict expected at most 1 argument, got 2\n\
         ValueError dictionary update sequence element #0 has length 1; 2 is required\n\
         TypeError cannot convert dictionary update sequence element #0 to a sequence\n\
         TypeError 'list' object is not a mapping\n\
         None {'x': 1, 'y': 2, 'z': 3, 'a': 'b', 1: 2, 3: 4}\n\
         {1: 2, 'x': 3} {'x': 1, 'y': 2, 'z': 3, 'a': 'b', 1: 2, 3: 4}\n\
         ValueError dictionary update sequence element #0 has length 3; 2 is required\n\
         TypeError 'int' object is not a mapping\n\
         TypeError 'int' object is not iterable\n\
         TypeError dict.get() takes no keyword arguments\n\
         TypeError cannot convert dictionary update sequence element #1 to a sequence\n\
         "
    );
}

/// `__del__` methods run by a dict's own operations (a value replaced or removed) that change
/// that dict: CPython's checks and restarts, no read of a freed entry.
const DICT_MUTATED_BY_FINALIZERS: &str = r#"class D:
    def __init__(self, name, action):
        self.name = name
        self.action = action
    def __del__(self):
        print("del", self.name)
        self.action()

def clear_d():
    d.clear()
d = {'a': D('a', clear_d), 'b': 2}
d.update([('a', 1), ('c', 3)])
print(d)

def add_z():
    d['z'] = 26
d = {'a': D('a', add_z)}
d.clear()
print(d)

def grow():
    d['new'] = 0
d = {'a': D('a', grow), 'b': 1}
try:
    for k in d:
        d[k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)

def shrink():
    del d['b']
d = {'a': D('a', shrink), 'b': 1, 'c': 2}
try:
    for k in d.keys():
        d[k] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)

def refill():
    for i in range(10):
        e[str(i)] = i
e = {'k': D('k', refill)}
e.update(dict([('k', 0), ('j', 1)]))
print(len(e), sorted(e))

class A:
    pass
a = A()
def wipe():
    a.__dict__.clear()
    a.w = 'w'
a.x = D('x', wipe)
a.__dict__.update([('x', 1), ('y', 2)])
print(a.__dict__)
p = {'p': D('p', clear_d)}
print(sorted(d))
d = {'q': 1}
del p['p']
print(d, p)
"#;

/// CPython 3.12.1's output for [`DICT_MUTATED_BY_FINALIZERS`], checked without CPython too.
#[test]
fn finalizers_that_change_a_dict_during_its_operations() {
    let (out, err) = pyrt::Runtime::new()
        .with(|py| py.run_capture("dict_mutated_by_finalizers.py", DICT_MUTATED_BY_FINALIZERS));
    assert_eq!(err, None);
    assert_eq!(
        out,
        "del a\n\
         {'c': 3}\n\
         del a\n\
         {'z': 26}\n\
         del a\n\
         RuntimeError: dictionary changed size during iteration\n\
         {'a': 0, 'b': 1, 'new': 0}\n\
         del a\n\
         RuntimeError: dictionary changed size during iteration\n\
         {'a': 0, 'c': 2}\n\
         del k\n\
         12 ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'j', 'k']\n\
         del x\n\
         {'w': 'w', 'y': 2}\n\
         ['a', 'c']\n\
         del p\n\
         {} {}\n\
         "
    );
}

/// A frozenset has none of `set`'s mutating methods, and `fs |= x` (`&=`, `-=`, `^=`) rebinds
/// `fs` to a new frozenset instead of changing the one other names see.
const FROZENSET_IS_IMMUTABLE: &str = r#"fs = frozenset({1, 2})
for name in ["add", "update", "clear", "pop", "discard", "remove"]:
    try:
        getattr(fs, name)
        print(name, "present")
    except AttributeError as e:
        print("AttributeError:", e)
try:
    fs.add(3)
except AttributeError as e:
    print("AttributeError:", e)
g = fs
fs |= {3}
print(fs, g, fs is g)
fs &= {1, 3}
print(fs, g)
fs -= {1}
print(fs, g)
fs ^= {5}
print(fs, g, type(fs).__name__)
s = {1}
t = s
s |= frozenset({2})
print(s, t, s is t)
print(fs.copy() is fs, fs.union({9}), fs.intersection([3]))
"#;

/// `t * n` checks the size before allocating (`MemoryError`, the script goes on), and an empty
/// tuple repeated any number of times is `()` at once.
const TUPLE_REPEAT_SIZES: &str = r#"try:
    t = (0,) * 10**12
except MemoryError as e:
    print("MemoryError", repr(e))
print(() * (2**63 - 1))
print(len((1, 2) * 3), (1, 2) * 0, (1,) * -5)
try:
    (1, 2) * (2**62)
except MemoryError as e:
    print("MemoryError", repr(e))
try:
    (1, 2) * (2**63)
except OverflowError as e:
    print("OverflowError", e)
try:
    t = (0,) * (2**60 // 8)
except MemoryError as e:
    print("MemoryError", repr(e))
t = (1, 2)
print((() + t) is t, (t + ()) is t, (t * 1) is t, t * 2 + t)
print("done")
"#;

/// A tuple met again inside its own repr is `(...)` (`Py_ReprEnter` in `tuplerepr`).
const RECURSIVE_TUPLE_REPRS: &str = r#"l = []
t = (l,)
l.append(t)
print(l, t)
print(repr(t), str(l))
t2 = (1, [])
t2[1].append(t2)
print(t2)
print(t2[1])
d = {}
t3 = (d, 2)
d["k"] = t3
print(d, t3)
l2 = [{}]
t4 = (l2, l2)
l2[0][1] = t4
print(t4, l2)
print((), ((),), (l, l))
s = {(1, (2, 3)), ()}
print(sorted(s))
"#;

/// Finalizers that change a set while it is discarding or clearing, and changes during
/// iteration.
const SET_FINALIZERS: &str = r#"class Grow:
    def __del__(self):
        for i in range(100, 140):
            s.add(i)
        print("del ran, len", len(s))

def first_object(c):
    for x in c:
        if not isinstance(x, int):
            return x

s = {1, 2, 3}
g = Grow()
s.add(g)
del g
print("before discard", len(s))
s.discard(first_object(s))
print(sorted(s)[:5], len(s))

class Refill:
    def __del__(self):
        s.add("refilled")
        print("refill ran, len", len(s))

s = {Refill(), 1}
s.clear()
print(s)

class Mut:
    def __del__(self):
        s2.add(99)

s2 = {1, 2}
s2.add(Mut())
try:
    for x in s2:
        if not isinstance(x, int):
            s2.discard(x)
except RuntimeError as e:
    print("RuntimeError:", e)
print(sorted(s2))

s3 = {1, 2, 3}
try:
    for x in s3:
        s3.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(len(s3))
"#;

/// CPython 3.12.1's output for each script, checked without CPython too.
#[test]
fn sets_and_tuples_print_what_cpython_3_12_1_prints() {
    let cases = [
        (
            "frozenset_is_immutable",
            FROZENSET_IS_IMMUTABLE,
            // pyrt used to find `add` & co. on a frozenset and change it in place.
            "AttributeError: 'frozenset' object has no attribute 'add'\nAttributeError: 'frozenset' object has no attribute 'update'\nAttributeError: 'frozenset' object has no attribute 'clear'\nAttributeError: 'frozenset' object has no attribute 'pop'\nAttributeError: 'frozenset' object has no attribute 'discard'\nAttributeError: 'frozenset' object has no attribute 'remove'\nAttributeError: 'frozenset' object has no attribute 'add'\nfrozenset({1, 2, 3}) frozenset({1, 2}) False\nfrozenset({1, 3}) frozenset({1, 2})\nfrozenset({3}) frozenset({1, 2})\nfrozenset({3, 5}) frozenset({1, 2}) frozenset\n{1, 2} {1, 2} True\nTrue frozenset({9, 3, 5}) frozenset({3})\n",
        ),
        (
            "tuple_repeat_sizes",
            TUPLE_REPEAT_SIZES,
            // pyrt used to abort on `(0,) * 10**12` and hang on `() * (2**63 - 1)`.
            "MemoryError MemoryError()\n()\n6 () ()\nMemoryError MemoryError()\nOverflowError cannot fit 'int' into an index-sized integer\nMemoryError MemoryError()\nTrue True True (1, 2, 1, 2, 1, 2)\ndone\n",
        ),
        (
            "recursive_tuple_reprs",
            RECURSIVE_TUPLE_REPRS,
            // pyrt used to print `([([...],)],)` for the first tuple: one level too deep.
            "[([...],)] ([(...)],)\n([(...)],) [([...],)]\n(1, [(...)])\n[(1, [...])]\n{'k': ({...}, 2)} ({'k': (...)}, 2)\n([{1: (...)}], [{1: (...)}]) [{1: ([...], [...])}]\n() ((),) ([([...],)], [([...],)])\n[(), (1, (2, 3))]\n",
        ),
        (
            "set_finalizers",
            SET_FINALIZERS,
            "before discard 4\ndel ran, len 43\n[1, 2, 3, 100, 101] 43\nrefill ran, len 1\n{'refilled'}\nRuntimeError: Set changed size during iteration\n[1, 2]\nRuntimeError: Set changed size during iteration\n4\n",
        ),
    ];
    for (name, script, expected) in cases {
        let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture(name, script));
        assert_eq!(err, None, "{name}");
        assert_eq!(out, expected, "{name}");
    }
}
