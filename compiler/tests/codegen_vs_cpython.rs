//! The code generator against CPython 3.12.1's: for every snippet of a corpus covering each
//! statement and expression form, the module's unoptimised instruction sequence
//! (`_testinternalcapi.compiler_codegen`: opcode, argument, jump targets as instruction
//! indices, and the four position numbers of every instruction) and the unit's metadata
//! (constants, names, variables, cells, free variables, argument counts) must be CPython's,
//! as must the compile-time errors (`SyntaxError` message and line). Nested functions,
//! classes and comprehensions appear as code constants, compared by qualified name.
//!
//! The end-to-end test compiles the same corpus plus function-level snippets with
//! [`pyrt_compiler::compile_module`] (code generator, optimiser and assembler) and compares
//! the whole tree of code objects with `compile()`'s, field by field: `co_code`, constants,
//! names, variables, cells, free variables, flags, stack size, first line, argument counts,
//! `co_linetable` and `co_exceptiontable`.

use pyrt_compiler::code::{CodeObject, Constant};
use pyrt_compiler::codegen::module_sequence;
use pyrt_compiler::error::ErrorKind;
use pyrt_compiler::instr::{InstrSequence, UnitMetadata};
use pyrt_tests::cpython::cross_check;

/// Module-level snippets: every construct the code generator handles, and its errors.
const CASES: &[&str] = &[
    "x = 1",
    "x = y",
    "x = y = z",
    "del x",
    "del x, y",
    "x = None; y = True; z = False; w = ...",
    "x = 1.5; y = 2j; z = 10**30; b = b'ab'; s = 'é'",
    "x = 'a' 'b'",
    "x = -1; y = +x; z = ~x; w = not x",
    "x = (1, 2, 3)",
    "x = (a, 2)",
    "x = [1, 2, 3]",
    "x = [a, b]",
    "x = [1, 2, 3, 4, a]",
    "x = {1, 2, 3}",
    "x = {a, b}",
    "x = {}",
    "x = {'a': 1, 'b': 2}",
    "x = {a: 1, b: 2}",
    "x = {'a': 1, **d, 'b': 2}",
    "x = {**a, **b}",
    "x = [*a, *b]",
    "x = [1, *a, 2]",
    "x = (*a, 1)",
    "x = {*a, 1}",
    "x = (1,)",
    "x = ()",
    "x = []",
    "a, b = c",
    "a, *b = c",
    "*a, b, c = d",
    "[a, [b, c]] = d",
    "a.b = c",
    "a[b] = c",
    "a[1:2] = c",
    "a[1:2:3] = c",
    "del a.b",
    "del a[b]",
    "del a[1:2]",
    "x = a[1:2]",
    "x = a[::2]",
    "x = a[:]",
    "x = a[1:2, 3]",
    "x = a.b.c",
    "x = a.b(1).c",
    "x = (a\n  .b)",
    "x = (a\n  .b\n  .c())",
    "x = a + b * c - d / e // f % g ** h",
    "x = a << b >> c & d | e ^ f @ g",
    "x = a < b",
    "x = a == b != c",
    "x = a < b < c",
    "x = a is b; y = a is not b; z = a in b; w = a not in b",
    "x = a <= b >= c > d",
    "x = a and b",
    "x = a or b or c",
    "x = a and (b or c)",
    "x = a if b else c",
    "x = (y := 5)",
    "x += 1",
    "x -= y",
    "a.b *= 2",
    "a[i] //= 3",
    "a[1:2] |= b",
    "x **= 2; x @= y; x >>= 1; x <<= 1; x &= 1; x ^= 1; x %= 2; x /= 2",
    "f()",
    "f(1, 2)",
    "f(a, b=1)",
    "f(a=1, b=2)",
    "f(*a)",
    "f(*a, *b)",
    "f(1, *a)",
    "f(**k)",
    "f(a, **k)",
    "f(a=1, **k)",
    "f(**k, a=1)",
    "f(*a, b=1)",
    "f(*a, **k)",
    "o.m()",
    "o.m(1, x=2)",
    "o.m(*a)",
    "o.a.m(1)",
    "f(x for x in y)",
    "f((x for x in y), 1)",
    "f(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39)",
    "f(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12, a13=13, a14=14, a15=15, a16=16, a17=17, a18=18, a19=19)",
    "print('hello', end='')",
    "import os\nos.path.join(a)",
    "import os\nos.getcwd()",
    "x = f'{a}'",
    "x = f'a{b}c'",
    "x = f'{a!r}{b!s}{c!a}'",
    "x = f'{a:>10}'",
    "x = f'{a:{w}}'",
    "x = f'{a:{w}.{p}f}'",
    "x = f'{a=}'",
    "x = f'{a = !s:>4}'",
    "x = f''",
    "x = f'abc'",
    "x = 'a' f'{b}' 'c'",
    "x = f'{a}' f'{b}'",
    "x = f'{a}{{}}'",
    "x = f'''{a\n}'''",
    "x = f'{a:}'",
    "f = lambda: 0",
    "f = lambda x, y=1, *a, z, w=2, **k: x",
    "f = lambda x: (yield x)",
    "x = [i for i in y]",
    "x = [i for i in y if i if j]",
    "x = [i * j for i in a for j in b]",
    "x = {i for i in y}",
    "x = {i: j for i, j in y}",
    "x = (i for i in y)",
    "x = (i for i in y if i for j in i)",
    "x = [[j for j in i] for i in y]",
    "x = [i for i in y for j in [i]]",
    "x = [i for i in y for j in (i,)]",
    "x = [lambda: i for i in y]",
    "x = [j for i in y if (j := i)]",
    "i = 0\nx = [i for i in range(3)]\ny = i",
    "if a:\n    b",
    "if a:\n    b\nelse:\n    c",
    "if a:\n    b\nelif c:\n    d\nelse:\n    e",
    "if a and b:\n    c",
    "if a or b:\n    c",
    "if not a:\n    b",
    "if a < b < c:\n    d",
    "if a if b else c:\n    d",
    "if __debug__:\n    x = 1",
    "if 0:\n    x = 1",
    "while a:\n    b",
    "while a:\n    if b: break\n    c\nelse:\n    d",
    "while True:\n    if a: continue\n    b",
    "for x in y:\n    pass",
    "for x in y:\n    if x: break\nelse:\n    z",
    "for a, b in c:\n    continue",
    "for x in [1, 2, 3]:\n    pass",
    "for x in a:\n    for y in b:\n        break",
    "try:\n    a\nexcept:\n    b",
    "try:\n    a\nexcept E:\n    b",
    "try:\n    a\nexcept E as e:\n    b",
    "try:\n    a\nexcept (E, F) as e:\n    b\nexcept G:\n    c\nelse:\n    d",
    "try:\n    a\nfinally:\n    b",
    "try:\n    a\nexcept E:\n    b\nfinally:\n    c",
    "try:\n    a\nexcept* E:\n    b",
    "try:\n    a\nexcept* E as e:\n    b\nexcept* F:\n    c",
    "for x in y:\n    try:\n        break\n    finally:\n        z",
    "for x in y:\n    try:\n        continue\n    except E:\n        pass",
    "for x in y:\n    try:\n        pass\n    except E as e:\n        break",
    "with a:\n    b",
    "with a as b:\n    c",
    "with a as b, c as d:\n    e",
    "with a as (b, c):\n    d",
    "for x in y:\n    with a:\n        break",
    "for x in y:\n    with a:\n        continue",
    "try:\n    pass\nfinally:\n    for x in y:\n        break",
    "raise",
    "raise E",
    "raise E from F",
    "assert a",
    "assert a, 'msg'",
    "assert (a, b)",
    "import a",
    "import a.b.c",
    "import a.b.c as d",
    "import a as b, c",
    "from a import b",
    "from a import b as c, d",
    "from . import a",
    "from ..a import b",
    "from a import *",
    "from __future__ import division\nx = 1",
    "'''doc'''\nfrom __future__ import generator_stop",
    "global x\nx = 1",
    "x: int",
    "x: int = 1",
    "a.b: int",
    "a[1]: int = 2",
    "(x): int = 1",
    "if a:\n    x: int",
    "x: list[int] = []",
    "a[1:2, 3]: int",
    "def f(): pass",
    "def f(a, b=1, *c, d, e=2, **f): return a",
    "def f(a, /, b): pass",
    "def f(a: int, *b: str, c: float = 1.0, **d: bool) -> None: pass",
    "@d\ndef f(): pass",
    "@d1\n@d2(x)\ndef f(): pass",
    "@d\n\n# comment\ndef f(): pass",
    "def f():\n    '''doc'''\n    return 1",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g",
    "def f():\n    yield 1",
    "def f():\n    yield from g()",
    "class C: pass",
    "class C(B): pass",
    "class C(B, metaclass=M): pass",
    "class C(*bases, **kw): pass",
    "@dec\nclass C:\n    x = 1",
    "class C:\n    '''doc'''\n    def f(self): return __class__",
    "class C:\n    def f(self): super().f()",
    "class C:\n    x: int = 1",
    "class C:\n    y = [i for i in x]",
    "class C:\n    __x = 1\n    def __f(self): return self.__x",
    "def f[T](x: T): pass",
    "class C[T]: pass",
    "type X = int",
    "type X[T] = list[T]",
    "class C[T: int, *Ts, **P](B): pass",
    "def f[T](a=1, *, b=2): pass",
    "match x:\n    case 1:\n        pass",
    "match x:\n    case 1 | 2:\n        pass\n    case _:\n        pass",
    "match x:\n    case [a, b]:\n        pass",
    "match x:\n    case [a, *rest]:\n        pass",
    "match x:\n    case [a, *_, b]:\n        pass",
    "match x:\n    case [*_]:\n        pass",
    "match x:\n    case {'a': 1, 'b': y}:\n        pass",
    "match x:\n    case {'a': 1, **rest}:\n        pass",
    "match x:\n    case {}:\n        pass",
    "match x:\n    case Point(x=0, y=yy):\n        pass",
    "match x:\n    case Point(1, 2):\n        pass",
    "match x:\n    case None:\n        pass\n    case True:\n        pass",
    "match x:\n    case a if a > 0:\n        pass\n    case _ if b:\n        pass",
    "match x:\n    case (a, b) | (b, a):\n        pass",
    "match x:\n    case [1, 2] as y:\n        pass",
    "match x:\n    case -1:\n        pass\n    case 1+2j:\n        pass",
    "match x:\n    case a.b:\n        pass",
    "match x:\n    case str() | bytes():\n        pass",
    "match x:\n    case y:\n        pass",
    "x",
    "1",
    "'string statement'",
    "pass",
    "x = yield",
    "x = [i async for i in y]",
    "return 1",
    "break",
    "continue",
    "yield x",
    "await x",
    "def f():\n    await x",
    "__debug__ = 1",
    "f(__debug__=1)",
    "a, *b, *c = d",
    "from __future__ import braces",
    "x = 1\nfrom __future__ import division",
    "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass",
    "def f(x): nonlocal y",
    "x = 1 + 2",
    "x = 'ab' * 3",
    "x = a in [1, 2, 3]",
    "x = a in {1, 2}",
    "x = (1, 2)[0]",
    "x = -(-1)",
    "if x:\n    pass\nelif y:\n    pass",
    "x = a.b(c).d[e](f)",
    "x = a(b)(c)",
    "x = [1, 2, 3][a]",
    "x = 'abc' f'{1}'",
    "def f(a, b):\n    return a, b",
    "x = not a == b",
    "if not (a and b):\n    c",
    "while not a:\n    pass",
    "while a or b:\n    pass",
    "x = [(yield)]",
    "x = [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34]",
    "x = (a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34)",
    "x = {'k0': a0, 'k1': a1, 'k2': a2, 'k3': a3, 'k4': a4, 'k5': a5, 'k6': a6, 'k7': a7, 'k8': a8, 'k9': a9, 'k10': a10, 'k11': a11, 'k12': a12, 'k13': a13, 'k14': a14, 'k15': a15, 'k16': a16, 'k17': a17, 'k18': a18, 'k19': a19}",
    "x = {k0: a0, k1: a1, k2: a2, k3: a3, k4: a4, k5: a5, k6: a6, k7: a7, k8: a8, k9: a9, k10: a10, k11: a11, k12: a12, k13: a13, k14: a14, k15: a15, k16: a16, k17: a17, k18: a18, k19: a19}",
    "o.m(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30)",
    "f(a0=0, a1=1, a2=2, a3=3, a4=4, a5=5, a6=6, a7=7, a8=8, a9=9, a10=10, a11=11, a12=12, a13=13, a14=14, a15=15, **k)",
    "x = f'{a0}{a1}{a2}{a3}{a4}{a5}{a6}{a7}{a8}{a9}{a10}{a11}{a12}{a13}{a14}{a15}{a16}{a17}{a18}{a19}{a20}{a21}{a22}{a23}{a24}{a25}{a26}{a27}{a28}{a29}{a30}{a31}'",
    "a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31, a32, a33, a34, a35, a36, a37, a38, a39, a40, a41, a42, a43, a44, a45, a46, a47, a48, a49, a50, a51, a52, a53, a54, a55, a56, a57, a58, a59, a60, a61, a62, a63, a64, a65, a66, a67, a68, a69, a70, a71, a72, a73, a74, a75, a76, a77, a78, a79, a80, a81, a82, a83, a84, a85, a86, a87, a88, a89, a90, a91, a92, a93, a94, a95, a96, a97, a98, a99, a100, a101, a102, a103, a104, a105, a106, a107, a108, a109, a110, a111, a112, a113, a114, a115, a116, a117, a118, a119, a120, a121, a122, a123, a124, a125, a126, a127, a128, a129, a130, a131, a132, a133, a134, a135, a136, a137, a138, a139, a140, a141, a142, a143, a144, a145, a146, a147, a148, a149, a150, a151, a152, a153, a154, a155, a156, a157, a158, a159, a160, a161, a162, a163, a164, a165, a166, a167, a168, a169, a170, a171, a172, a173, a174, a175, a176, a177, a178, a179, a180, a181, a182, a183, a184, a185, a186, a187, a188, a189, a190, a191, a192, a193, a194, a195, a196, a197, a198, a199, a200, a201, a202, a203, a204, a205, a206, a207, a208, a209, a210, a211, a212, a213, a214, a215, a216, a217, a218, a219, a220, a221, a222, a223, a224, a225, a226, a227, a228, a229, a230, a231, a232, a233, a234, a235, a236, a237, a238, a239, a240, a241, a242, a243, a244, a245, a246, a247, a248, a249, a250, a251, a252, a253, a254, a255, a256, *b = c",
    "a, *b, c, *d = e",
    "if a:\n    x = 1;",
    "def f():\n    return 1;",
    "while any(x for x in y):\n    pass",
    "x = '%s and %r' % (a, b)",
    "x = '%5d' % (a,)",
    "x = 'a%%b%s' % (a,)",
    "x = not (a is b)",
    "if not (a in b):\n    pass",
    "for x in [a, b]:\n    pass",
    "x = a in [b, c]",
    "'a' + 'b'\nx = 1",
    "x = {1, 1.0, True, 2}",
    "x = f'{a = # c\n}'",
    "try:\n    a\nexcept E: b;",
    "class C:\n    def f(self):\n        return 1;",
];

