//! The flow graph and assembler against the live CPython 3.12: each module of the corpus goes
//! through CPython's code generator (`_testinternalcapi.compiler_codegen`, before any
//! optimisation), then through our `optimize_and_assemble`, and the code object must equal
//! `compile(src, "<s>", "exec")`'s field by field: `co_code`, `co_consts`, `co_names`,
//! `co_varnames`, `co_cellvars`, `co_freevars`, `co_stacksize`, `co_flags`, `co_linetable`,
//! `co_exceptiontable`, `co_firstlineno`. This tests the stage on its own, whatever our code
//! generator does. Also: every opcode's stack effect against `dis.stack_effect`.

mod flowgraph_oracle;

use flowgraph_oracle::{fields, listing, oracle_script, parse_cases, sequence};
use pyrt_compiler::flowgraph::{optimize_and_assemble, stack_effect};
use pyrt_compiler::instr::{Instr, InstrSequence, Location, UnitMetadata};
use pyrt_compiler::opcode::{ALL, HAVE_ARGUMENT, Opcode};
use pyrt_compiler::{Constant, ErrorKind};
use pyrt_tests::cpython::cross_check;

/// Hand-written modules: every statement and expression form whose control flow, exception
/// handling, constants or locations the optimiser and assembler touch.
const CORPUS: &[&str] = &[
    "x = 1",
    "x = 1\ny = x + 2\nprint(x, y)\n",
    "if a:\n    b = 1\n",
    "if a:\n    b = 1\nelse:\n    b = 2\n",
    "if a:\n    b = 1\nelif c:\n    b = 2\nelse:\n    b = 3\n",
    "while a:\n    a -= 1\n",
    "while a:\n    if b:\n        break\n    a -= 1\nelse:\n    c = 1\n",
    "for i in range(10):\n    if i % 2:\n        continue\n    print(i)\n",
    "for i in x:\n    pass\nelse:\n    y = 1\n",
    "for i, j in pairs:\n    print(i, j)\n",
    "try:\n    a()\nexcept:\n    b()\n",
    "try:\n    a()\nexcept ValueError as e:\n    b(e)\n",
    "try:\n    a()\nexcept (ValueError, TypeError):\n    b()\nelse:\n    c()\nfinally:\n    d()\n",
    "try:\n    try:\n        a()\n    finally:\n        b()\nexcept E:\n    pass\n",
    "try:\n    a()\nfinally:\n    b()\n",
    "try:\n    pass\nfinally:\n    pass\n",
    "with open(f) as g:\n    g.read()\n",
    "with a as b, c as d:\n    e(b, d)\n",
    "with a:\n    pass\n",
    "with a as (b, c):\n    pass\n",
    "x = [i * 2 for i in range(10)]",
    "x = {k: v for k, v in items if k}",
    "x = {i for i in y}",
    "x = (i for i in y)",
    "x = [i for i in a for j in b if i if j]",
    "x = [a for a in b]\ny = a\n",
    "x = [lambda: i for i in range(3)]",
    "x = a and b or c",
    "x = a < b < c",
    "if a < b < c:\n    pass\n",
    "x = a if b else c",
    "print(a if b else c, d or e)",
    "if a and b or c and not d:\n    e()\n",
    "x = not a",
    "x = a in b\ny = a not in b\n",
    "x = None\nif x is None:\n    y = 1\n",
    "if x is not None:\n    y = 1\n",
    "assert x",
    "assert x, 'msg'",
    "raise ValueError('x')",
    "raise",
    "try:\n    pass\nexcept E as e:\n    raise X from e\n",
    "try:\n    f()\nexcept E as e:\n    pass\nprint(e)\n",
    "del a, b[0], c.d",
    "match x:\n    case 1:\n        y = 1\n    case [a, b]:\n        y = a\n    case {'k': v}:\n        y = v\n    case Point(x=0):\n        y = 0\n    case _:\n        y = None\n",
    "match p:\n    case (a, b, *rest) if a > b:\n        pass\n    case str() | bytes():\n        pass\n",
    "match x:\n    case {'a': 1, **rest}:\n        pass\n    case [1, *_, 2]:\n        pass\n    case A.B:\n        pass\n",
    "import os\nimport os.path as p\nfrom sys import argv, path as q\nfrom . import mod\n",
    "from m import *",
    "import a.b.c",
    "x += 1\ny.z -= 2\nw[0] *= 3\n",
    "a, *b, c = d",
    "a, b = b, a",
    "a, b, c = c, b, a",
    "a = b = c = 0",
    "f(1, 2, x=3, *args, **kwargs)",
    "f(a, b=c)",
    "f(*a)",
    "f(**k)",
    "x.m(1, 2)",
    "print(*[1, 2], sep='')",
    "x = f(a)(b)(c)",
    "x = a.b.c.d",
    "s = f'{a}-{b!r:>10}-{c:{d}}'",
    "x = (1,\n     2,\n     3)\n",
    "y = f(\n    a,\n    b,\n)\n",
    "if 0:\n    x = 1\n",
    "if 1:\n    a = 1\nelse:\n    a = 2\n",
    "while 1:\n    x()\n    if y: break\n",
    "while True:\n    pass\n",
    "def f(a, b=1, *c, d, **e):\n    return a\n",
    "class C(B):\n    x = 1\n    def m(self):\n        return super().m()\n",
    "@dec\ndef g():\n    yield 1\n",
    "async def h():\n    await x\n",
    "lambda: 0",
    "def outer():\n    x = 1\n    def inner():\n        return x\n    return inner\n",
    "x = [1, 2, 3]",
    "x = {1, 2, 3}",
    "x = {'a': 1, 'b': 2}",
    "x = (1, 2, (3, 4))",
    "x = (a, 1, 2)",
    "x = a[1:2]\na[1:2] = b\nx = a[::2]\n",
    "global g\ng = 1",
    "x = -1\ny = ~2\nz = 2 ** 100\n",
    "x = 'abc' * 3\ny = b'bytes'\nz = 1.5\nw = 2j\n",
    "x = ...\ny = True\nz = False\n",
    "x = -0.0\ny = 0.0\nz = (0.0, -0.0)\n",
    "x: int = 1\ny: str\n",
    "for x in y:\n    try:\n        f()\n    except E:\n        continue\n    finally:\n        g()\n",
    "while a:\n    try:\n        break\n    finally:\n        c()\n",
    "with a:\n    for x in y:\n        if x:\n            break\n",
    "try:\n    f()\nexcept* E:\n    g()\n",
    "x = [*a, *b]\ny = (*a, 1)\nz = {**d, 'k': 1}\n",
    "x = 1; y = 2; z = 3",
    "for i in range(3):\n    for j in range(3):\n        if i == j: break\n    else:\n        continue\n    break\n",
    "try:\n    import foo\nexcept ImportError:\n    foo = None\nelse:\n    pass\n",
    "if (n := len(a)) > 10:\n    print(n)\n",
    "while (line := f()):\n    print(line)\n",
    "s = 'é' + x + 'ü'\nt = x",
    "\n\n\n# comment\n\n\n\nx = 1\n\n\n\n\n\ny = 2\n",
    "x = 1\n",
    "try:\n    with a:\n        b()\nexcept E:\n    with c:\n        raise\n",
    "x = [y for y in z if y is not None]",
    "x = {a: [b for b in a] for a in c}",
    "for x in []:\n    pass\n",
    "if a:\n    pass\nelif b:\n    pass\n",
    "x = a or b or c or d",
    "x = a == 1 and b != 2 or c >= 3",
    "if not a:\n    b()\nelse:\n    c()\n",
    "while not done:\n    step()\n",
    "try:\n    a()\nexcept E:\n    b()\nexcept F:\n    c()\nexcept:\n    d()\n",
    "assert isinstance(x, int), f'bad {x!r}'",
    "x = [i for i in range(3)]\ny = [i for i in range(4)]\n",
    "class A:\n    pass\nclass B(A, metaclass=M):\n    y: int = 0\n",
    "x = lambda a, *, b=2: a + b",
];

