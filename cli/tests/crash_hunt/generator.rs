//! The case generator: seeded, self-contained Python snippets that call every built-in function,
//! every method of every built-in type (CPython 3.12's full lists, so methods pyrt lacks are
//! tried too) and every operator, on arguments of every kind.
//!
//! A case is a setup (binding the receiver `r`) and one to three operations on it; the runner
//! wraps each operation in its own `try: ... except BaseException`. Every case must end, in
//! CPython 3.12, quickly and with a result or an exception: the generator avoids what CPython
//! itself cannot answer (iterating a range of 2**63 items, `10**20 ** 10**12`), which
//! `PYRT_CRASH_HUNT_INTERP=python3.12` checks by running the same batches through CPython.

/// A small, fast, seeded generator (SplitMix64), so a seed names one list of cases everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
}

/// What a value is, as far as the generator's rules need to know.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    /// An int that fits comfortably (and bool).
    Int,
    /// 10**12, 2**63 - 1, -2**63 - 1, 10**20, 2**100 ...: repetition counts, indices, bounds.
    Big,
    Float,
    Complex,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    /// A range of a few items.
    Range,
    /// A range of 2**62 items or more: only O(1) operations (CPython iterates the others).
    BigRange,
    /// Self-referencing containers (`SL = []; SL.append(SL)`).
    SelfRef,
    /// Ten thousand nested lists or dicts.
    Deep,
    /// None, classes, instances, functions, modules, types, exceptions.
    Other,
}

use Kind::*;

/// A Python expression and its kind.
#[derive(Clone, Copy, Debug)]
pub struct Val {
    pub src: &'static str,
    pub kind: Kind,
}

const fn v(src: &'static str, kind: Kind) -> Val {
    Val { src, kind }
}

/// The argument pool: every built-in type, edge values of each, containers of the wrong shape.
pub const VALUES: &[Val] = &[
    v("0", Int),
    v("1", Int),
    v("-1", Int),
    v("True", Int),
    v("False", Int),
    v("2", Int),
    v("3", Int),
    v("7", Int),
    v("-5", Int),
    v("255", Int),
    v("256", Int),
    v("1114111", Int),
    v("1114112", Int),
    v("10**12", Big),
    v("2**63-1", Big),
    v("2**63", Big),
    v("-2**63", Big),
    v("-2**63-1", Big),
    v("10**20", Big),
    v("-10**20", Big),
    v("2**64", Big),
    v("2**100", Big),
    v("-2**100", Big),
    v("0.0", Float),
    v("-0.0", Float),
    v("1.5", Float),
    v("-2.5", Float),
    v("float('nan')", Float),
    v("float('inf')", Float),
    v("-float('inf')", Float),
    v("1e308", Float),
    v("5e-324", Float),
    v("1e16", Float),
    v("1j", Complex),
    v("complex(1, -2)", Complex),
    v("complex(float('nan'), float('inf'))", Complex),
    v("-0j", Complex),
    v("''", Str),
    v("'a'", Str),
    v("'abc'", Str),
    v("'ab'", Str),
    v("'é'", Str),
    v("'ÿ\\x00'", Str),
    v("'€uro'", Str),
    v("'😀x'", Str),
    v("'\\U0010ffff'", Str),
    v("'\\ud800'", Str),
    v("' 12 '", Str),
    v("'{}'", Str),
    v("'{0}{x}'", Str),
    v("'{:>10}'", Str),
    v("'\\t'", Str),
    v("'a\\nb\\r\\n'", Str),
    v("'%s'", Str),
    v("'%d%%'", Str),
    v("'0x1f'", Str),
    v("'1e5'", Str),
    v("'nan'", Str),
    v("'utf-8'", Str),
    v("'x'", Str),
    v("'ab' * 40", Str),
    v("b''", Bytes),
    v("b'a'", Bytes),
    v("b'ab'", Bytes),
    v("b'\\xff\\x00'", Bytes),
    v("b'%s'", Bytes),
    v("bytearray(b'ab')", Bytes),
    v("()", Tuple),
    v("(1,)", Tuple),
    v("(1, 2)", Tuple),
    v("(1, 2, 3)", Tuple),
    v("((1, 2),)", Tuple),
    v("((1, 2), (3, 4))", Tuple),
    v("(None, 'a', 1.5)", Tuple),
    v("(SL, SD)", Tuple),
    v("[]", List),
    v("[1]", List),
    v("[3, 1, 2]", List),
    v("[(1, 2), (3, 4)]", List),
    v("[(1,), (2, 3, 4)]", List),
    v("['ab', 'cd']", List),
    v("[[1, 2]]", List),
    v("[1, 'a', None]", List),
    v("[[]]", List),
    v("[1.5, float('nan')]", List),
    v("list(range(50))", List),
    v("{}", Dict),
    v("{1: 2}", Dict),
    v("{'a': 1, 'b': 2}", Dict),
    v("{(1, 2): [3]}", Dict),
    v("{i: i for i in range(40)}", Dict),
    v("{'x': SL}", Dict),
    v("set()", Set),
    v("{1, 2}", Set),
    v("{'a', (1, 2)}", Set),
    v("frozenset()", Set),
    v("frozenset({1, (2, 3)})", Set),
    v("set(range(40))", Set),
    v("range(0)", Range),
    v("range(5)", Range),
    v("range(-3, 10, 2)", Range),
    v("range(10, 0, -3)", Range),
    v("range(2**63)", BigRange),
    v("range(2**62)", BigRange),
    v("range(-2**63, 2**63)", BigRange),
    v("range(0, 2**100, 2)", BigRange),
    v("range(10**12)", BigRange),
    v("range(2**64, -1, -7)", BigRange),
    v("SL", SelfRef),
    v("SD", SelfRef),
    v("ST", SelfRef),
    v("deep(10000)", Deep),
    v("deepd(10000)", Deep),
    v("deept(10000)", Deep),
    v("None", Other),
    v("K", Other),
    v("K()", Other),
    v("KI()", Other),
    v("KS()", Other),
    v("fn", Other),
    v("sys", Other),
    v("gc", Other),
    v("len", Other),
    v("print", Other),
    v("[].append", Other),
    v("int", Other),
    v("str", Other),
    v("dict", Other),
    v("type", Other),
    v("object", Other),
    v("ValueError", Other),
    v("ValueError('x')", Other),
    v("...", Other),
];

