//! The disassembler against CPython 3.12.1's `dis.dis`.
//!
//! CPython compiles each snippet and dumps every field of its code objects (recursively: the
//! nested ones are constants) as JSON, with `dis.dis(code)`'s output. We rebuild each
//! [`CodeObject`] from the dump, run our [`dis`], and compare the text line by line (code
//! objects' addresses normalised). This tests the disassembler and the line-table reader
//! independently of our code generator.

use std::rc::Rc;

use num_bigint::BigInt;
use pyrt_compiler::code::{CodeObject, Constant, local_kind};
use pyrt_compiler::dis::{DisOptions, dis};
use pyrt_compiler::linetable;
use serde_json::Value;

/// Sources that need many lines, names or constants.
fn generated_snippets() -> Vec<String> {
    let mut out = Vec::new();
    // More than 256 constants and names: EXTENDED_ARG on LOAD_CONST and STORE_NAME.
    out.push((0..300).map(|i| format!("x{i} = {i}.5\n")).collect());
    // Lines past 999: a wider line column.
    out.push(format!("{}x = 1\ny = x\n", "\n".repeat(1100)));
    // A jump over more than 255 code units.
    out.push(format!(
        "if x:\n{}else:\n    y = 2\n",
        "    y = z\n".repeat(200)
    ));
    // Offsets past 9 999: a wider offset column.
    out.push((0..3000).map(|i| format!("a{} = b\n", i % 10)).collect());
    // A function with more than 256 globals (LOAD_GLOBAL's EXTENDED_ARG) and locals.
    let globals: Vec<String> = (0..300).map(|i| format!("g{i}")).collect();
    let locals: Vec<String> = (0..300).map(|i| format!("l{i} = {i}")).collect();
    out.push(format!(
        "def f():\n    {}\n    return ({},)\n",
        locals.join("\n    "),
        globals.join(", ")
    ));
    // A loop whose body is long: JUMP_BACKWARD with EXTENDED_ARG.
    out.push(format!("for i in x:\n{}", "    y = i + 1\n".repeat(100)));
    out
}