/// Modules made to need `EXTENDED_ARG`s and long jumps, big exception-table values, many
/// locations and long-form location entries.
fn generated() -> Vec<String> {
    let mut out = Vec::new();
    // 300 distinct constants and 300 names: LOAD_CONST and STORE_NAME past 255.
    out.push((0..300).map(|i| format!("v{i} = {}\n", 1000 + i)).collect());
    // A long if-body: the forward jump over it is past 255 code units.
    let body: String = (0..150).map(|i| format!("    x{i} = y + z\n")).collect();
    out.push(format!("if a:\n{body}else:\n    b = 1\n"));
    // A long loop: the backward jump is past 255 code units.
    out.push(format!("while a:\n{body}"));
    // A long try-body: exception table values past 63.
    out.push(format!("try:\n{body}except E:\n    pass\n"));
    // Wide columns and far lines: long-form entries and big line deltas.
    let wide = format!("x = {} + y\n", "a".repeat(130));
    out.push(format!("{wide}{}z = 1\n{wide}", "\n".repeat(70)));
    out.push(format!("x = f(a,\n\n\n\n      b){}\n", " ".repeat(90)));
    // A constant expression, and a long elif chain.
    let elifs: String = (0..40)
        .map(|i| format!("elif a == {i}:\n    b = {i}\n"))
        .collect();
    out.push(format!(
        "if a is None:\n    b = -1\n{elifs}else:\n    b = 0\n"
    ));
    // Many comprehension locals at module level.
    let comps: String = (0..70)
        .map(|i| format!("l{i} = [c{i} for c{i} in r]\n"))
        .collect();
    out.push(comps);
    out
}