/// Run once at the top of every script: the fixtures the values and cases name.
pub const HEADER: &str = r#"import sys
import gc
PAD = " " * 8200
class K:
    pass
class KI:
    def __init__(self):
        self.a = 1
        self.b = 2
class KS:
    __slots__ = ("a",)
def fn(x=1):
    return x
def deep(n):
    x = []
    for i in range(n):
        x = [x]
    return x
def deept(n):
    x = ()
    for i in range(n):
        x = (x,)
    return x
def clear_r(x=None):
    r.clear()
    return 0
def grow_r(x=None):
    r.append(x)
    return 0
def deepd(n):
    x = {}
    for i in range(n):
        x = {1: x}
    return x
SL = []
SL.append(SL)
SD = {}
SD[1] = SD
ST = (SL, SD)
"#;

/// CPython 3.12's built-in functions and types (`dir(builtins)`, lower-case names), less
/// `breakpoint`, `help`, `input`, `license` and `open`, which read the terminal or files.
pub const BUILTINS: &[&str] = &[
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "sys.getsizeof",
    "sys.getrefcount",
    "sys.intern",
    "sys.getrecursionlimit",
    "gc.collect",
    "gc.get_referrers",
    "gc.get_referents",
    "gc.is_tracked",
    "gc.get_count",
    "gc.get_threshold",
    "gc.set_threshold",
    "gc.get_objects",
    "gc.isenabled",
];

/// Built-ins that CPython answers at once even for a range of 2**63 items (they take its
/// length, or fail to allocate that many); the others would iterate it for hours.
const BIG_RANGE_SAFE: &[&str] = &[
    "len",
    "bool",
    "repr",
    "ascii",
    "str",
    "hash",
    "id",
    "iter",
    "reversed",
    "list",
    "tuple",
    "sorted",
    "type",
    "callable",
    "format",
    "isinstance",
    "sys.getsizeof",
];

