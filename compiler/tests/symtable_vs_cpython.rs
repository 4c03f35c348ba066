//! The symbol table against the live CPython 3.12's `symtable` module and `compile()`.
//!
//! For each snippet, both sides print every table reachable from the module (in the order
//! `get_children()` lists them): its type, name, first line and `is_nested()`, then each
//! symbol in `get_symbols()` order with its raw flags (scope included, as `_table.symbols`
//! holds them) and the eleven `Symbol.is_*` answers, then, for a function, its frees,
//! locals and globals. The lines must be equal.
//!
//! One normalisation, applied to both sides: CPython appends the names that are free in a
//! child and only pass through a block (flags 0 but the scope) from a set, in hash order;
//! such runs of symbols are sorted by name before printing.
//!
//! Snippets that are errors print `compile()`'s `SyntaxError` (message, line, 1-based
//! column and end); ours prints our [`CompileError`] the same way.

use pyrt_compiler::ErrorKind;
use pyrt_compiler::source_map::SourceMap;
use pyrt_compiler::symtable::{self, BlockId, BlockKind, Scope, SymbolTable, def};
use pyrt_tests::cpython::cross_check;

/// Snippets whose symbol tables are compared.
const TABLES: &[&str] = &[
    // Module level: assignment, use, del, augmented assignment, imports.
    "x = 1\nprint(x)\ndel y\nz += 1",
    "import os.path, sys as system\nfrom a.b import c, d as e\nfrom . import f\nfrom m import *",
    "a, (b, *c) = d\n[e, f] = g\nh.i = j\nk[l] = m",
    "for i in range(3):\n    pass\nelse:\n    j = i\nwhile k:\n    l = 1",
    "with open(f) as g, h() as (i, j):\n    pass",
    "try:\n    pass\nexcept E as e:\n    pass\nexcept (F, G):\n    pass\nelse:\n    x = 1\nfinally:\n    y = 2",
    "try:\n    pass\nexcept* E as e:\n    pass",
    "if a:\n    b = 1\nelif c:\n    d = 2\nelif e:\n    f = 3\nelse:\n    g = 4",
    "assert x, msg\nraise E from cause",
    "x = f'{a!r:>{width}} {b=}' + f'{c:{d}.{e}}'",
    "d = {k: v, **rest}\ns = {a, *b}\nt = a if b else c\nsl = x[a:b:c, ::d]",
    "x = a and b or not c\ny = -a + b * c ** d\nz = a < b <= c is not d in e",
    "f(a, *b, c=d, **e)\ng(*x, y=z)",
    // Functions: every kind of parameter, defaults and annotations in the enclosing scope.
    "def f(a, b=1, /, c=2, *args, d, e=3, **kwargs):\n    return a + b + c + d + e",
    "def f(x: int, *a: A, k: K = kd, **kw: KW) -> R:\n    y: Y = 1\n    z: Z",
    "def f(*, a: A, **k: K): pass",
    "@dec\n@dec2(arg)\ndef f(): pass",
    "@d\nclass C(Base, metaclass=M, **kw):\n    pass",
    "async def f():\n    await g()\n    async for x in y:\n        pass\n    async with z as w:\n        pass",
    "def gen():\n    yield 1\n    x = yield from g()",
    "lambda: 0\nlambda x, y=d, *a, k=e, **kw: x + y + z",
    "f = lambda x: lambda y: x + y",
    // Closures: cells and free variables through several levels.
    "def f():\n    x = 1\n    def g():\n        return x\n    return g",
    "def f():\n    x = 1\n    def g():\n        def h():\n            return x\n        return h\n    return g",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n    g()\n    return x",
    "def f():\n    global x\n    x = 1\n    def g():\n        return x\n    return g",
    "def f():\n    x = y = z = 1\n    def g():\n        def h():\n            return x, y, z, w\n        return h",
    "x = 1\ndef f():\n    global x\n    x = 2\ndef g():\n    print(x)",
    "def f(a):\n    def g(b):\n        def h(c):\n            return a + b + c\n        return h\n    return g",
    "def f():\n    def g():\n        nonlocal x\n        x = 1\n    x = 0\n    return g",
    // Classes: class names are invisible to methods; `super()` and `__class__`.
    "class C:\n    x = 1\n    def f(self):\n        return x",
    "class C:\n    def f(self):\n        return super().f()",
    "class C:\n    def f(self):\n        return __class__",
    "def f():\n    x = 1\n    class C:\n        y = x\n        def g(self):\n            return x",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def g(self):\n            return x",
    "class C:\n    global g\n    g = 1\n    def f(self):\n        return g",
    "class C:\n    class D:\n        def f(self):\n            return super()",
    // Name mangling.
    "class C:\n    __x = 1\n    def __f(self, __y):\n        return __x + self.__z\nclass __D:\n    __a = 1\nclass ___:\n    __b = 1",
    "class C:\n    def f(self):\n        import __m.n\n        __v = __w__\n        return __v",
    // Comprehensions: the first iterable outside, `.0`, inlining (PEP 709).
    "x = [i for i in range(3)]",
    "x = [i * j for i in a if i for j in b if j]",
    "x = {k: v for k, v in items}\ny = {s for s in t}",
    "g = (i for i in range(3))",
    "g = (x for x in a for y in x)",
    "def f():\n    return [x for x in range(3)]",
    "def f():\n    y = 1\n    return [x + y for x in range(3)]",
    "def f():\n    return [lambda: x for x in range(3)]",
    "def f():\n    y = 1\n    return [[x + y + z for z in range(x)] for x in range(3)]",
    "def f():\n    return [(x for y in z) for x in w]",
    "def f():\n    a = 1\n    return (a + x for x in range(3))",
    "class C:\n    x = 1\n    y = [x for _ in range(3)]\n    z = [a for a in range(3)]",
    "class C:\n    def f(self):\n        return [super() for _ in ()]",
    "class C:\n    y = [__class__ for _ in ()]",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        y = [x for _ in ()]",
    "def g():\n    a = 1\n    return [lambda: a + b for b in range(3)]",
    "async def f():\n    return [x async for x in g()]",
    "async def f():\n    return [await x for x in g()]",
    "def f():\n    return [x for x in y if [z for z in x]]",
    // The walrus: binds in the nearest enclosing function or module.
    "if (n := 10) > 5:\n    pass",
    "x = [y := 1 for _ in range(3)]",
    "def f():\n    return [last := i for i in range(3)]",
    "def f():\n    global g\n    return [g := i for i in range(3)]",
    "def f():\n    x = [[(y := j) for j in range(3)] for i in range(3)]\n    return y",
    "def f():\n    return [(lambda: (i := 0)) for i in y]",
    "def f():\n    return (s := x for x in y)",
    // Global and nonlocal.
    "global x\nx = 1",
    "def f():\n    global a, b\n    a = b = 1",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        def h():\n            nonlocal x\n            x = 2",
    // Match statements.
    "match p:\n    case [a, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | Q(yy) as pt:\n        pass\n    case C.D if guard:\n        pass\n    case None | 1 | _:\n        pass\n    case [*_]:\n        pass",
    // Annotations.
    "x: int\ny: str = 'a'\n(z): float = 1.0\nw.a: int\nv[0]: int = 1",
    "class C:\n    x: int\n    y: list[int] = []",
    "def f():\n    x: int\n    (y): int = 1\n    z.a: int",
    "from __future__ import annotations\ndef f(x: int) -> str:\n    y: bool = 1\nz: float",
    "'''doc'''\nfrom __future__ import annotations\nx: A = 1",
    // PEP 695 type parameters.
    "def f[T: int, *Ts, **P](a=1, *, b=2) -> T:\n    return a",
    "class C[T](Base[T]):\n    x: T",
    "type X = int\ntype Y[T] = list[T]",
    "class C:\n    def f[T](self): pass\n    type X[U] = list[U]",
    "class C:\n    T = int\n    def f[U: T](self) -> U: pass",
    "def outer():\n    x = 1\n    def f[T](a: T = x) -> T:\n        return a + x",
    "class C[T]: pass\n__x = 1\ndef __f(__a): pass",
    "def f[T, U: (int, str)](): pass",
    // Odds and ends.
    "def f():\n    return locals()\ndef g():\n    exec('x = 1')",
    "def f():\n    del x\n    del (y, z)",
    "x = 1\nx = 2\ndef x(): pass\nclass x: pass",
];