/// Function-level snippets for the end-to-end comparison (with [`CASES`]).
const FUNCTION_CASES: &[&str] = &[
    "def f(a, b):\n    return a + b",
    "def f(x):\n    def g():\n        return x\n    return g",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x += 1\n    g()\n    return x",
    "def f(x):\n    return lambda: x",
    "def f(a, *args, **kw):\n    return f(*args, **kw)",
    "def f():\n    yield 1\n    yield 2",
    "def f(xs):\n    for x in xs:\n        yield x * 2",
    "def f():\n    x = yield\n    return x",
    "def f(it):\n    yield from it",
    "def f():\n    try:\n        return 1\n    finally:\n        print('x')",
    "def f():\n    try:\n        return g()\n    finally:\n        h()",
    "def f():\n    for x in y:\n        try:\n            return x\n        finally:\n            pass",
    "def f():\n    with a as b:\n        return b",
    "def f():\n    with a:\n        for x in y:\n            return x",
    "def f():\n    try:\n        g()\n    except E as e:\n        return e",
    "def f():\n    try:\n        g()\n    except E:\n        return 1\n    else:\n        return 2",
    "def f(x):\n    if x:\n        return 1\n    elif x > 2:\n        return 2\n    return 3",
    "def f(n):\n    while n:\n        n -= 1\n    else:\n        return n",
    "def f(xs):\n    return [x for x in xs if x]",
    "def f(xs):\n    return {x: y for x, y in xs}",
    "def f(xs):\n    return (x for x in xs)",
    "def f(xs):\n    return [lambda: x for x in xs]",
    "def f(xs):\n    y = 1\n    return [x + y for x in xs]",
    "def f():\n    global g\n    g = 1",
    "def f():\n    import os\n    return os",
    "def f():\n    from os import path as p\n    return p",
    "def f(a, /, b, *, c):\n    return a, b, c",
    "def f(a=1, *, b=2):\n    return a, b",
    "def f():\n    '''Docstring.'''\n    return 1",
    "def f():\n    pass",
    "def f():\n    x = 1\n    del x",
    "def f(x):\n    match x:\n        case [a, b]:\n            return a\n        case {'k': v}:\n            return v\n        case _:\n            return None",
    "def f(x):\n    match x:\n        case int(n) | float(n):\n            return n",
    "class C:\n    def __init__(self):\n        self.x = 1\n    def get(self):\n        return self.x",
    "class C(B):\n    def f(self):\n        return super().f()",
    "class C(B):\n    def f(self, x):\n        return super().g(x)",
    "class C:\n    def f(self):\n        return __class__",
    "class C:\n    x = 1\n    def f(self):\n        return x",
    "class C:\n    @property\n    def p(self):\n        return 1",
    "class C:\n    @staticmethod\n    def s():\n        pass\n    @classmethod\n    def c(cls):\n        return cls",
    "def outer():\n    class Inner:\n        pass\n    return Inner",
    "def f(x):\n    def g(y):\n        def h():\n            return x + y\n        return h\n    return g",
    "def f():\n    try:\n        pass\n    except* E:\n        pass",
    "def f():\n    a = b = c = 1\n    return a, b, c",
    "def f(x):\n    return x if x else -x",
    "def f(x):\n    assert x, 'bad'\n    return x",
    "def f(x):\n    x.a += 1\n    x[0] -= 1\n    x[1:2] *= 2",
    "def f():\n    raise ValueError('x') from None",
    "def f(s):\n    return f'{s!r:>{10}}'",
    "def f():\n    return [(yield x) for x in y]",
    "def f():\n    for i in range(10):\n        if i:\n            continue\n        break",
    "def f():\n    x: int = 1\n    return x",
    "def f(*, a): return a",
    "def f[T](x: T) -> T:\n    return x",
    "class C[T]:\n    def m(self) -> T: ...",
    "type A[T] = list[T]",
    "def f(x):\n    return (y := x + 1), y",
    "def f(xs):\n    return [y for x in xs if (y := x)]",
    "def f(a, b):\n    return a < b < 10",
    "def f(a, b):\n    if a < b < 10:\n        return 1",
    "def f(x):\n    with open(x) as f, open(x) as g:\n        return f.read() + g.read()",
    "def f():\n    try:\n        try:\n            pass\n        finally:\n            return 1\n    finally:\n        return 2",
    "def f():\n    while True:\n        try:\n            break\n        except:\n            pass",
    "x = 0\ndef f():\n    return x",
    "def f(a):\n    return a.b.c(a, *a, k=1, **a)",
    "def f():\n    l = [i for i in range(3)]\n    s = {i for i in range(3)}\n    return l, s",
    "def f(x):\n    return x[0], x[1:], x[::2], x[1:2:3]",
    "def f(d):\n    return {**d, 'a': 1}",
    "def f():\n    return 1 if 0 else 2",
    "def gen():\n    try:\n        yield 1\n    finally:\n        print('done')",
    "def f():\n    class A:\n        def m(self):\n            return A\n    return A",
    "def f(x):\n    del x\n    x = 2\n    return x",
    "def f():\n    print(x)\n    x = 1",
];