const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "encode",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];

const BYTES_METHODS: &[&str] = &[
    "capitalize",
    "center",
    "count",
    "decode",
    "endswith",
    "expandtabs",
    "find",
    "fromhex",
    "hex",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdigit",
    "islower",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];

const INT_METHODS: &[&str] = &[
    "as_integer_ratio",
    "bit_count",
    "bit_length",
    "conjugate",
    "denominator",
    "from_bytes",
    "imag",
    "is_integer",
    "numerator",
    "real",
    "to_bytes",
];

const FLOAT_METHODS: &[&str] = &[
    "as_integer_ratio",
    "conjugate",
    "fromhex",
    "hex",
    "imag",
    "is_integer",
    "real",
];

const COMPLEX_METHODS: &[&str] = &["conjugate", "imag", "real"];
const TUPLE_METHODS: &[&str] = &["count", "index"];
const LIST_METHODS: &[&str] = &[
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
];
const DICT_METHODS: &[&str] = &[
    "clear",
    "copy",
    "fromkeys",
    "get",
    "items",
    "keys",
    "pop",
    "popitem",
    "setdefault",
    "update",
    "values",
];
const SET_METHODS: &[&str] = &[
    "add",
    "clear",
    "copy",
    "difference",
    "difference_update",
    "discard",
    "intersection",
    "intersection_update",
    "isdisjoint",
    "issubset",
    "issuperset",
    "pop",
    "remove",
    "symmetric_difference",
    "symmetric_difference_update",
    "union",
    "update",
];
const RANGE_METHODS: &[&str] = &["count", "index", "start", "step", "stop"];
/// Special methods every object answers in CPython (and pyrt may not).
const DUNDERS: &[&str] = &[
    "__len__",
    "__getitem__",
    "__setitem__",
    "__delitem__",
    "__contains__",
    "__iter__",
    "__add__",
    "__mul__",
    "__iadd__",
    "__imul__",
    "__eq__",
    "__lt__",
    "__hash__",
    "__repr__",
    "__str__",
    "__format__",
    "__sizeof__",
    "__reduce_ex__",
    "__init__",
    "__class__",
    "__dict__",
];

/// The methods of the type of a value of `kind` (`src` tells the self-referencing and deep
/// containers apart).
fn methods_of(kind: Kind, src: &str) -> &'static [&'static str] {
    match (kind, src) {
        (Int | Big, _) => INT_METHODS,
        (Float, _) => FLOAT_METHODS,
        (Complex, _) => COMPLEX_METHODS,
        (Str, _) => STR_METHODS,
        (Bytes, _) => BYTES_METHODS,
        (Tuple, _) | (SelfRef, "ST") | (Deep, "deept(10000)") => TUPLE_METHODS,
        (List, _) | (SelfRef, "SL") | (Deep, "deep(10000)") => LIST_METHODS,
        (Dict, _) | (SelfRef, _) | (Deep, _) => DICT_METHODS,
        (Set, _) => SET_METHODS,
        (Range | BigRange, _) => RANGE_METHODS,
        (Other, _) => DUNDERS,
    }
}

const ALL_METHOD_LISTS: &[&[&str]] = &[
    STR_METHODS,
    BYTES_METHODS,
    INT_METHODS,
    FLOAT_METHODS,
    LIST_METHODS,
    DICT_METHODS,
    SET_METHODS,
    RANGE_METHODS,
    DUNDERS,
];

