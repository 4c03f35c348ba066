//! The crash hunt's VM family: scenarios against the bytecode VM's own invariants (issue 13)
//! rather than the object layer's: inline caches guarded by type version tags and dict keys
//! versions (a class, an instance dict or the globals changed while a cached site runs),
//! calls bound from the caller's stack (defaults and `__code__` swapped under a warm call
//! site, huge `*args`/`**kwargs`), generators run on the caller's run (resumed, closed or
//! thrown into from inside themselves or from a `__del__`), `__init__` frames run inline
//! (raising, returning, recursing, replaced), frames kept past their run (`sys._getframe`,
//! tracebacks, `gi_frame`, then `f_locals`/`f_back`), `eval`/`exec`/`compile` with odd
//! globals and sources, `except*` with odd types, PEP 695 type parameters, function
//! `__dict__` and exception subclasses.
//!
//! A scenario is a setup that defines its names and `r = []` (small results, looked at last)
//! and a few operations drawn from its pool; each operation runs in its own
//! `try: ... except BaseException`, so any order of them is a valid script. Every operation
//! must end quickly in CPython 3.12 (`PYRT_CRASH_HUNT_INTERP=python3.12` checks that).

use super::generator::Rng;

/// One scenario: the lines that set it up and the operations to draw from.
struct Scenario {
    setup: &'static [&'static str],
    ops: &'static [&'static str],
}

/// A class whose attributes a warm site reads, then changes under it.
const CACHED_ATTRIBUTES: Scenario = Scenario {
    setup: &[
        "class C:",
        "    a = 1",
        "    def m(self):",
        "        return 2",
        "    def __init__(self):",
        "        self.i = 0",
        "class C2(C):",
        "    a = 'C2'",
        "c = C()",
        "def site(o):",
        "    return (o.a, o.m(), o.i)",
        "r = []",
    ],
    ops: &[
        "for _ in range(40): site(c)",
        "r.append(site(c))",
        "C.a = 5",
        "del C.a",
        "C.m = 7",
        "del C.m",
        "C.m = lambda self: self",
        "c.__dict__.clear()",
        "c.__dict__['m'] = lambda: 3",
        "c.__class__ = C2",
        "C2.m = C.__dict__.get('m')",
        "for i in range(300): setattr(c, 'x%d' % i, i)",
        "for i in range(300): c.__dict__.pop('x%d' % i, None)",
        "for _ in range(40): C()",
        "C.__init__ = lambda self, x: None",
        "del C.__init__",
        "C.__init__ = 5",
        "r.append([C().i for _ in range(40)])",
    ],
};

/// A function reading a global that comes and goes, and a globals dict that grows.
const CACHED_GLOBALS: Scenario = Scenario {
    setup: &["G1 = 1", "def readg():", "    return G1 + 0", "r = []"],
    ops: &[
        "for _ in range(40): readg()",
        "r.append(readg())",
        "del G1",
        "G1 = 'x'",
        "globals()['G1'] = 2.5",
        "globals().pop('G1', None)",
        "for i in range(300): globals()['pad%d' % i] = i",
        "for i in range(300): globals().pop('pad%d' % i, None)",
        "exec(readg.__code__, {'G1': 5})",
        "exec(readg.__code__, {})",
        "exec(readg.__code__, {'__builtins__': {}})",
        "exec('G1 = 3\\nr.append(readg())', globals())",
        "eval('readg()', {'readg': readg})",
        "readg.__globals__['G1'] = 9",
    ],
};

/// A warm call site whose callee's defaults and code change, and calls of every odd shape.
const CALLS: Scenario = Scenario {
    setup: &[
        "def callee(a, b=1, *args, k=2, **kw):",
        "    return a",
        "def caller():",
        "    return callee(1)",
        "r = []",
    ],
    ops: &[
        "for _ in range(40): caller()",
        "r.append(caller())",
        "callee.__defaults__ = None",
        "callee.__defaults__ = (1, 2, 3)",
        "callee.__kwdefaults__ = None",
        "callee.__kwdefaults__ = {'z': 1}",
        "callee.__code__ = (lambda: 0).__code__",
        "callee.__code__ = (lambda *a, **k: a).__code__",
        "callee.__code__ = (lambda a, b, c, d: 0).__code__",
        "callee(*range(100000))",
        "callee(1, **{'k%d' % i: i for i in range(1000)})",
        "callee(1, **{'a': 2})",
        "callee(**{1: 2})",
        "callee(*5)",
        "callee(1, **5)",
        "callee.__dict__['x'] = callee",
        "callee.__dict__ = {'y': 1}",
        "callee.__dict__ = 5",
        "del callee.__dict__",
        "r.append(sorted(callee.__dict__))",
        "def rr(n):\n    return rr(n + 1)\nrr(0)",
    ],
};