/// What pyrt refuses to compile although CPython compiles it: coroutines.
const REFUSED: &[&str] = &[
    "async def f(): pass",
    "def f():\n    async with a:\n        pass",
    "x = (i async for i in y)",
    "async def f():\n    await x",
];

/// Prints, for each case, one JSON line: CPython's code generator output or its error.
const ORACLE: &str = r#"
import ast, json, sys, types, _testinternalcapi as t
def rep(v):
    if isinstance(v, frozenset):
        return 'frozenset{' + ', '.join(sorted(map(rep, v))) + '}'
    return 'code:' + v.co_qualname if isinstance(v, types.CodeType) else repr(v)
def val(k):
    return k[1] if type(k) is tuple else k
import warnings
warnings.simplefilter('ignore')
for src in json.loads(CASES):
    try:
        # compile() first: compiler_codegen crashes on some invalid modules ('x = yield').
        compile(src, '<s>', 'exec')
        insts, meta = t.compiler_codegen(ast.parse(src), '<s>', 0, 0)
    except (SyntaxError, RecursionError) as e:
        line = getattr(e, 'lineno', None)
        print(json.dumps({'error': '%s: %s (line %s)' % (type(e).__name__, getattr(e, 'msg', str(e)), line)}))
        continue
    order = lambda d: [k for k, i in sorted(d.items(), key=lambda kv: kv[1])]
    print(json.dumps({
        'instrs': [list(i) for i in insts],
        'consts': [rep(val(k)) for k in order(meta['consts'])],
        'names': order(meta['names']),
        'varnames': sorted([k, i] for k, i in meta['varnames'].items()),
        'cellvars': sorted([k, i] for k, i in meta['cellvars'].items()),
        'freevars': sorted([k, i] for k, i in meta['freevars'].items()),
        'argcount': meta['argcount'] + meta['posonlyargcount'],
        'posonlyargcount': meta['posonlyargcount'],
        'kwonlyargcount': meta['kwonlyargcount'],
    }, sort_keys=True))