const SNIPPETS: &[&str] = &[
    "x = 1\n",
    "x = a + b * c\n",
    "def f(a, b=1, *args, c, d=2, **kw):\n    return a + b\n",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
    "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\nelse:\n    pass\n",
    "while x:\n    x -= 1\n    if x == 5: break\n",
    "try:\n    f()\nexcept ValueError as e:\n    print(e)\nexcept Exception:\n    pass\nelse:\n    g()\nfinally:\n    h()\n",
    "with open(f) as g:\n    g.read()\n",
    "async def f():\n    async with a as b:\n        await b\n    async for x in y:\n        pass\n",
    "x = [x * 2 for x in y if x]\n",
    "x = {x: y for x, y in z}\n",
    "x = {x for x in y}\n",
    "x = (x for x in y)\n",
    "def g():\n    yield 1\n    yield from h()\n    x = yield\n",
    "class C(B, metaclass=M):\n    '''doc'''\n    x = 1\n    def m(self):\n        return super().m()\n",
    "x = f'{a!r:>{w}} {b!s} {c!a} {d}'\n",
    "import os.path as p\nfrom a import b, c\nfrom . import d\nfrom m import *\n",
    "x = a[1:2]\na[1:2] = b\ndel a[0]\n",
    "print(*a, **k)\nf(a, b=1)\nf(x=1, *y)\n",
    "x = lambda a, *, b=2: a + b\n",
    "def f():\n    global g\n    g = 1\n",
    "match x:\n    case [1, 2, *rest]: pass\n    case {'a': 1, **kw}: pass\n    case C(a, b=2): pass\n    case 1 | 2: pass\n    case _: pass\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "try:\n    f()\nexcept* ValueError as e:\n    g(e)\nexcept* TypeError:\n    h()\n",
    "assert x, 'msg'\n",
    "raise ValueError('x') from None\n",
    "x = a if b else c\n",
    "x = a and b or not c\n",
    "def f():\n    x = (yield)\n    return x\n",
    "def f[T](x: T) -> T:\n    return x\n",
    "type X = list[int]\n",
    "class C[T]:\n    pass\n",
    "x: int = 1\ndef f(a: int) -> str: pass\n",
    "x = {'a': 1, 'b': 2, **c}\n",
    "x = [1, 2, 3]\ny = {1, 2, 3}\nz = (1, 2, 3)\n",
    "a, *b, c = x\n(a, b), c = y\n",
    "a.b += 1\na[i] += 1\n",
    "del x, y.z, w[0]\n",
    "with a, b as c:\n    pass\n",
    "for x in y:\n    try:\n        if x: break\n        continue\n    finally:\n        f()\n",
    "def f():\n    try:\n        return 1\n    finally:\n        print('x')\n",
    "x = -a\ny = ~a\nz = not a\nw = +a\n",
    "x = a is b\ny = a is not b\nz = a in b\nw = a not in b\n",
    "x = a < b < c\n",
    "if a < b <= c:\n    pass\n",
    "class C:\n    def __init__(self):\n        super().__init__()\n        super().x\n",
    "def f(x):\n    return x.y.z(1)\n",
    "def f():\n    return g(1, 2, k=3)\n",
    "x = 10 ** 100\ny = 1e100\nz = b'\\x00'\nw = 'a\\nb'\nv = 3j\nu = ...\nt = -0.0\n",
    "x = (1, (2.5, 'x'), b'y', None, True, -1j)\n",
    "x = a in {1, 2, 3}\ny = a in ['p', 'q']\n",
    "async def f():\n    yield 1\n",
    "async def f():\n    await g()\n    return [x async for x in y]\n",
    "def f():\n    x = 1\n    del x\n    return locals()\n",
    "x = 'h\u{e9}llo\\u2028\\x7f\"\\''\n",
    "def a():\n    x = 1\n    def b():\n        y = 2\n        def c():\n            return x + y\n        return c\n    return b\n",
    "def f(*, a): pass\n",
    "def f(a, /, b): pass\n",
    "for x in y:\n    try:\n        pass\n    except E as e:\n        continue\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise\nelse:\n    pass\n",
    "x = [i for i in range(3) for j in range(i)]\n",
    "def f():\n    return [lambda: i for i in range(3)]\n",
    "class C:\n    x = [y for y in range(3)]\n",
    "def f(a):\n    match a:\n        case (x, y) if x > y:\n            return x\n    return None\n",
    "import sys\nif sys.version_info >= (3,):\n    pass\n",
    "x = a @ b\na @= b\nx = a ** -b\nx //= 2\n",
    "if (n := len(a)) > 10:\n    print(n)\n",
    "x = [*a, *b]\ny = {**a}\nz = (*a,)\n",
    "def f():\n    yield from g()\n",
    "async def f():\n    with a:\n        pass\n    async with b:\n        return 1\n",
    "def f(a, b):\n    a, b = b, a\n    return a\n",
    "x = 1\n\n\n\ny = 2\n",
    "def f():\n    '''doc'''\n    return\n",
    "nonlocal_free = 1\ndef f():\n    def g():\n        nonlocal v\n        v = 2\n    v = 1\n    return g\n",
    "def f(x):\n    return [x for _ in range(3)]\n",
    "def f():\n    x = 1\n    return [x + y for y in range(3)]\n",
    "print('%s' % (a,))\n",
    "x = 2 ** 64\ny = 'a' * 5\n",
    "class C:\n    def f(self): return __class__\n",
    "def f(a, b):\n    return a if a > b else b\n",
    "while True:\n    if f(): break\nelse:\n    g()\n",
];

/// The CPython side: a JSON line per snippet.
const SCRIPT: &str = r#"
import dis, io, json, struct, sys

def float_bits(x):
    return struct.unpack('<Q', struct.pack('<d', x))[0]

def const(c):
    if c is None: return {"t": "None"}
    if c is Ellipsis: return {"t": "Ellipsis"}
    if isinstance(c, bool): return {"t": "bool", "v": c}
    if isinstance(c, int): return {"t": "int", "v": str(c)}
    if isinstance(c, float): return {"t": "float", "v": float_bits(c)}
    if isinstance(c, complex): return {"t": "complex", "v": [float_bits(c.real), float_bits(c.imag)]}
    if isinstance(c, str): return {"t": "str", "v": c}
    if isinstance(c, bytes): return {"t": "bytes", "v": c.hex()}
    if isinstance(c, tuple): return {"t": "tuple", "v": [const(x) for x in c]}
    if isinstance(c, frozenset): return {"t": "frozenset", "v": [const(x) for x in c]}
    if hasattr(c, "co_code"): return {"t": "code", "v": code(c)}
    raise TypeError(type(c))

def code(co):
    names = []
    while True:
        try:
            names.append(co._varname_from_oparg(len(names)))
        except IndexError:
            break
    return {
        "argcount": co.co_argcount, "posonlyargcount": co.co_posonlyargcount,
        "kwonlyargcount": co.co_kwonlyargcount, "flags": co.co_flags,
        "stacksize": co.co_stacksize, "firstlineno": co.co_firstlineno,
        "code": co.co_code.hex(), "consts": [const(c) for c in co.co_consts],
        "names": list(co.co_names), "localsplusnames": names,
        "varnames": list(co.co_varnames), "cellvars": list(co.co_cellvars),
        "freevars": list(co.co_freevars), "filename": co.co_filename, "name": co.co_name,
        "qualname": co.co_qualname, "linetable": co.co_linetable.hex(),
        "exceptiontable": co.co_exceptiontable.hex(),
        "positions": [list(p) for p in co.co_positions()],
        "lines": [list(l) for l in co.co_lines()],
    }