/// A generator that resumes, closes and throws into itself, and one re-entered from a
/// `__del__`.
const GENERATORS: Scenario = Scenario {
    setup: &[
        "class DG:",
        "    def __del__(self):",
        "        try:",
        "            next(g)",
        "        except BaseException as e:",
        "            r.append(type(e).__name__)",
        "def gen():",
        "    try:",
        "        x = yield 1",
        "        del x",
        "        yield g.send(None)",
        "        yield next(g)",
        "        yield g.close()",
        "        yield g.throw(KeyError)",
        "    finally:",
        "        r.append(sorted(sys._getframe().f_locals))",
        "def chain(n):",
        "    if n:",
        "        yield from chain(n - 1)",
        "    yield n",
        "g = gen()",
        "r = []",
    ],
    ops: &[
        "next(g)",
        "g.send(DG())",
        "g.send(5)",
        "g.throw(ValueError)",
        "g.throw(GeneratorExit)",
        "g.close()",
        "list(g)",
        "r.append(g.gi_frame and sorted(g.gi_frame.f_locals))",
        "r.append(g.gi_frame and g.gi_frame.f_back)",
        "r.append(g.gi_frame and g.gi_frame.f_lineno)",
        "r.append(g.gi_running)",
        "del g",
        "g = gen()",
        "f = g.gi_frame\ndel g\ngc.collect()\nr.append(sorted(f.f_locals))",
        "r.append(sum(chain(500)))",
        "next(chain(100000))",
        "def gr():\n    yield from gr()\nnext(gr())",
        "r.append(list(x for x in g))",
        "r.append([y for y in chain(3) for z in gen()])",
    ],
};

/// An `__init__` run inline that raises, returns, recurses, or is replaced.
const INIT: Scenario = Scenario {
    setup: &[
        "class I:",
        "    def __init__(self, *a, **k):",
        "        self.a = len(a)",
        "def ie(self):",
        "    raise KeyError('k')",
        "r = []",
    ],
    ops: &[
        "for _ in range(40): I()",
        "r.append(I(1, 2).a)",
        "I.__init__ = ie",
        "I.__init__ = lambda self: 5",
        "I.__init__ = lambda self: (yield)",
        "I.__init__ = lambda self: I()",
        "I.__init__ = lambda self, n=3: I.__init__(self, n - 1) if n else None",
        "I.__init__ = lambda self: r.append(sys._getframe(1))",
        "I.__init__ = lambda self: r.append(sys._getframe().f_back)",
        "I.__init__ = 5",
        "del I.__init__",
        "I(*range(100000))",
        "I(**{'k%d' % i: i for i in range(1000)})",
        "r.append(r[-1].f_locals if r else 0)",
        "r.append(r[-1].f_back if r else 0)",
    ],
};

/// Frames kept alive past their run, then inspected.
const FRAMES: Scenario = Scenario {
    setup: &[
        "def keep(n):",
        "    x = [n]",
        "    return sys._getframe(n)",
        "def tb():",
        "    y = 1",
        "    try:",
        "        1 / 0",
        "    except ZeroDivisionError as e:",
        "        return e.__traceback__",
        "r = []",
    ],
    ops: &[
        "r.append(keep(0))",
        "r.append(keep(1))",
        "r.append(keep(2))",
        "r.append(tb().tb_frame)",
        "r.append(r[-1].f_locals if r else 0)",
        "r.append(r[-1].f_back if r else 0)",
        "r.append(r[-1].f_lineno if r else 0)",
        "r.append(r[-1].f_lasti if r else 0)",
        "r.append(r[-1].f_code if r else 0)",
        "r.append(r[-1].f_globals is globals() if r else 0)",
        "f = keep(0)\nwhile f:\n    f = f.f_back",
        "sys._getframe(10**6)",
        "sys._getframe(-5)",
        "sys._getframe(2**70)",
        "sys._getframe('a')",
        "r.append([sys._getframe(1) for _ in range(2)])",
        "r.append(len(r))",
        "gc.collect()",
    ],
};