"#;

/// A constant as the oracle prints it: `repr()`, `code:` and the qualified name for code,
/// and the sorted items of a frozenset (whose order depends on string hashes).
fn const_text(c: &Constant) -> String {
    match c {
        Constant::Code(code) => format!("code:{}", code.qualname),
        Constant::FrozenSet(items) => {
            let mut texts: Vec<String> = items.iter().map(const_text).collect();
            texts.sort();
            format!("frozenset{{{}}}", texts.join(", "))
        }
        other => other.repr(),
    }
}

/// Our code generator's output for one case, in the oracle's JSON shape.
fn ours(src: &str) -> serde_json::Value {
    use serde_json::json;
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => return json!({ "error": format!("parse error: {e}") }),
    };
    match module_sequence(parsed.syntax(), src, "<s>") {
        Ok((seq, meta)) => sequence_json(&seq, &meta),
        Err(e) => {
            let kind = match e.kind {
                ErrorKind::Recursion => "RecursionError",
                ErrorKind::Indentation => "IndentationError",
                ErrorKind::Memory => "MemoryError",
                _ => "SyntaxError",
            };
            json!({ "error": format!("{kind}: {} (line {})", e.message, e.location.lineno) })
        }
    }
}

/// An instruction sequence and its metadata as JSON, jump targets as instruction indices.
fn sequence_json(seq: &InstrSequence, meta: &UnitMetadata) -> serde_json::Value {
    use serde_json::json;
    let instrs: Vec<serde_json::Value> = seq
        .instrs
        .iter()
        .map(|i| {
            let arg = if i.op.is_jump() || i.op.is_block_push() {
                seq.labels[i.arg as usize].map_or(-1, |t| t as i64)
            } else {
                i64::from(i.arg)
            };
            json!([
                i.op as u16,
                arg,
                i.loc.lineno,
                i.loc.end_lineno,
                i.loc.col_offset,
                i.loc.end_col_offset
            ])
        })
        .collect();
    let numbered = |names: &[std::rc::Rc<str>], offset: usize| {
        let mut v: Vec<(String, usize)> = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.to_string(), i + offset))
            .collect();
        v.sort();
        v
    };
    json!({
        "instrs": instrs,
        "consts": meta.consts.iter().map(const_text).collect::<Vec<_>>(),
        "names": meta.names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        "varnames": numbered(&meta.varnames, 0),
        "cellvars": numbered(&meta.cellvars, 0),
        "freevars": numbered(&meta.freevars, meta.cellvars.len()),
        "argcount": meta.argcount,
        "posonlyargcount": meta.posonlyargcount,
        "kwonlyargcount": meta.kwonlyargcount,
    })
}