/// Snippets that `compile()` rejects, with the error raised by the symbol table.
const ERRORS: &[&str] = &[
    "nonlocal x",
    "def f():\n    nonlocal x",
    "class C:\n    nonlocal x",
    "def f(x):\n    global x",
    "def f(x):\n    nonlocal x",
    "def f():\n    x = 1\n    global x",
    "def f():\n    print(x)\n    global x",
    "def f():\n    x: int\n    global x",
    "def f():\n    global x\n    x: int",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x: int = 2",
    "def f():\n    x = 1\n    def g():\n        global x\n        nonlocal x",
    "def f():\n    global x, y\n    nonlocal y",
    "def f():\n    nonlocal x\n    x = 1",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x",
    "def f(a, a): pass",
    "def f(a, *, a): pass",
    "def f(a, *a): pass",
    "def f(a, **a): pass",
    "lambda a, a: 1",
    "def f(é, é): pass",
    "class C:\n    def f(self, __a, __a): pass",
    "[(yield) for x in y]",
    "{(yield) for x in y}",
    "{(yield): 1 for x in y}",
    "((yield) for x in y)",
    "def f():\n    return [(yield x) for x in y]",
    "[x := 1 for x in y]",
    "[i for i in range(3) if (j := i)] + [(i := 0) for i in y]",
    "class C:\n    [y := 1 for x in z]",
    "[x for x in (y := [1])]",
    "[[(j := 1) for i in range(3)] for j in range(3)]",
    "def f():\n    [(x := 1) for i in range(3) for x in range(3)]",
    "def f():\n    [i for i in range(3) for x in [(i := 1)]]",
    "def f():\n    [i for i in range(3) if [(i := 1) for j in []]]",
    "def f():\n    [(i := 0) for i, j in y]",
    "def f():\n    [x for x in [1 for y in (z := w)]]",
    "def f():\n    from os import *",
    "class C:\n    from os import *",
    "def f[T, T](): pass",
    "type X[T: (yield)] = int",
    "def f[T: (x := 1)](): pass",
    "class C[T: (await x)]: pass",
    "type X = (yield)",
    "type X[T] = (await T)",
    "class C:\n    def f[T](x: (lambda: T)): pass",
    "class C:\n    type A = [x for x in y]",
    "from __future__ import annotations\ndef f(x: (yield)): pass",
    "from __future__ import annotations\nx: (y := 1)",
    "def f():\n    x = 1\n    def g[T]():\n        def h():\n            nonlocal T",
    "x = 1\ny = [[z := 1 for a in b] for c in d]\nclass C:\n    [[w := 1 for a in b] for c in d]",
];