/// `eval`, `exec` and `compile` with odd globals, locals and sources.
const EVAL_EXEC: Scenario = Scenario {
    setup: &["r = []"],
    ops: &[
        "exec('x = 1', {'__builtins__': None})",
        "exec('x = 1\\nprint(x)', {'__builtins__': {}})",
        "eval('len', {'__builtins__': 5})",
        "eval('x', {}, r)",
        "eval('x', [])",
        "exec('def f():\\n    return f\\nr.append(f() is f)', {'r': r})",
        "exec(compile('yield', 's', 'exec'))",
        "eval(compile('1', 's', 'exec'))",
        "exec(compile('1', 's', 'single'))",
        "compile('x' * 100000, 's', 'eval')",
        "eval('(' * 300 + ')' * 300)",
        "eval('[' * 300 + ']' * 300)",
        "eval('-' * 100000 + '1')",
        "r.append(len(eval('[' + '1,' * 50000 + ']')))",
        "r.append(len(eval('{' + ','.join(str(i) for i in range(20000)) + '}')))",
        "exec('class Q:\\n    z = 1', {})",
        "exec('del x', {})",
        "exec(b'r.append(1)')",
        "eval('\\0')",
        "eval(' 1')",
        "compile('1', 's', 'bogus')",
        "compile('match x:\\n case {**a, **b}: pass', 's', 'exec')",
        "compile('0b2', 's', 'eval')",
        "compile('f\"{x!z}\"', 's', 'eval')",
        "r.append(eval('lambda: 0', {})())",
        "exec('import sys\\nr.append(sys._getframe().f_back)', {'r': r})",
        "def ev(n):\n    return eval('ev(n - 1)') if n else 0\nev(100000)",
    ],
};

/// `except*` with odd types and groups, and exception subclasses.
const EXCEPT_STAR: Scenario = Scenario {
    setup: &[
        "def nest(n):",
        "    e = ValueError(0)",
        "    for i in range(n):",
        "        e = ExceptionGroup(str(i), [e])",
        "    return e",
        "class E1(Exception):",
        "    def __init__(self, *a):",
        "        pass",
        "class E2(OSError):",
        "    pass",
        "class E3(StopIteration):",
        "    pass",
        "class EG(ExceptionGroup):",
        "    pass",
        "r = []",
    ],
    ops: &[
        "try:\n    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\nexcept* ValueError as e:\n    r.append(repr(e))\nexcept* TypeError as e:\n    raise e.exceptions[0]",
        "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* int:\n    pass",
        "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* ExceptionGroup:\n    pass",
        "try:\n    raise ExceptionGroup('g', [ValueError(1)])\nexcept* (ValueError, 5):\n    pass",
        "try:\n    raise ValueError(1)\nexcept* ValueError as e:\n    r.append(repr(e))",
        "try:\n    raise KeyboardInterrupt\nexcept* KeyboardInterrupt:\n    pass",
        "try:\n    raise nest(100)\nexcept* ValueError as e:\n    r.append(type(e).__name__)",
        "try:\n    raise nest(5000)\nexcept* ValueError:\n    pass",
        "try:\n    raise EG('x', [E1(1), E2(2, 'no')])\nexcept* E1:\n    raise\nexcept* E2 as e:\n    raise TypeError from e",
        "nest(3).split(lambda e: 1 / 0)",
        "nest(3).subgroup(5)",
        "ExceptionGroup('m', [])",
        "ExceptionGroup('m', [5])",
        "ExceptionGroup(5, [ValueError()])",
        "BaseExceptionGroup('m', [KeyboardInterrupt()])",
        "r.append(repr(E1(1, 2)))",
        "r.append(E2(2, 'x', 'f', 3, 'g').filename2)",
        "r.append(E3(5).value)",
        "raise E1 from E2",
        "e = Exception()\ne.__cause__ = e\ne.__context__ = e\nraise e",
        "raise ValueError from 5",
        "class E4(Exception):\n    def __init__(self):\n        raise E4()\nE4()",
    ],
};

/// PEP 695 type parameters.
const TYPE_PARAMS: Scenario = Scenario {
    setup: &["r = []"],
    ops: &[
        "def tf[T](x: T) -> T:\n    return x\nr.append(tf(1))",
        "class TQ[T, *Ts, **P]:\n    pass\nr.append(TQ.__type_params__)",
        "type TA[T] = list[TA[T]]\nr.append(TA.__value__)",
        "type TB = undefined_name\nr.append(TB.__value__)",
        "def tb[T: int, U: (int, str)]():\n    return (T.__bound__, U.__constraints__)\nr.append(tb())",
        "class TR[T]:\n    def m[U](self, u: U) -> T:\n        return u\nr.append(TR().m(1))",
    ],
};

const SCENARIOS: &[&Scenario] = &[
    &CACHED_ATTRIBUTES,
    &CACHED_GLOBALS,
    &CALLS,
    &GENERATORS,
    &INIT,
    &FRAMES,
    &EVAL_EXEC,
    &EXCEPT_STAR,
    &TYPE_PARAMS,
];

/// A VM scenario's setup and two to five of its operations, then a last look at `r`.
pub fn vm_case(rng: &mut Rng) -> (Vec<String>, Vec<String>) {
    let scenario = *rng.pick(SCENARIOS);
    let setup = scenario.setup.iter().map(|s| s.to_string()).collect();
    let n = 2 + rng.below(4);
    let mut ops: Vec<String> = (0..n).map(|_| rng.pick(scenario.ops).to_string()).collect();
    ops.push("repr(r)".into());
    (setup, ops)
}