/// Where two outputs first differ, readably.
fn describe(src: &str, want: &serde_json::Value, got: &serde_json::Value) -> String {
    let mut out = format!("--- {src:?}\n");
    if let (Some(w), Some(g)) = (want["instrs"].as_array(), got["instrs"].as_array()) {
        for i in 0..w.len().max(g.len()) {
            let (a, b) = (w.get(i), g.get(i));
            if a != b {
                out.push_str(&format!(
                    "  instr {i}: cpython {a:?}\n             ours   {b:?}\n"
                ));
                break;
            }
        }
        for key in [
            "consts", "names", "varnames", "cellvars", "freevars", "argcount",
        ] {
            if want[key] != got[key] {
                out.push_str(&format!(
                    "  {key}: cpython {}\n          ours   {}\n",
                    want[key], got[key]
                ));
            }
        }
    } else {
        out.push_str(&format!("  cpython {want}\n  ours    {got}\n"));
    }
    out
}

#[test]
fn code_generation_matches_cpython() {
    let Some(check) = cross_check(CASES.len()) else {
        return;
    };
    let cases_json = serde_json::to_string(&serde_json::to_string(CASES).unwrap()).unwrap();
    let script = format!("CASES = {cases_json}\n{ORACLE}");
    let lines = check.python().run(&script);
    assert_eq!(lines.len(), CASES.len(), "one oracle line per case");
    let mut failures = Vec::new();
    for (src, line) in CASES.iter().zip(&lines) {
        let want: serde_json::Value = serde_json::from_str(line).expect("oracle JSON");
        let got = ours(src);
        if want != got {
            failures.push(describe(src, &want, &got));
        }
        check.compared(1);
    }
    let passed = CASES.len() - failures.len();
    eprintln!("codegen vs CPython: {passed}/{} cases equal", CASES.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("")
    );
}