fn corpus() -> Vec<String> {
    let mut all: Vec<String> = CORPUS.iter().map(|s| s.to_string()).collect();
    all.extend(generated());
    all
}

#[test]
fn optimize_and_assemble_matches_cpython() {
    let sources = corpus();
    let Some(check) = cross_check(sources.len()) else {
        return;
    };
    let lines = check.python().run(&oracle_script(&sources));
    let cases = parse_cases(&lines);
    assert_eq!(cases.len(), sources.len());
    let mut failures = Vec::new();
    for (src, case) in sources.iter().zip(&cases) {
        let ours = match optimize_and_assemble(sequence(case), case.meta.clone(), "<s>") {
            Ok(code) => fields(&code),
            Err(e) => {
                failures.push(format!("--- {src:?}\nerror: {e}"));
                continue;
            }
        };
        let mut diffs = Vec::new();
        let mut keys: Vec<&String> = case.expected.keys().collect();
        keys.sort();
        for key in keys {
            let want = &case.expected[key];
            let got = &ours[key];
            if want != got {
                diffs.push(format!("{key}:\n  want {want}\n  got  {got}"));
                if key == "code" {
                    diffs.push(format!("want:\n{}got:\n{}", listing(want), listing(got)));
                }
            }
        }
        if !diffs.is_empty() {
            failures.push(format!("--- {src:?}\n{}", diffs.join("\n")));
        }
        check.compared(1);
    }
    assert!(
        failures.is_empty(),
        "{} of {} modules differ from CPython:\n{}",
        failures.len(),
        sources.len(),
        failures.join("\n")
    );
}

/// The arguments each stack effect is checked at.
fn effect_args() -> Vec<u32> {
    let mut args: Vec<u32> = (0..=300).collect();
    args.extend([511, 512, 1000, 65535, 65536, 1 << 20, (1 << 24) + 3]);
    args
}