/// A Python string literal of `s` (double-quoted, escaped as JSON escapes).
fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The script that prints CPython's tables (`TABLES`) or errors (`ERRORS`), one case after
/// another, each opened by a line `=== <index>`.
fn cpython_script(tables: &[&str], errors: &[&str]) -> String {
    let list = |cases: &[&str]| {
        let items: Vec<String> = cases.iter().map(|s| json_string(s)).collect();
        format!("[{}]", items.join(", "))
    };
    format!(
        r#"import symtable
TABLES = {tables}
ERRORS = {errors}
def sort_key(flags):
    # Names that only pass through (no flags but the scope, DEF_FREE_CLASS, DEF_COMP_CELL).
    return (flags & 0xfff) & ~(0x40 | 0x800) == 0
def ordered(items):
    out, run = [], []
    for ident, flags in items:
        if sort_key(flags):
            run.append((ident, flags))
        else:
            out += sorted(run); run = []
            out.append((ident, flags))
    return out + sorted(run)
def dump(t):
    print(t.get_type(), t.get_name(), t.get_lineno(), t.is_nested())
    for ident, flags in ordered(t._table.symbols.items()):
        s = t.lookup(ident)
        bits = [s.is_referenced(), s.is_imported(), s.is_parameter(), s.is_global(),
                s.is_declared_global(), s.is_local(), s.is_annotated(), s.is_free(),
                s.is_assigned(), s.is_namespace(), s.is_nonlocal()]
        print(" ", ident, hex(flags), "".join("1" if b else "0" for b in bits))
    if t.get_type() == "function":
        print("  frees", sorted(t.get_frees()))
        print("  locals", sorted(t.get_locals()))
        print("  globals", sorted(t.get_globals()))
    for c in t.get_children():
        dump(c)
for i, src in enumerate(TABLES):
    print("===", i)
    dump(symtable.symtable(src, "<s>", "exec"))
for i, src in enumerate(ERRORS):
    print("===", i)
    try:
        compile(src, "<s>", "exec")
        print("compiled")
    except SyntaxError as e:
        print(f"error: {{e.msg}} @ {{e.lineno}}:{{e.offset}}-{{e.end_lineno}}:{{e.end_offset}}")
    except RecursionError as e:
        print(f"RecursionError: {{e}}")
"#,
        tables = list(tables),
        errors = list(errors),
    )
}