#[test]
fn coroutines_are_refused_clearly() {
    for src in REFUSED {
        let parsed = ruff_python_parser::parse_module(src).expect("parses");
        let err = module_sequence(parsed.syntax(), src, "<s>").expect_err("refused");
        assert_eq!(err.kind, ErrorKind::Syntax);
        assert!(
            err.message.starts_with("async/await are not supported ("),
            "{src:?}: {}",
            err.message
        );
    }
}

/// Prints, for each case, the tree of code objects `compile()` makes, one JSON object each
/// (depth first), or the error.
const ORACLE_E2E: &str = r#"
import json, types, warnings
warnings.simplefilter('ignore')
def rep(v):
    if isinstance(v, frozenset):
        return 'frozenset{' + ', '.join(sorted(map(rep, v))) + '}'
    return 'code:' + v.co_qualname if isinstance(v, types.CodeType) else repr(v)
def walk(co, out):
    out.append({
        'name': co.co_name, 'qualname': co.co_qualname, 'code': co.co_code.hex(),
        'consts': [rep(c) for c in co.co_consts], 'names': list(co.co_names),
        'varnames': list(co.co_varnames), 'cellvars': list(co.co_cellvars),
        'freevars': list(co.co_freevars), 'flags': co.co_flags,
        'stacksize': co.co_stacksize, 'firstlineno': co.co_firstlineno,
        'argcount': co.co_argcount, 'posonlyargcount': co.co_posonlyargcount,
        'kwonlyargcount': co.co_kwonlyargcount, 'linetable': co.co_linetable.hex(),
        'exceptiontable': co.co_exceptiontable.hex(),
    })
    for c in co.co_consts:
        if isinstance(c, types.CodeType):
            walk(c, out)