for src in json.loads(sys.stdin.read()):
    co = compile(src, "<s>", "exec")
    out = io.StringIO()
    dis.dis(co, file=out)
    print(json.dumps({"code": code(co), "dis": out.getvalue()}))
"#;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn strings(v: &Value) -> Vec<Rc<str>> {
    v.as_array()
        .expect("a list")
        .iter()
        .map(|s| Rc::from(s.as_str().expect("a str")))
        .collect()
}

fn constant(v: &Value) -> Constant {
    let value = &v["v"];
    match v["t"].as_str().expect("a type") {
        "None" => Constant::None,
        "Ellipsis" => Constant::Ellipsis,
        "bool" => Constant::Bool(value.as_bool().expect("a bool")),
        "int" => Constant::Int(
            value
                .as_str()
                .expect("digits")
                .parse::<BigInt>()
                .expect("an int"),
        ),
        "float" => Constant::Float(f64::from_bits(value.as_u64().expect("bits"))),
        "complex" => Constant::Complex(
            f64::from_bits(value[0].as_u64().expect("bits")),
            f64::from_bits(value[1].as_u64().expect("bits")),
        ),
        "str" => Constant::Str(Rc::from(value.as_str().expect("a str"))),
        "bytes" => Constant::Bytes(hex(value.as_str().expect("hex")).into()),
        "tuple" => Constant::Tuple(
            value
                .as_array()
                .expect("items")
                .iter()
                .map(constant)
                .collect(),
        ),
        "frozenset" => Constant::FrozenSet(
            value
                .as_array()
                .expect("items")
                .iter()
                .map(constant)
                .collect(),
        ),
        "code" => Constant::Code(Rc::new(code_object(value))),
        other => panic!("unknown constant type {other}"),
    }
}

/// A code object from CPython's dump; the slot kinds come from `co_varnames`, `co_cellvars`
/// and `co_freevars` (3.12 does not show `co_localspluskinds`).
fn code_object(v: &Value) -> CodeObject {
    let u32_of = |key: &str| v[key].as_u64().expect("a number") as u32;
    let localsplusnames = strings(&v["localsplusnames"]);
    let (varnames, cellvars, freevars) = (
        strings(&v["varnames"]),
        strings(&v["cellvars"]),
        strings(&v["freevars"]),
    );
    let localspluskinds = localsplusnames
        .iter()
        .map(|name| {
            let mut kind = 0;
            if varnames.contains(name) {
                kind |= local_kind::LOCAL;
            }
            if cellvars.contains(name) {
                kind |= local_kind::CELL;
            }
            if freevars.contains(name) {
                kind |= local_kind::FREE;
            }
            kind
        })
        .collect();
    let code = CodeObject {
        argcount: u32_of("argcount"),
        posonlyargcount: u32_of("posonlyargcount"),
        kwonlyargcount: u32_of("kwonlyargcount"),
        flags: u32_of("flags"),
        stacksize: u32_of("stacksize"),
        firstlineno: u32_of("firstlineno"),
        code: hex(v["code"].as_str().expect("hex")),
        consts: v["consts"]
            .as_array()
            .expect("consts")
            .iter()
            .map(constant)
            .collect(),
        names: strings(&v["names"]),
        localsplusnames,
        localspluskinds,
        filename: Rc::from(v["filename"].as_str().expect("a str")),
        name: Rc::from(v["name"].as_str().expect("a str")),
        qualname: Rc::from(v["qualname"].as_str().expect("a str")),
        linetable: hex(v["linetable"].as_str().expect("hex")),
        exceptiontable: hex(v["exceptiontable"].as_str().expect("hex")),
    };
    check_line_table(&code, v);
    assert_eq!(code.varnames(), varnames, "{}: co_varnames", code.name);
    assert_eq!(code.cellvars(), cellvars, "{}: co_cellvars", code.name);
    assert_eq!(code.freevars(), freevars, "{}: co_freevars", code.name);
    code
}

/// `co_positions()` and `co_lines()` from our line-table reader against CPython's.
fn check_line_table(code: &CodeObject, v: &Value) {
    let opt = |x: i32| if x < 0 { Value::Null } else { Value::from(x) };
    let positions: Vec<Value> = linetable::positions(&code.linetable, code.firstlineno as i32)
        .iter()
        .map(|l| {
            Value::from(vec![
                opt(l.lineno),
                opt(l.end_lineno),
                opt(l.col_offset),
                opt(l.end_col_offset),
            ])
        })
        .collect();
    assert_eq!(
        Value::from(positions),
        v["positions"],
        "{}: co_positions()",
        code.name
    );
    let lines: Vec<Value> = linetable::lines(&code.linetable, code.firstlineno as i32)
        .iter()
        .map(|(start, end, line)| {
            Value::from(vec![
                Value::from(*start),
                Value::from(*end),
                line.map_or(Value::Null, Value::from),
            ])
        })
        .collect();
    assert_eq!(Value::from(lines), v["lines"], "{}: co_lines()", code.name);
}