#[test]
fn stack_effects_match_dis() {
    let Some(check) = cross_check(1) else { return };
    let args = effect_args();
    let script = format!(
        "import dis, opcode\n\
         args = {args:?}\n\
         for op in {ops:?}:\n\
         \x20   takes = op >= opcode.HAVE_ARGUMENT and op not in (256, 257, 258, 259)\n\
         \x20   for a in (args if takes else [None]):\n\
         \x20       for j in (False, True):\n\
         \x20           try:\n\
         \x20               e = dis.stack_effect(op, a, jump=j) if takes else dis.stack_effect(op, jump=j)\n\
         \x20           except ValueError:\n\
         \x20               e = 'X'\n\
         \x20           print(op, a if takes else 0, int(j), e)\n",
        ops = ALL.iter().map(|&op| op as u16).collect::<Vec<_>>(),
    );
    let want = check.python().run(&script);
    let mut got = Vec::new();
    for &op in ALL {
        let n = op as u16;
        let takes = n >= HAVE_ARGUMENT && !(op.is_block_push() || op == Opcode::PopBlock);
        let op_args = if takes { args.clone() } else { vec![0] };
        for a in op_args {
            for jump in [false, true] {
                let e = stack_effect(op, a, jump).map_or("X".to_string(), |e| e.to_string());
                got.push(format!("{n} {a} {} {e}", i32::from(jump)));
            }
        }
    }
    assert_eq!(got.len(), want.len());
    let diffs: Vec<String> = got
        .iter()
        .zip(&want)
        .filter(|(g, w)| g != w)
        .map(|(g, w)| format!("ours {g} / dis {w}"))
        .take(40)
        .collect();
    assert!(
        diffs.is_empty(),
        "stack effects differ:\n{}",
        diffs.join("\n")
    );
    check.compared(1);
}

/// A sequence with one instruction per (opcode, argument), at line 1.
fn seq_of(instrs: &[(Opcode, u32)]) -> InstrSequence {
    let loc = Location {
        lineno: 1,
        end_lineno: 1,
        col_offset: 0,
        end_col_offset: 1,
    };
    let mut seq = InstrSequence::default();
    for &(op, arg) in instrs {
        seq.instrs.push(Instr { op, arg, loc });
    }
    seq
}

fn module_meta(consts: Vec<Constant>) -> UnitMetadata {
    UnitMetadata {
        name: "<module>".into(),
        consts,
        firstlineno: 1,
        ..UnitMetadata::default()
    }
}