for src in json.loads(CASES):
    try:
        co = compile(src, '<s>', 'exec')
    except (SyntaxError, RecursionError) as e:
        print(json.dumps({'error': '%s: %s (line %s)' % (type(e).__name__, e.msg if hasattr(e, 'msg') else e, getattr(e, 'lineno', None))}))
        continue
    out = []
    walk(co, out)
    print(json.dumps({'codes': out}, sort_keys=True))
"#;

/// Lower-case hex of bytes.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A code object and those nested in it, depth first, in the oracle's JSON shape.
fn walk(code: &CodeObject, out: &mut Vec<serde_json::Value>) {
    use serde_json::json;
    let strings = |v: Vec<std::rc::Rc<str>>| v.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    out.push(json!({
        "name": &*code.name, "qualname": &*code.qualname, "code": hex(&code.code),
        "consts": code.consts.iter().map(const_text).collect::<Vec<_>>(),
        "names": strings(code.names.clone()),
        "varnames": strings(code.varnames()), "cellvars": strings(code.cellvars()),
        "freevars": strings(code.freevars()), "flags": code.flags,
        "stacksize": code.stacksize, "firstlineno": code.firstlineno,
        "argcount": code.argcount, "posonlyargcount": code.posonlyargcount,
        "kwonlyargcount": code.kwonlyargcount, "linetable": hex(&code.linetable),
        "exceptiontable": hex(&code.exceptiontable),
    }));
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            walk(inner, out);
        }
    }
}

/// Our compiler's code objects for one case, in the oracle's JSON shape.
fn ours_e2e(src: &str) -> serde_json::Value {
    use serde_json::json;
    let parsed = match ruff_python_parser::parse_module(src) {
        Ok(p) => p,
        Err(e) => return json!({ "error": format!("parse error: {e}") }),
    };
    match pyrt_compiler::compile_module(parsed.syntax(), src, "<s>") {
        Ok(code) => {
            let mut out = Vec::new();
            walk(&code, &mut out);
            json!({ "codes": out })
        }
        Err(e) => {
            let kind = match e.kind {
                ErrorKind::Recursion => "RecursionError",
                _ => "SyntaxError",
            };
            json!({ "error": format!("{kind}: {} (line {})", e.message, e.location.lineno) })
        }
    }
}

/// Two differing values, shortened around where they first differ.
fn first_difference(want: &serde_json::Value, got: &serde_json::Value) -> (String, String) {
    if let (Some(w), Some(g)) = (want.as_array(), got.as_array())
        && let Some(i) = (0..w.len().max(g.len())).find(|&i| w.get(i) != g.get(i))
    {
        let show = |v: Option<&serde_json::Value>| {
            let text = v.map_or("(none)".to_string(), |v| v.to_string());
            format!("[{i}] {}", text.chars().take(200).collect::<String>())
        };
        return (show(w.get(i)), show(g.get(i)));
    }
    if let (Some(w), Some(g)) = (want.as_str(), got.as_str()) {
        let i = w.bytes().zip(g.bytes()).take_while(|(a, b)| a == b).count();
        let start = i.saturating_sub(8) & !1;
        let cut = |t: &str| {
            format!(
                "@{start}: {}",
                t.get(start..(start + 40).min(t.len())).unwrap_or("")
            )
        };
        return (cut(w), cut(g));
    }
    (want.to_string(), got.to_string())
}

/// Where two trees of code objects first differ.
fn describe_e2e(src: &str, want: &serde_json::Value, got: &serde_json::Value) -> String {
    let mut out = format!("--- {src:?}\n");
    match (want["codes"].as_array(), got["codes"].as_array()) {
        (Some(w), Some(g)) => {
            if w.len() != g.len() {
                out.push_str(&format!("  {} code objects, ours {}\n", w.len(), g.len()));
            }
            for (a, b) in w.iter().zip(g) {
                if a == b {
                    continue;
                }
                for (key, value) in a.as_object().unwrap() {
                    if b[key] != *value {
                        let (w, g) = first_difference(value, &b[key]);
                        out.push_str(&format!(
                            "  {} {key}: cpython {w}\n      ours   {g}\n",
                            a["qualname"]
                        ));
                    }
                }
                break;
            }
        }
        _ => out.push_str(&format!("  cpython {want}\n  ours    {got}\n")),
    }
    out
}