/// Replaces every ` at 0x<hex>` with ` at 0xADDR`.
fn normalise_addresses(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i]);
        out.push_str(" at 0xADDR");
        rest = rest[i + 6..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn dis_matches_cpython() {
    let mut snippets: Vec<String> = SNIPPETS.iter().map(|s| s.to_string()).collect();
    snippets.extend(generated_snippets());
    assert!(snippets.len() >= 60);
    let Some(check) = pyrt_tests::cpython::cross_check(snippets.len()) else {
        return;
    };
    let payload = serde_json::to_string(&snippets).expect("JSON");
    let script = SCRIPT.replacen(
        "sys.stdin.read()",
        &serde_json::to_string(&payload).expect("JSON"),
        1,
    );
    let lines = check.python().run(&script);
    assert_eq!(lines.len(), snippets.len());
    let mut failures = Vec::new();
    let mut all_text = String::new();
    for (source, line) in snippets.iter().zip(&lines) {
        let dump: Value = serde_json::from_str(line).expect("CPython's JSON");
        all_text.push_str(dump["dis"].as_str().expect("text"));
        let code = code_object(&dump["code"]);
        let mut ours = String::new();
        dis(&code, &mut ours, &DisOptions::default());
        let theirs = normalise_addresses(dump["dis"].as_str().expect("text"));
        let ours = normalise_addresses(&ours);
        if ours != theirs {
            let first = ours
                .lines()
                .zip(theirs.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(ours.lines().count().min(theirs.lines().count()));
            let show = |text: &str| text.lines().nth(first).unwrap_or("<end>").to_owned();
            failures.push(format!(
                "{:?}\n  line {}: cpython {:?}\n  line {}: ours    {:?}",
                &source[..source.len().min(80)],
                first + 1,
                show(&theirs),
                first + 1,
                show(&ours)
            ));
        }
        check.compared(1);
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        snippets.len(),
        failures.join("\n")
    );
}

#[test]
fn show_caches_and_depth_match_cpython() {
    let sources = [
        "def f(x):\n    return x.y(len(x)) + x[0]\n",
        "def f():\n    def g():\n        def h(): pass\n",
    ];
    let Some(check) = pyrt_tests::cpython::cross_check(sources.len() * 2) else {
        return;
    };
    let script = SCRIPT
        .replacen(
            "sys.stdin.read()",
            &serde_json::to_string(&serde_json::to_string(&sources).unwrap()).unwrap(),
            1,
        )
        .replace("dis.dis(co, file=out)", "dis.dis(co, file=out, show_caches=True)\n    print('=====', file=out)\n    dis.dis(co, file=out, depth=1)");
    for (source, line) in sources.iter().zip(check.python().run(&script)) {
        let dump: Value = serde_json::from_str(&line).expect("CPython's JSON");
        let code = code_object(&dump["code"]);
        let mut ours = String::new();
        dis(
            &code,
            &mut ours,
            &DisOptions {
                show_caches: true,
                ..DisOptions::default()
            },
        );
        ours.push_str("=====\n");
        dis(
            &code,
            &mut ours,
            &DisOptions {
                depth: Some(1),
                ..DisOptions::default()
            },
        );
        let theirs = normalise_addresses(dump["dis"].as_str().unwrap());
        assert_eq!(normalise_addresses(&ours), theirs, "{source}");
        check.compared(2);
    }
}

#[test]
fn a_caller_supplies_the_constants_repr() {
    let code = CodeObject {
        code: vec![151, 0, 100, 0, 83, 0],
        consts: vec![Constant::Code(Rc::new(CodeObject {
            name: "f".into(),
            firstlineno: 2,
            filename: "<s>".into(),
            ..CodeObject::default()
        }))],
        firstlineno: 1,
        ..CodeObject::default()
    };
    let repr = |c: &Constant| match c {
        Constant::Code(inner) => format!("<code object {} at 0x1234>", inner.name),
        other => other.repr(),
    };
    let mut out = String::new();
    dis(
        &code,
        &mut out,
        &DisOptions {
            repr: &repr,
            ..DisOptions::default()
        },
    );
    assert_eq!(
        out,
        // No line table: no line column.
        "          0 RESUME                   0\n          2 LOAD_CONST               0 (<code object f at 0x1234>)\n          4 RETURN_VALUE\n\nDisassembly of <code object f at 0x1234>:\n"
    );
}