/// CPython's output split into cases.
fn split_cases(lines: &[String]) -> Vec<Vec<String>> {
    let mut cases: Vec<Vec<String>> = Vec::new();
    for line in lines {
        if line.starts_with("=== ") {
            cases.push(Vec::new());
        } else {
            cases.last_mut().expect("a case is open").push(line.clone());
        }
    }
    cases
}

/// Builds our table of `src`, or the error line (or the parser's refusal).
fn build(src: &str) -> Result<SymbolTable, String> {
    let parsed = ruff_python_parser::parse_module(src).map_err(|e| format!("parse error: {e}"))?;
    let map = SourceMap::new(src);
    symtable::build(parsed.syntax(), &map, "<s>").map_err(|e| match e.kind {
        ErrorKind::Recursion => format!("RecursionError: {}", e.message),
        _ => {
            let l = e.location;
            format!(
                "error: {} @ {}:{}-{}:{}",
                e.message,
                l.lineno,
                l.col_offset + 1,
                l.end_lineno,
                l.end_col_offset + 1
            )
        }
    })
}

/// CPython's `ste_name` for a block: ours without the angle brackets.
fn cpython_name(name: &str) -> &str {
    name.strip_prefix('<')
        .and_then(|n| n.strip_suffix('>'))
        .unwrap_or(name)
}

/// `SCOPE_OFFSET`-shifted scope codes of `pycore_symtable.h`.
fn scope_code(scope: Scope) -> u32 {
    match scope {
        Scope::Local => 1,
        Scope::GlobalExplicit => 2,
        Scope::GlobalImplicit => 3,
        Scope::Free => 4,
        Scope::Cell => 5,
    }
}