const BINARY_OPS: &[&str] = &[
    "+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "@",
];
/// Repetition counts: none, a few, more than memory holds, past a C `ssize_t`.
const COUNTS: &[&str] = &[
    "0",
    "1",
    "3",
    "-1",
    "True",
    "(10**12)",
    "(2**63-1)",
    "(2**63)",
    "(-2**63)",
    "(2**100)",
    "(2**62)",
    "(2**31)",
    "1.5",
];
const COMPARE_OPS: &[&str] = &[
    "==", "!=", "<", "<=", ">", ">=", "is", "is not", "in", "not in",
];
const KEYWORDS: &[&str] = &[
    "key",
    "reverse",
    "default",
    "sep",
    "end",
    "maxsplit",
    "start",
    "encoding",
    "errors",
    "x",
    "bogus",
    "base",
    "fillchar",
    "keepends",
    "tabsize",
    "byteorder",
    "length",
    "signed",
    "self",
    "iterable",
    "object",
    "flush",
    "file",
    "strict",
    "ndigits",
];
const FORMAT_SPECS: &[&str] = &[
    "",
    ">10",
    "<5",
    "^3",
    "x",
    "X",
    "d",
    ".2f",
    "e",
    "%",
    ",",
    "_",
    "#x",
    "010",
    "+",
    "s",
    "c",
    "b",
    "o",
    "n",
    "g",
    "08.3",
    "z",
    "=^9",
    ">10000000000000",
    ".10000000000000",
    ".0",
    "#",
    "!",
    "\u{20ac}^7",
    ",.2%",
    "_b",
    "-",
    " ",
];
/// Slice bounds and steps: none, ends, the extremes, zero, wrong types.
const SLICE_BOUNDS: &[&str] = &[
    "", "None", "0", "1", "-1", "2", "-2", "3", "10**12", "-2**63", "2**63-1", "-2**63-1", "2**63",
    "2**100", "-2**100", "True", "1.5", "'a'",
];
const SLICE_STEPS: &[&str] = &[
    "", "None", "0", "1", "-1", "2", "-3", "2**63", "-2**63", "-2**63-1", "2**100", "-2**100",
    "10**12", "1.5",
];

/// One generated case: the lines that bind `r`, then operations on it (each runs on its own).
#[derive(Clone, Debug)]
pub struct Case {
    pub setup: Vec<String>,
    pub ops: Vec<String>,
}

impl Case {
    /// The case as a plain snippet (what a report shows and what known crashes match).
    pub fn text(&self) -> String {
        let mut s = self.setup.join("\n");
        for op in &self.ops {
            s.push('\n');
            s.push_str(op);
        }
        s
    }
}

/// The receiver being worked on: its source and kind, or a scenario that builds it.
struct Receiver {
    setup: Vec<String>,
    kind: Kind,
    src: &'static str,
    /// The argument pool also holds `D()` (its `__del__` mutates the receiver).
    del: bool,
    /// Operations after the first that stress the receiver's state (instance dicts).
    after: Vec<String>,
    /// Operations aimed at the scenario (dropping a `D`, adding a key to a shared-key dict),
    /// tried first half of the time.
    targeted: &'static [&'static str],
}

/// Operations that drop an element of `r` (a `D`, whose `__del__` then mutates `r`).
const DROP_A_D: &[&str] = &[
    "r[0] = 0",
    "r[1] = 0",
    "del r[0]",
    "r.pop()",
    "r.pop(0)",
    "r.clear()",
    "r.remove(r[0])",
    "r[:] = []",
    "r[0:2] = [1]",
    "del r[::2]",
    "r.sort()",
    "r.reverse()",
    "r *= 0",
    "r += [1]",
    "r.extend(range(100))",
    "r.insert(0, 1)",
    "r.update({1: 0, 2: 0})",
    "r.update([(1, 0)])",
    "r[1] = r",
    "r.popitem()",
    "r.setdefault(1, 0)",
    "r.discard(next(iter(r)))",
    "r -= set(r)",
    "r &= set()",
    "r ^= set(r)",
    "r |= set(range(50))",
    "r.difference_update(r)",
    "r.intersection_update(())",
    "r.symmetric_difference_update(r)",
    "G = None",
    "r.copy()",
    "repr(r)",
    "r == r.copy()",
    "sorted(r)",
    "list(r)",
    "len(r)",
];