#[test]
fn compiled_code_objects_match_cpython() {
    let cases: Vec<&str> = CASES.iter().chain(FUNCTION_CASES).copied().collect();
    let Some(check) = cross_check(cases.len()) else {
        return;
    };
    let cases_json = serde_json::to_string(&serde_json::to_string(&cases).unwrap()).unwrap();
    let script = format!("CASES = {cases_json}\n{ORACLE_E2E}");
    let lines = check.python().run(&script);
    assert_eq!(lines.len(), cases.len(), "one oracle line per case");
    let mut failures = Vec::new();
    for (src, line) in cases.iter().zip(&lines) {
        let want: serde_json::Value = serde_json::from_str(line).expect("oracle JSON");
        let got = ours_e2e(src);
        if want != got {
            failures.push(describe_e2e(src, &want, &got));
        }
        check.compared(1);
    }
    let passed = cases.len() - failures.len();
    eprintln!("compile() vs CPython: {passed}/{} cases equal", cases.len());
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("")
    );
}

/// Deeply nested input is CPython's `RecursionError`, never a stack overflow: a 100 000-term
/// sum, nested parentheses past the limit, and a deep `if` chain. Run on a thread with an
/// 8 MiB stack, as a main thread has.
#[test]
fn deep_nesting_is_a_recursion_error() {
    let handle = std::thread::Builder::new()
        .stack_size(8 << 20)
        .spawn(|| {
            let sum = format!("x = {}", vec!["1"; 100_000].join("+"));
            let calls = format!("x = {}y{}", "f(".repeat(3500), ")".repeat(3500));
            let neg = format!("x = {}y", "-".repeat(5000));
            let mut results = Vec::new();
            for src in [&sum, &calls, &neg] {
                let parsed = ruff_python_parser::parse_module(src).expect("parses");
                let err = pyrt_compiler::compile_module(parsed.syntax(), src, "<s>")
                    .expect_err("too deep");
                results.push((err.kind, err.message));
            }
            // Within the limit, it compiles.
            let ok = format!("x = {}", vec!["1"; 1000].join("+y+"));
            let parsed = ruff_python_parser::parse_module(&ok).expect("parses");
            let compiled = pyrt_compiler::compile_module(parsed.syntax(), &ok, "<s>").is_ok();
            (results, compiled)
        })
        .expect("thread starts");
    let (results, compiled) = handle.join().expect("no stack overflow");
    for (kind, message) in results {
        assert_eq!(kind, ErrorKind::Recursion);
        assert_eq!(
            message,
            "maximum recursion depth exceeded during compilation"
        );
    }
    assert!(compiled);
}

/// The standard library's top-level modules (`Lib/*.py` of the CPython that runs the
/// checks) through [`pyrt_compiler::compile_module`] and `compile()`: a sweep over real code,
/// slow, so run on request (`cargo test -- --ignored`). Modules pyrt refuses (coroutines) are
/// counted apart; every other module must give CPython's code objects.
#[test]
#[ignore = "slow tier: compiles the whole standard library twice"]
fn stdlib_modules_match_cpython() {
    let Some(check) = cross_check(1) else { return };
    let dir = check
        .python()
        .run("import os, sysconfig; print(sysconfig.get_paths()['stdlib'])")
        .remove(0);
    // `PYRT_STDLIB_ALL=1`: the packages too (Lib/**/*.py), in batches.
    let recursive = std::env::var_os("PYRT_STDLIB_ALL").is_some();
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(&dir)];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).expect("stdlib directory").flatten() {
            let path = entry.path();
            if path.is_dir() && recursive && !path.ends_with("site-packages") {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "py") {
                files.push(path);
            }
        }
    }
    files.sort();
    let (mut equal, mut refused, mut failures) = (0, 0, Vec::new());
    for batch in files.chunks(150) {
        sweep(&check, batch, &mut equal, &mut refused, &mut failures);
    }
    check.compared(1);
    eprintln!(
        "stdlib: {equal} modules equal, {refused} refused (coroutines, or Ruff's parser), {} different",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Compiles a batch of files both ways and sorts the outcomes.
fn sweep(
    check: &pyrt_tests::cpython::CrossCheck,
    files: &[std::path::PathBuf],
    equal: &mut usize,
    refused: &mut usize,
    failures: &mut Vec<String>,
) {
    let sources: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_default())
        .collect();
    let cases: Vec<&str> = sources.iter().map(String::as_str).collect();
    let cases_json = serde_json::to_string(&serde_json::to_string(&cases).unwrap()).unwrap();
    let lines = check
        .python()
        .run(&format!("CASES = {cases_json}\n{ORACLE_E2E}"));
    for ((path, src), line) in files.iter().zip(&cases).zip(&lines) {
        let want: serde_json::Value = serde_json::from_str(line).expect("oracle JSON");
        let got = ours_e2e(src);
        if want == got {
            *equal += 1;
        } else if got["error"].as_str().is_some_and(|e| {
            e.contains("async/await are not supported") || e.starts_with("parse error")
        }) {
            *refused += 1;
        } else {
            let text = describe_e2e(&path.display().to_string(), &want, &got);
            failures.push(text.lines().take(6).collect::<Vec<_>>().join("\n"));
        }
    }
}