/// Prints our table as the script prints CPython's.
fn dump(table: &SymbolTable, id: BlockId, out: &mut Vec<String>) {
    let block = table.block(id);
    let kind = match block.kind {
        BlockKind::Module => "module",
        BlockKind::Class => "class",
        BlockKind::Function => "function",
        BlockKind::Annotation => "annotation",
        BlockKind::TypeVarBound => "TypeVar bound",
        BlockKind::TypeAlias => "type alias",
        BlockKind::TypeParams => "type parameter",
    };
    let nested = if block.nested { "True" } else { "False" };
    out.push(format!(
        "{kind} {} {} {nested}",
        cpython_name(&block.name),
        block.lineno
    ));
    let module_scope = block.kind == BlockKind::Module;
    let bound = def::LOCAL | def::PARAM | def::IMPORT;
    let raw: Vec<(String, u32)> = block
        .symbols
        .iter()
        .map(|(n, s)| (n.to_string(), s.flags | scope_code(s.scope) << 12))
        .collect();
    let (mut frees, mut locals, mut globals) = (Vec::new(), Vec::new(), Vec::new());
    for (ident, raw_flags) in ordered(raw) {
        let (flags, scope) = (raw_flags & 0xfff, raw_flags >> 12);
        let namespace = block
            .children
            .iter()
            .any(|&c| cpython_name(&table.block(c).name) == ident);
        let bits = [
            flags & def::USE != 0,
            flags & def::IMPORT != 0,
            flags & def::PARAM != 0,
            scope == 2 || scope == 3 || (module_scope && flags & bound != 0),
            scope == 2,
            scope == 1 || scope == 5 || (module_scope && flags & bound != 0),
            flags & def::ANNOT != 0,
            scope == 4,
            flags & def::LOCAL != 0,
            namespace,
            flags & def::NONLOCAL != 0,
        ];
        let bits: String = bits.iter().map(|&b| if b { '1' } else { '0' }).collect();
        out.push(format!("  {ident} {raw_flags:#x} {bits}"));
        match scope {
            4 => frees.push(ident),
            1 | 5 => locals.push(ident),
            2 | 3 => globals.push(ident),
            _ => {}
        }
    }
    if block.kind == BlockKind::Function {
        for (what, mut names) in [("frees", frees), ("locals", locals), ("globals", globals)] {
            names.sort();
            let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
            out.push(format!("  {what} [{}]", quoted.join(", ")));
        }
    }
    for &child in &block.children {
        dump(table, child, out);
    }
}

/// The symbols in order, with runs of pass-through names sorted (see the module doc).
fn ordered(items: Vec<(String, u32)>) -> Vec<(String, u32)> {
    let passes_through = |flags: u32| (flags & 0xfff) & !(def::FREE_CLASS | def::COMP_CELL) == 0;
    let mut out = Vec::new();
    let mut run: Vec<(String, u32)> = Vec::new();
    for (ident, flags) in items {
        if passes_through(flags) {
            run.push((ident, flags));
        } else {
            run.sort();
            out.append(&mut run);
            out.push((ident, flags));
        }
    }
    run.sort();
    out.append(&mut run);
    out
}

/// Our lines for a case of `TABLES`.
fn our_table(src: &str) -> Vec<String> {
    match build(src) {
        Ok(table) => {
            let mut out = Vec::new();
            dump(&table, table.module(), &mut out);
            out
        }
        Err(line) => vec![line],
    }
}

/// Our line for a case of `ERRORS`.
fn our_error(src: &str) -> Vec<String> {
    match build(src) {
        Ok(_) => vec!["compiled".to_string()],
        Err(line) => vec![line],
    }
}

#[test]
fn symbol_tables_and_errors_match_cpython() {
    assert!(TABLES.len() >= 60, "the corpus covers at least 60 snippets");
    let Some(check) = cross_check(TABLES.len() + ERRORS.len()) else {
        return;
    };
    let lines = check.python().run(&cpython_script(TABLES, ERRORS));
    let cases = split_cases(&lines);
    assert_eq!(
        cases.len(),
        TABLES.len() + ERRORS.len(),
        "CPython printed every case"
    );
    let mut failures = Vec::new();
    let ours = TABLES
        .iter()
        .map(|src| our_table(src))
        .chain(ERRORS.iter().map(|src| our_error(src)));
    let sources = TABLES.iter().chain(ERRORS);
    for ((src, ours), theirs) in sources.zip(ours).zip(&cases) {
        if &ours != theirs {
            failures.push(format!(
                "--- {src:?}\nCPython:\n  {}\nours:\n  {}",
                theirs.join("\n  "),
                ours.join("\n  ")
            ));
        }
        check.compared(1);
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