/// Operations that change an instance's shared-key `__dict__` (`r`).
const SHARED_KEYS: &[&str] = &[
    "r.update({'x': 1})",
    "r.update({'a': 1, 'b': 2, 'c': 3})",
    "r.update(x=1)",
    "r['x'] = 1",
    "r['q'] = 1",
    "r[1] = 1",
    "r.setdefault('y', 2)",
    "r.pop('a', None)",
    "r.pop('x', None)",
    "del r['a']",
    "r.clear()",
    "r.popitem()",
    "r |= {'q': 1}",
    "r.update(r)",
    "r.update(r.copy())",
    "r.copy()",
    "dict(r)",
    "{**r}",
];

pub struct Generator {
    rng: Rng,
}

impl Generator {
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
        }
    }

    /// The next case.
    pub fn case(&mut self) -> Case {
        // One case in ten is a VM scenario (`vm_cases.rs`) rather than an object's methods.
        if self.rng.chance(10) {
            let (setup, ops) = super::vm_cases::vm_case(&mut self.rng);
            return Case { setup, ops };
        }
        let recv = self.receiver();
        let mut ops = Vec::new();
        let n = match self.rng.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        for k in 0..n {
            if k == 0 && !recv.targeted.is_empty() && self.rng.chance(50) {
                ops.push(self.rng.pick(recv.targeted).to_string());
            } else {
                ops.push(self.op(&recv));
            }
        }
        ops.extend(recv.after.iter().cloned());
        // A last look at the receiver, which finds state an operation left broken.
        ops.push("repr(r) if len(r) < 10000 else 0".into());
        if self.rng.chance(3) {
            ops.push("gc.collect()".into());
        }
        Case {
            setup: recv.setup,
            ops,
        }
    }

    fn receiver(&mut self) -> Receiver {
        match self.rng.below(100) {
            0..=9 => self.del_receiver(),
            10..=13 => self.instance_dict_receiver(),
            _ => {
                let val = *self.rng.pick(VALUES);
                Receiver {
                    setup: vec![format!("r = {}", val.src)],
                    kind: val.kind,
                    src: val.src,
                    del: false,
                    after: Vec::new(),
                    targeted: &[],
                }
            }
        }
    }

    /// A list, dict or set holding objects whose `__del__` mutates it (`G`, which is `r`).
    fn del_receiver(&mut self) -> Receiver {
        let (kind, src, fills, mutations): (Kind, &str, &[&str], &[&str]) = match self.rng.below(3)
        {
            0 => (
                List,
                "[]",
                &[
                    "[D(), 1, D()]",
                    "[D() for i in range(20)]",
                    "[1, D(), 2, D()]",
                    "[D()]",
                ],
                &[
                    "G.clear()",
                    "G.append(1)",
                    "G.extend(range(100))",
                    "G.pop()",
                    "del G[:]",
                    "G.insert(0, 5)",
                    "G.reverse()",
                    "G.sort()",
                    "G[0] = 7",
                    "G.remove(1)",
                    "G[:] = range(50)",
                ],
            ),
            1 => (
                Dict,
                "{}",
                &[
                    "{1: D(), 2: D(), 3: 3}",
                    "{i: D() for i in range(20)}",
                    "{D(): 1, 2: D()}",
                    "{'a': D()}",
                ],
                &[
                    "G.clear()",
                    "G[99] = 1",
                    "G.update({i: i for i in range(100)})",
                    "G.pop(1, None)",
                    "G.popitem()",
                    "G.setdefault(7, 7)",
                    "del G[2]",
                ],
            ),
            _ => (
                Set,
                "set()",
                &["{D(), D(), 1}", "{D() for i in range(20)}", "{1, 2, D()}"],
                &[
                    "G.clear()",
                    "G.add(99)",
                    "G.update(range(100))",
                    "G.discard(1)",
                    "G.pop()",
                ],
            ),
        };
        let mutation = self.rng.pick(mutations);
        let fill = self.rng.pick(fills);
        Receiver {
            setup: vec![
                "class D:".into(),
                "    def __del__(self):".into(),
                format!("        {mutation}"),
                format!("G = {fill}"),
                "r = G".into(),
            ],
            kind,
            src,
            del: true,
            after: Vec::new(),
            targeted: DROP_A_D,
        }
    }

    /// An instance's `__dict__` (shared-key dicts), then new instances of the same class.
    fn instance_dict_receiver(&mut self) -> Receiver {
        let class = *self.rng.pick(&["K", "KI"]);
        let mut setup = vec![format!("a = {class}()")];
        if self.rng.chance(50) {
            setup.push("a.x = 1".into());
        }
        setup.push("r = a.__dict__".into());
        Receiver {
            setup,
            kind: Dict,
            src: "{}",
            del: false,
            after: vec![
                format!("b = {class}()"),
                "b.y = 1".into(),
                "b.a = 2".into(),
                "a.z = 3".into(),
                "repr(a.__dict__) + repr(b.__dict__)".into(),
            ],
            targeted: SHARED_KEYS,
        }
    }

    /// An argument: mostly from the pool, sometimes the receiver itself or a `D()`.
    fn arg(&mut self, recv: &Receiver) -> Val {
        if self.rng.chance(6) {
            return v("r", recv.kind);
        }
        if recv.del && self.rng.chance(20) {
            return v("D()", Other);
        }
        *self.rng.pick(VALUES)
    }

    /// An argument that CPython can use without iterating for hours.
    fn safe_arg(&mut self, recv: &Receiver, allow_big_range: bool) -> Val {
        loop {
            let a = self.arg(recv);
            if allow_big_range || a.kind != BigRange {
                return a;
            }
        }
    }

    fn args(&mut self, recv: &Receiver, allow_big_range: bool) -> String {
        let n = match self.rng.below(20) {
            0..=2 => 0,
            3..=9 => 1,
            10..=15 => 2,
            16..=18 => 3,
            _ => 5,
        };
        let mut parts: Vec<String> = (0..n)
            .map(|_| self.safe_arg(recv, allow_big_range).src.to_string())
            .collect();
        if self.rng.chance(12) {
            let k = self.rng.pick(KEYWORDS);
            let val = self.safe_arg(recv, false);
            parts.push(format!("{k}={}", val.src));
            if self.rng.chance(30) {
                let k2 = self.rng.pick(KEYWORDS);
                if k2 != k {
                    parts.push(format!("{k2}={}", self.safe_arg(recv, false).src));
                }
            }
        }
        parts.join(", ")
    }

    fn op(&mut self, recv: &Receiver) -> String {
        let big = recv.kind == BigRange;
        match self.rng.below(100) {
            0..=19 => self.builtin_call(recv),
            20..=49 => self.method_call(recv),
            50..=57 => self.binary(recv),
            58..=62 => self.compare(recv),
            63..=64 => self
                .rng
                .pick(&["-r", "+r", "~r", "not r", "abs(r)"])
                .to_string(),
            65..=70 => self.aug_assign(recv),
            71..=77 => self.subscript(recv),
            78..=85 => self.slice(recv),
            86..=89 if !big => self.iterate(),
            86..=89 => "next(iter(r))".into(),
            90..=94 => self.protocol(),
            _ => self.attribute(recv),
        }
    }

    fn builtin_call(&mut self, recv: &Receiver) -> String {
        let name = *self.rng.pick(BUILTINS);
        let big_ok = BIG_RANGE_SAFE.contains(&name);
        if recv.kind == BigRange && !big_ok {
            // The receiver is a huge range: give it only to built-ins that take its length.
            let name = *self.rng.pick(BIG_RANGE_SAFE);
            return format!("{name}(r)");
        }
        let mut args = self.args(recv, big_ok);
        if matches!(name, "pow" | "round") {
            // `pow(10**20, 10**12)` and `round(1, -10**12)` take CPython hours.
            args = self.small_args(recv);
        }
        format!("{name}({args})")
    }

    /// Arguments without big numbers or big ranges.
    fn small_args(&mut self, recv: &Receiver) -> String {
        let n = self.rng.below(4);
        (0..n)
            .map(|_| {
                loop {
                    let a = self.arg(recv);
                    if !matches!(a.kind, Big | BigRange) && a.src != "r" {
                        return a.src;
                    }
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn method_call(&mut self, recv: &Receiver) -> String {
        let own = methods_of(recv.kind, recv.src);
        let name = if self.rng.chance(85) {
            *self.rng.pick(own)
        } else {
            // Another type's method, or a special method: AttributeError, never a crash.
            let list = self.rng.pick(ALL_METHOD_LISTS);
            *self.rng.pick(list)
        };
        let big = recv.kind == BigRange;
        let args = if big {
            // count/index on a huge range: an int answers at once, anything else is a scan.
            let a = loop {
                let a = self.arg(recv);
                if matches!(a.kind, Int | Big) {
                    break a;
                }
            };
            a.src.to_string()
        } else {
            self.args(recv, false)
        };
        match self.rng.below(100) {
            0..=84 => format!("r.{name}({args})"),
            85..=89 => format!("m = r.{name}\nm({args})"),
            90..=94 => format!("type(r).{name}(r{}{args})", sep(&args)),
            _ => {
                let other = self.safe_arg(recv, false);
                format!("type(r).{name}({}{}{args})", other.src, sep(&args))
            }
        }
    }

    fn binary(&mut self, recv: &Receiver) -> String {
        if self.rng.chance(25) {
            let count = *self.rng.pick(COUNTS);
            return if self.rng.chance(50) {
                format!("r * {count}")
            } else {
                format!("{count} * r")
            };
        }
        let op = *self.rng.pick(BINARY_OPS);
        let other = self.operand(recv, op);
        if self.rng.chance(50) {
            format!("r {op} {}", paren(other.src))
        } else {
            format!("{} {op} r", paren(other.src))
        }
    }

    /// The other operand of `op`. For `**`, no int exponent past 7 (`255 ** 1114111` takes
    /// CPython seconds, `10**20 ** 10**12` hours), whichever side the receiver is on.
    fn operand(&mut self, recv: &Receiver, op: &str) -> Val {
        loop {
            let a = self.safe_arg(recv, false);
            if !op.starts_with("**") {
                return a;
            }
            let small = ["0", "1", "-1", "True", "False", "2", "3", "7", "-5"];
            let int = |kind: Kind| matches!(kind, Int | Big);
            if (int(a.kind) && !small.contains(&a.src)) || (int(recv.kind) && a.src == "r") {
                continue;
            }
            if int(recv.kind) && !small.contains(&recv.src) && int(a.kind) {
                continue;
            }
            return a;
        }
    }

    fn compare(&mut self, recv: &Receiver) -> String {
        let op = *self.rng.pick(COMPARE_OPS);
        let other = if recv.kind == BigRange && op.ends_with("in") {
            // `1.5 in range(2**63)` is a linear scan in CPython; ints are answered at once.
            loop {
                let a = self.arg(recv);
                if matches!(a.kind, Int | Big) {
                    break a;
                }
            }
        } else {
            self.safe_arg(recv, false)
        };
        if op.ends_with("in") || self.rng.chance(50) {
            format!("{} {op} r", paren(other.src))
        } else {
            format!("r {op} {}", paren(other.src))
        }
    }

    fn aug_assign(&mut self, recv: &Receiver) -> String {
        if self.rng.chance(25) {
            return format!("r *= {}", self.rng.pick(COUNTS));
        }
        let op = *self.rng.pick(BINARY_OPS);
        let other = self.operand(recv, op);
        format!("r {op}= {}", other.src)
    }

    fn subscript(&mut self, recv: &Receiver) -> String {
        let key = self.safe_arg(recv, false).src;
        match self.rng.below(3) {
            0 => format!("r[{key}]"),
            1 => format!("r[{key}] = {}", self.safe_arg(recv, false).src),
            _ => format!("del r[{key}]"),
        }
    }

    fn slice(&mut self, recv: &Receiver) -> String {
        let a = *self.rng.pick(SLICE_BOUNDS);
        let b = *self.rng.pick(SLICE_BOUNDS);
        let c = *self.rng.pick(SLICE_STEPS);
        let s = if c.is_empty() && self.rng.chance(50) {
            format!("{a}:{b}")
        } else {
            format!("{a}:{b}:{c}")
        };
        let value = *self.rng.pick(&[
            "[]",
            "[1, 2, 3]",
            "'abc'",
            "range(4)",
            "r",
            "()",
            "[K()]",
            "SL",
            "1",
        ]);
        let value = if recv.del && value == "[K()]" {
            "[D()]"
        } else {
            value
        };
        match self.rng.below(10) {
            0..=4 => format!("r[{s}]"),
            5..=6 => format!("r[{s}] = {value}"),
            7 => format!("del r[{s}]"),
            _ => {
                let parts: Vec<&str> = s
                    .split(':')
                    .map(|p| if p.is_empty() { "None" } else { p })
                    .collect();
                format!("r[slice({})]", parts.join(", "))
            }
        }
    }

    fn iterate(&mut self) -> String {
        self.rng
            .pick(&[
                "for x in r:\n    pass",
                "a, b = r",
                "a, *b = r",
                "*a, b, c = r",
                "[*r]",
                "(*r,)",
                "{*r}",
                "{**r}",
                "fn(*r)",
                "dict(r)",
                "list(r)",
                "[x for x in r]",
                "{x: 1 for x in r}",
                "sorted(r)",
                "sum(r)",
                "max(r)",
                "min(r)",
                "enumerate(r)",
                "zip(r, r)",
                "''.join(r)",
                // The receiver changes while it is being sorted or iterated.
                "r.sort(key=clear_r)",
                "r.sort(key=grow_r)",
                "sorted(r, key=clear_r)",
                "max(r, key=clear_r)",
                "it = iter(r)\nr.clear()\nnext(it)",
                "it = iter(r)\nnext(it)\nr.append(1)\nnext(it)",
                "it = iter(r)\nr[99] = 1\nnext(it)",
                "it = iter(r)\nr.add(99)\nnext(it)",
                "v = r.items()\nr.clear()\nlist(v)",
                "v = r.keys()\nr[98] = 1\nlist(v)",
                "for x in r:\n    r.clear()",
                "for x in r:\n    del r[x]",
                "for x in r:\n    r.discard(x)",
                "for x in r:\n    r.remove(x)",
                "for x in r:\n    r.pop()",
            ])
            .to_string()
    }

    fn protocol(&mut self) -> String {
        let spec = *self.rng.pick(FORMAT_SPECS);
        match self.rng.below(15) {
            12 => "raise r".into(),
            13 => "raise ValueError('x') from r".into(),
            14 => "assert not r, r".into(),
            0 => "len(r)".into(),
            1 => "hash(r)".into(),
            2 => "repr(r)".into(),
            3 => "str(r)".into(),
            4 => "bool(r)".into(),
            5 => "f'{r}'".into(),
            6 => "f'{r!r}'".into(),
            7 => format!("f'{{r:{spec}}}'"),
            8 => format!("format(r, {spec:?})"),
            9 => "'%s' % (r,)".into(),
            10 => "'%d' % r".into(),
            _ => "reversed(r)".into(),
        }
    }

    fn attribute(&mut self, recv: &Receiver) -> String {
        let val = self.safe_arg(recv, false).src;
        let name = self.safe_arg(recv, false).src;
        match self.rng.below(10) {
            0 => format!("r.x = {val}"),
            1 => "del r.x".into(),
            2 => format!("setattr(r, {name}, {val})"),
            3 => format!("getattr(r, {name})"),
            4 => format!("delattr(r, {name})"),
            5 => format!("r.__dict__ = {val}"),
            6 => format!("r.__class__ = {val}"),
            7 => format!("r.__dict__.update({val})"),
            8 => format!("r.__dict__[{name}] = {val}"),
            _ => "vars(r)".into(),
        }
    }
}

fn sep(args: &str) -> &'static str {
    if args.is_empty() { "" } else { ", " }
}

/// Parenthesises an operand with operators inside (`2**63-1` in `r * (2**63-1)`).
fn paren(src: &str) -> String {
    let simple = src
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        || src.starts_with(['(', '[', '{', '\'', 'b'])
            && !src.contains(" * ")
            && !src.contains("**");
    if simple && !src.starts_with('-') {
        src.to_string()
    } else {
        format!("({src})")
    }
}