#[test]
fn malformed_sequences_are_errors_not_panics() {
    // A jump to a label never placed.
    let mut seq = seq_of(&[(Opcode::Resume, 0)]);
    let label = seq.new_label();
    seq.instrs.push(Instr {
        op: Opcode::Jump,
        arg: label.0,
        loc: Location::NONE,
    });
    let err = optimize_and_assemble(seq, module_meta(vec![]), "<s>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::System);
    // POP_BLOCK with no handler.
    let seq = seq_of(&[(Opcode::PopBlock, 0), (Opcode::ReturnConst, 0)]);
    let err = optimize_and_assemble(seq, module_meta(vec![Constant::None]), "<s>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::System);
    // A stack underflow.
    let seq = seq_of(&[(Opcode::PopTop, 0), (Opcode::ReturnConst, 0)]);
    let err = optimize_and_assemble(seq, module_meta(vec![Constant::None]), "<s>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::System);
    // An empty unit.
    let err =
        optimize_and_assemble(InstrSequence::default(), module_meta(vec![]), "<s>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::System);
    // A constant index out of range.
    let seq = seq_of(&[(Opcode::LoadConst, 7), (Opcode::ReturnValue, 0)]);
    let err = optimize_and_assemble(seq, module_meta(vec![]), "<s>").unwrap_err();
    assert_eq!(err.kind, ErrorKind::System);
}

/// One fast-locals layout: (varnames, cellvars, freevars, argcount).
type Layout = (
    &'static [&'static str],
    &'static [&'static str],
    &'static [&'static str],
    u32,
);

/// Layouts of cells and free variables, cells that are arguments among them.
const LAYOUTS: &[Layout] = &[
    (&["a", "b"], &["b", "c"], &["d"], 2),
    (&["x"], &["y", "z"], &[], 0),
    (&["p", "q"], &["p", "q"], &[], 2),
    (&[], &[], &["u", "v"], 0),
    (&["c", "b", "a"], &["a", "c"], &["e", "f"], 3),
    (&["s"], &["t"], &["w"], 1),
];

#[test]
fn cells_and_free_variables_match_assemble_code_object() {
    let Some(check) = cross_check(LAYOUTS.len()) else {
        return;
    };
    let dict = |names: &[&str], base: usize| {
        let items: Vec<String> = (0..names.len())
            .map(|i| format!("{:?}: {}", names[i], base + i))
            .collect();
        format!("{{{}}}", items.join(", "))
    };
    for &(varnames, cellvars, freevars, argcount) in LAYOUTS {
        // Load every cell and free variable, make a tuple of them, return it.
        let nderefs = (cellvars.len() + freevars.len()) as u32;
        let mut ops: Vec<(Opcode, u32)> = vec![(Opcode::Resume, 0)];
        ops.extend((0..nderefs).map(|i| (Opcode::LoadDeref, i)));
        ops.extend([(Opcode::BuildTuple, nderefs), (Opcode::ReturnValue, 0)]);
        let insts: Vec<String> = ops
            .iter()
            .map(|&(op, arg)| format!("({}, {arg}, 1, 1, 0, 1)", op as u16))
            .collect();
        let script = format!(
            "import _testinternalcapi\n\
             meta = {{'name': 'f', 'qualname': 'f', 'consts': {{}}, 'names': {{}},\n\
             \x20   'varnames': {}, 'cellvars': {}, 'freevars': {}, 'fasthidden': {{}},\n\
             \x20   'argcount': {argcount}, 'posonlyargcount': 0, 'kwonlyargcount': 0, 'firstlineno': 1}}\n\
             co = _testinternalcapi.assemble_code_object('<s>', [{}], meta)\n\
             print(co.co_code.hex(), co.co_varnames, co.co_cellvars, co.co_freevars, co.co_nlocals,\n\
             \x20     co.co_stacksize, co.co_linetable.hex())\n",
            dict(varnames, 0),
            dict(cellvars, 0),
            dict(freevars, cellvars.len()),
            insts.join(", "),
        );
        let want = check.python().run(&script);
        let meta = UnitMetadata {
            name: "f".into(),
            qualname: "f".into(),
            varnames: varnames.iter().map(|&n| n.into()).collect(),
            cellvars: cellvars.iter().map(|&n| n.into()).collect(),
            freevars: freevars.iter().map(|&n| n.into()).collect(),
            argcount,
            firstlineno: 1,
            ..UnitMetadata::default()
        };
        let code = optimize_and_assemble(seq_of(&ops), meta, "<s>").expect("assembles");
        let tuple = |v: Vec<std::rc::Rc<str>>| match v.len() {
            1 => format!("('{}',)", v[0]),
            _ => format!(
                "({})",
                v.iter()
                    .map(|n| format!("'{n}'"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        let got = format!(
            "{} {} {} {} {} {} {}",
            flowgraph_oracle::hex(&code.code),
            tuple(code.varnames()),
            tuple(code.cellvars()),
            tuple(code.freevars()),
            code.nlocals(),
            code.stacksize,
            flowgraph_oracle::hex(&code.linetable),
        );
        assert_eq!(
            vec![got],
            want,
            "layout {varnames:?} {cellvars:?} {freevars:?}"
        );
        check.compared(1);
    }
}
