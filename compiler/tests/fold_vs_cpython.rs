//! Constant folding against CPython 3.12.1's `ast_opt.c`.
//!
//! Each case is a small module. CPython compiles it with
//! `_testinternalcapi.compiler_codegen` (which folds first) and prints the instructions the
//! expression became, with constants by `repr`. Our side folds the same source with
//! [`fold_module`] and prints the instructions a code generator that follows
//! [`FoldedConstants`] emits for the expression (a small one here, for names, constants,
//! operators, displays, comparisons and subscripts). The two lines must be equal: a folded
//! value, its repr, whether it folded at all, and the other rewrites (lists iterated over as
//! tuples, `not (a is b)`, `%`-formats as f-strings, hidden docstrings) are all compared.

use pyrt_compiler::code::Constant;
use pyrt_compiler::fold::{FoldedConstants, FormatPiece, MAX_NESTING, fold_module};
use ruff_python_ast::{CmpOp, Expr, InterpolatedStringElement, Operator, Stmt, UnaryOp};

/// What part of the module's code a case compares.
#[derive(Clone, Copy)]
enum Kind {
    /// `x = EXPR`: the code before `STORE_NAME x`.
    Assign,
    /// `for x in EXPR: pass`: the code before `GET_ITER`.
    ForIter,
    /// `[y for y in EXPR]`: the code before `GET_ITER`.
    CompIter,
    /// `EXPR` as a module's first statement: all the code (docstring or not).
    FirstStatement,
}

impl Kind {
    fn source(self, expr: &str) -> String {
        match self {
            Kind::Assign => format!("x = {expr}\n"),
            Kind::ForIter => format!("for x in {expr}: pass\n"),
            Kind::CompIter => format!("x = [y for y in {expr}]\n"),
            Kind::FirstStatement => format!("{expr}\n"),
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Kind::Assign => "assign",
            Kind::ForIter | Kind::CompIter => "iter",
            Kind::FirstStatement => "first",
        }
    }
}

const ASSIGN_CASES: &[&str] = &[
    // Integers.
    "1 + 2",
    "2 * 3",
    "7 // 2",
    "-7 // 2",
    "7 % 3",
    "-7 % 3",
    "7 % -3",
    "2 ** 10",
    "2 ** 64",
    "2 ** 65",
    "2 ** 127",
    "2 ** 128",
    "10 ** 32",
    "10 ** 38",
    "3 ** 80",
    "(-2) ** 63",
    "2 ** -1",
    "0 ** -1",
    "0 ** 0",
    "0 ** 1000",
    "1 ** 1000",
    "(-1) ** 1000",
    "5 ** 0",
    "1 << 127",
    "1 << 128",
    "3 << 126",
    "1 << -1",
    "0 << -1",
    "0 << 1000",
    "5 >> 1",
    "-5 >> 1",
    "1 >> 1000",
    "-1 >> 100000000000000000000",
    "5 >> -1",
    "~5",
    "~-1",
    "-(1 << 64)",
    "(1 << 64) * (1 << 63)",
    "(1 << 64) * (1 << 64)",
    "(1 << 100) + (1 << 100)",
    "6 & 3",
    "6 | 3",
    "6 ^ 3",
    "-6 & 3",
    "123456789012345678901234567890 * 2",
    "123456789012345678901234567890 + 1",
    "0xFFFF_FFFF_FFFF_FFFF_FFFF - 1",
    "0 * 123456789012345678901234567890123456789012345678901234567890",
    "1 / 0",
    "1 // 0",
    "1 % 0",
    "1 / 2",
    "7 / 7",
    "0 / -5",
    "10 ** 20 / 3",
    "-1 / 3",
    "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 / 7",
    "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 / 7",
    "1 / 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
    // bool is an int.
    "True + True",
    "True & False",
    "True | 1",
    "True ^ True",
    "~True",
    "-True",
    "+True",
    "True * 3",
    "True / 2",
    "not 1",
    "not 0",
    "not ()",
    "not 'a'",
    "not None",
    "not 1.5",
    "not ...",
    "not 0j",
    // Floats.
    "0.1 + 0.2",
    "1e16 * 1",
    "1e15 + 0.5",
    "1e308 * 10",
    "-0.0",
    "0.0 * -1",
    "1.5 // 0.5",
    "-7.5 // 2",
    "7.5 % -2",
    "-7.5 % 2",
    "-0.0 % 5",
    "2.0 ** 0.5",
    "(-8.0) ** (1/3)",
    "(-8) ** 0.5",
    "10.0 ** 400",
    "0.0 ** -1",
    "1e300 * 1e300",
    "1e308 * 10 - 1e308 * 10",
    "2 ** 0.5",
    "1 / 3",
    "5e-324 / 2",
    "1 + 1e-16",
    "3 * 0.1",
    "1.0 / 0",
    "1e-5 * 1",
    "0.0001 * 1",
    "(1 << 1023) * 2.0",
    "(1 << 127) + 0.5",
    "-1e308 * 10",
    "2.5 ** -1",
    "(-2.0) ** 3",
    "(-2.0) ** 1e300",
    "1e200 ** 2",
    "1.0 // 0.0",
    "-0.0 // 1",
    // Complex.
    "1j * 1j",
    "1 + 2j",
    "-1j",
    "-0j",
    "(1 + 2j) / (3 - 4j)",
    "1j / 0",
    "(1 + 1j) ** 2",
    "(1 + 1j) ** -2",
    "0j ** -1",
    "2j ** 0.5",
    "(1 + 2j) ** (3 + 4j)",
    "1j // 1",
    "1j % 1",
    "(0.5 + 0.5j) * 2",
    "0j ** 0",
    "1e300j * 1e300j",
    "(1+1j) ** 101",
    "1j ** 2.5",
    // Strings and bytes.
    "'a' + 'b'",
    "'a' * 3",
    "3 * 'ab'",
    "'a' * 4096",
    "'a' * 4097",
    "'ab' * 2048",
    "'ab' * 2049",
    "'a' * -1",
    "'' * -1",
    "'' * (1 << 100)",
    "'a' * True",
    "'abc'[1]",
    "'abc'[-1]",
    "'abc'[3]",
    "'abc'[1:]",
    "'abc'[True]",
    "'h\u{e9}llo'[1]",
    "'abc'[1.0]",
    "'%s' % 'a'",
    "'%s' % (1,)",
    "'%s' % (a,)",
    "'%s%%%r' % (a, b)",
    "'%5s|%-5s|%.2a' % (a, b, c)",
    "'%d' % (a,)",
    "'%s %s' % (a,)",
    "'%s' % (a, b)",
    "'%s' % (*a,)",
    "'%100s' % (a,)",
    "'%99s!' % (a,)",
    "'x%.s' % (a,)",
    "'%s' % (a, 1 + 1)",
    "'%+05s' % (a,)",
    "'%' % (a,)",
    "'%s%' % (a,)",
    "b'a' + b'b'",
    "b'ab' * 3",
    "b'abc'[0]",
    "b'%s' % (a,)",
    "b'\\x00\\xff\\'\"' + b''",
    "'\\n\\t\\x00\\u2028\u{e9}\\x7f' + ''",
    "\"it's\" + ''",
    "'a' + 1",
    "'it\\'s \"q\"' + ''",
    "'\\U0001f600\\ud7ff\\ue000' + ''",
    "f'a' * 2",
    "'a' 'b'",
    // Tuples.
    "(1, 2)",
    "(1, (2, 3))",
    "()",
    "(1,) * 256",
    "(1,) * 257",
    "(1, 2) * 128",
    "(1, 2) * 129",
    "((1,) * 8,) * 128",
    "((1,) * 7,) * 128",
    "((1, 2),) * 100",
    "(1, 2) + (3,)",
    "(1, 2)[0]",
    "(1, 2)[-3]",
    "(a, 1)",
    "(1, a)[0]",
    "(1, 2) * -1",
    "(1, 2) * True",
    "(*a, 1)",
    "(1, 2.0, 'x', b'y', None, ..., True, 1j, -0.0)",
    "(1, 2) * (1 << 100)",
    "() * (1 << 100)",
    "((1, 2), 3)[0][1]",
    // `in`, `not in`, `not`.
    "a in [1, 2]",
    "a not in [1, 2]",
    "a in {1, 2}",
    "a in {1, 1.0, True}",
    "a in [b, c]",
    "a in [b, *c]",
    "a in {b, 1}",
    "a in (1, 2)",
    "a in []",
    "a in [[1], 2]",
    "a in {'x', 'y', 'x'}",
    "a in {(1, 2), (1.0, 2)}",
    "not (a is b)",
    "not (a is not b)",
    "not (a in b)",
    "not (a not in b)",
    "not a == b",
    "not not (a is b)",
    "not (a in [1, 2])",
    "not a",
    "not (not (not (a in b)))",
    "not (a < b)",
    // `__debug__` and friends.
    "__debug__",
    "not __debug__",
    "__debug__ + 1",
    "-(-1)",
    "--1",
    "-(1 + 2)",
    "~~5",
    "+1.5",
    "-'a'",
    "None + 1",
    "...",
    "-2 ** 2",
    "(-2) ** 2",
    "2 ** -2 ** 2",
    "[1, 2]",
    "[1, 2, 3]",
    "[a, 1]",
    "{a: 1}[a]",
    "(1, 2)[a]",
    "a[1 + 1]",
    "(a + 1) * 2",
];

const ITER_CASES: &[(Kind, &str)] = &[
    (Kind::ForIter, "[1, 2]"),
    (Kind::ForIter, "[a, b]"),
    (Kind::ForIter, "{1, 2}"),
    (Kind::ForIter, "{a, 1}"),
    (Kind::ForIter, "[*a]"),
    (Kind::ForIter, "[]"),
    (Kind::ForIter, "(1, 2)"),
    (Kind::ForIter, "[1, (2, 3), 'x']"),
    (Kind::CompIter, "[a, b]"),
    (Kind::CompIter, "[1, 2]"),
    (Kind::CompIter, "{1, 2, 2}"),
    (Kind::FirstStatement, "'a' + 'b'"),
    (Kind::FirstStatement, "'doc'"),
    (Kind::FirstStatement, "('a', 'b')[0]"),
    (Kind::FirstStatement, "b'x' * 2"),
    (Kind::FirstStatement, "'a' * 3 + 'b'"),
    (Kind::FirstStatement, "1 + 2"),
];

/// The CPython side: each case's instructions, one line per case.
const SCRIPT: &str = r#"
import ast, json, sys, opcode, warnings
import _testinternalcapi
warnings.simplefilter("ignore")

def unkey(key):
    return key[1] if isinstance(key, tuple) else key

def show(value):
    if isinstance(value, frozenset):
        return "frozenset(" + ", ".join(sorted(show(v) for v in value)) + ")"
    if isinstance(value, tuple):
        inner = ", ".join(show(v) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    return repr(value)

for tag, src in json.loads(sys.stdin.readline()):
    insts, meta = _testinternalcapi.compiler_codegen(ast.parse(src), "<s>", 0, 0)
    consts = {i: unkey(k) for k, i in meta["consts"].items()}
    names = {i: n for n, i in meta["names"].items()}
    out = []
    for op, arg, *_ in insts[1:]:
        name = opcode.opname[op]
        if tag == "assign" and name == "STORE_NAME" and names[arg] == "x":
            break
        if tag == "iter" and name == "GET_ITER":
            break
        if name in ("LOAD_CONST", "RETURN_CONST"):
            out.append(name + " " + show(consts[arg]))
        elif name in ("LOAD_NAME", "STORE_NAME"):
            out.append(name + " " + names[arg])
        elif name == "COMPARE_OP":
            out.append(name + " " + opcode.cmp_op[arg >> 4])
        elif op >= opcode.HAVE_ARGUMENT:
            out.append(f"{name} {arg}")
        else:
            out.append(name)
    if tag == "first":
        out = out[:-2]  # LOAD_CONST None, RETURN_VALUE
    print(" ; ".join(out))
"#;

/// The CPython script's `show`: tuples item by item, frozensets with their items sorted.
fn show(c: &Constant) -> String {
    match c {
        Constant::Tuple(items) => {
            let inner: Vec<String> = items.iter().map(show).collect();
            let comma = if items.len() == 1 { "," } else { "" };
            format!("({}{comma})", inner.join(", "))
        }
        Constant::FrozenSet(items) => {
            let mut inner: Vec<String> = items.iter().map(show).collect();
            inner.sort();
            format!("frozenset({})", inner.join(", "))
        }
        other => other.repr(),
    }
}

/// A tiny code generator for the expressions of the cases, following the folder's records
/// as CPython's `compile.c` follows its rewritten tree.
struct Emitter<'f> {
    folded: &'f FoldedConstants,
    out: Vec<String>,
}

impl Emitter<'_> {
    fn emit(&mut self, op: &str, arg: impl std::fmt::Display) {
        self.out.push(format!("{op} {arg}"));
    }

    fn expr(&mut self, e: &Expr) {
        if let Some(c) = self.folded.constant_of(e) {
            return self.emit("LOAD_CONST", show(&c));
        }
        if let Some(pieces) = self.folded.format_of(e) {
            return self.format(e, pieces);
        }
        if let Some((compare, op)) = self.folded.negated_compare(e) {
            self.expr(&compare.left);
            self.expr(&compare.comparators[0]);
            return self.compare(op);
        }
        match e {
            Expr::Name(n) => self.emit("LOAD_NAME", &n.id),
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
                self.emit("BINARY_OP", nb_op(b.op));
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand);
                match u.op {
                    UnaryOp::USub => self.out.push("UNARY_NEGATIVE".into()),
                    UnaryOp::Invert => self.out.push("UNARY_INVERT".into()),
                    UnaryOp::Not => self.out.push("UNARY_NOT".into()),
                    UnaryOp::UAdd => self.emit("CALL_INTRINSIC_1", 5),
                }
            }
            Expr::Compare(c) => {
                assert_eq!(c.ops.len(), 1, "the cases compare once");
                self.expr(&c.left);
                self.expr(&c.comparators[0]);
                self.compare(c.ops[0]);
            }
            Expr::Tuple(t) => self.display(&t.elts, "TUPLE"),
            Expr::List(l) if self.folded.list_as_tuple(e) => self.display(&l.elts, "TUPLE"),
            Expr::List(l) => self.display(&l.elts, "LIST"),
            Expr::Set(s) => self.display(&s.elts, "SET"),
            Expr::Dict(d) => {
                for item in &d.items {
                    self.expr(item.key.as_ref().expect("no ** in the cases"));
                    self.expr(&item.value);
                }
                self.emit("BUILD_MAP", d.items.len());
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                if let Expr::Slice(slice) = &*s.slice {
                    for bound in [&slice.lower, &slice.upper] {
                        match bound {
                            Some(b) => self.expr(b),
                            None => self.emit("LOAD_CONST", "None"),
                        }
                    }
                    self.out.push("BINARY_SLICE".into());
                } else {
                    self.expr(&s.slice);
                    self.out.push("BINARY_SUBSCR".into());
                }
            }
            Expr::FString(f) => {
                let text: String = f
                    .value
                    .elements()
                    .map(|el| match el {
                        InterpolatedStringElement::Literal(l) => l.value.to_string(),
                        InterpolatedStringElement::Interpolation(_) => {
                            panic!("no {{}} in the cases")
                        }
                    })
                    .collect();
                self.emit("LOAD_CONST", Constant::Str(text.into()).repr());
            }
            other => panic!("the test's code generator does not know {other:?}"),
        }
    }

    fn compare(&mut self, op: CmpOp) {
        match op {
            CmpOp::Is => self.emit("IS_OP", 0),
            CmpOp::IsNot => self.emit("IS_OP", 1),
            CmpOp::In => self.emit("CONTAINS_OP", 0),
            CmpOp::NotIn => self.emit("CONTAINS_OP", 1),
            other => self.emit("COMPARE_OP", other.as_str()),
        }
    }

    /// `starunpack_helper`: more than two constant items are built from a constant tuple.
    fn display(&mut self, elts: &[Expr], kind: &str) {
        let starred = elts.iter().any(Expr::is_starred_expr);
        let constants: Option<Vec<Constant>> =
            elts.iter().map(|e| self.folded.constant_of(e)).collect();
        if let (Some(items), true) = (constants, elts.len() > 2 && kind != "TUPLE") {
            self.emit(&format!("BUILD_{kind}"), 0);
            let c = if kind == "SET" {
                Constant::FrozenSet(items.into())
            } else {
                Constant::Tuple(items.into())
            };
            self.emit("LOAD_CONST", show(&c));
            let extend = if kind == "SET" {
                "SET_UPDATE"
            } else {
                "LIST_EXTEND"
            };
            return self.emit(extend, 1);
        }
        if starred {
            // A list built up to the first starred item, extended, appended to; a tuple is
            // that list made a tuple.
            let mut built = false;
            for (i, e) in elts.iter().enumerate() {
                if let Expr::Starred(s) = e {
                    if !built {
                        self.emit("BUILD_LIST", i);
                        built = true;
                    }
                    self.expr(&s.value);
                    self.emit(
                        if kind == "SET" {
                            "SET_UPDATE"
                        } else {
                            "LIST_EXTEND"
                        },
                        1,
                    );
                } else {
                    self.expr(e);
                    if built {
                        self.emit(
                            if kind == "SET" {
                                "SET_ADD"
                            } else {
                                "LIST_APPEND"
                            },
                            1,
                        );
                    }
                }
            }
            if kind == "TUPLE" {
                self.emit("CALL_INTRINSIC_1", 6);
            }
            return;
        }
        for e in elts {
            self.expr(e);
        }
        self.emit(&format!("BUILD_{kind}"), elts.len());
    }

    fn format(&mut self, e: &Expr, pieces: &[FormatPiece]) {
        let Expr::BinOp(binop) = e else {
            panic!("a format is a BinOp")
        };
        let Expr::Tuple(tuple) = &*binop.right else {
            panic!("of a tuple")
        };
        for piece in pieces {
            match piece {
                FormatPiece::Literal(text) => {
                    self.emit("LOAD_CONST", Constant::Str(text.clone()).repr())
                }
                FormatPiece::Value {
                    element,
                    conversion,
                    format_spec,
                } => {
                    self.expr(&tuple.elts[*element]);
                    let mut arg = match conversion {
                        b's' => 1,
                        b'r' => 2,
                        _ => 3,
                    };
                    if let Some(spec) = format_spec {
                        self.emit("LOAD_CONST", Constant::Str(spec.clone()).repr());
                        arg |= 4;
                    }
                    self.emit("FORMAT_VALUE", arg);
                }
            }
        }
        if pieces.len() != 1 {
            self.emit("BUILD_STRING", pieces.len());
        }
    }
}

fn nb_op(op: Operator) -> u8 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// Our side of one case.
fn ours(kind: Kind, source: &str) -> String {
    let parsed = ruff_python_parser::parse_module(source).expect("the cases parse");
    let module = parsed.syntax();
    let folded = fold_module(module);
    assert!(!folded.too_deep());
    let mut em = Emitter {
        folded: &folded,
        out: Vec::new(),
    };
    match (kind, &module.body[0]) {
        (Kind::Assign, Stmt::Assign(assign)) => em.expr(&assign.value),
        (Kind::ForIter, Stmt::For(for_stmt)) => em.expr(&for_stmt.iter),
        (Kind::CompIter, Stmt::Assign(assign)) => {
            let Expr::ListComp(comp) = &*assign.value else {
                panic!("a comprehension")
            };
            em.expr(&comp.generators[0].iter);
        }
        (Kind::FirstStatement, Stmt::Expr(stmt)) => {
            let value = &stmt.value;
            if matches!(**value, Expr::StringLiteral(_)) {
                // A docstring.
                em.expr(value);
                em.emit("STORE_NAME", "__doc__");
            } else if folded.hides_docstring(value) || folded.constant_of(value).is_none() {
                em.expr(value);
                em.out.push("POP_TOP".into());
            } else {
                em.out.push("NOP".into());
            }
        }
        _ => panic!("unexpected case shape: {source}"),
    }
    em.out.join(" ; ")
}

/// JSON text of a string (the cases are ASCII or plain Unicode).
fn json_str(s: &str) -> String {
    serde_json::to_string(s).expect("a string is JSON")
}

#[test]
fn folding_matches_cpython() {
    let cases: Vec<(Kind, String)> = ASSIGN_CASES
        .iter()
        .map(|e| (Kind::Assign, e.to_string()))
        .chain(ITER_CASES.iter().map(|(k, e)| (*k, e.to_string())))
        .collect();
    assert!(cases.len() >= 100);
    let Some(check) = pyrt_tests::cpython::cross_check(cases.len()) else {
        return;
    };
    let payload: Vec<String> = cases
        .iter()
        .map(|(k, e)| format!("[{}, {}]", json_str(k.tag()), json_str(&k.source(e))))
        .collect();
    let script = SCRIPT.replacen(
        "sys.stdin.readline()",
        &json_str(&format!("[{}]", payload.join(", "))),
        1,
    );
    let theirs = check.python().run(&script);
    assert_eq!(theirs.len(), cases.len(), "one line per case");
    let mut failures = Vec::new();
    for ((kind, expr), expected) in cases.iter().zip(&theirs) {
        let got = ours(*kind, &kind.source(expr));
        if std::env::var_os("FOLD_SHOW").is_some() {
            eprintln!("{expr} => {got}");
        }
        if &got != expected {
            failures.push(format!("{expr}\n   cpython: {expected}\n   ours:    {got}"));
        }
        check.compared(1);
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

#[test]
fn a_deep_chain_is_refused_as_cpython_refuses_it() {
    // 2 999 terms fold (3 000 levels with the statement), 3 000 do not; 100 000 do not, and
    // the walk neither overflows the stack nor recurses unboundedly.
    for (terms, deep) in [(2999, false), (3000, true), (100_000, true)] {
        let source = format!("x = {}\n", vec!["1"; terms].join("+"));
        let parsed = ruff_python_parser::parse_module(&source).expect("parses");
        let folded = fold_module(parsed.syntax());
        assert_eq!(folded.too_deep(), deep, "{terms} terms");
        let err = folded.check_depth("<s>");
        assert_eq!(err.is_err(), deep);
        if let Err(e) = err {
            assert_eq!(
                e.message,
                "maximum recursion depth exceeded during compilation"
            );
        }
        if !deep {
            let Stmt::Assign(assign) = &parsed.syntax().body[0] else {
                panic!()
            };
            assert_eq!(
                folded.get(&assign.value).map(Constant::repr),
                Some(terms.to_string())
            );
        }
        // Ruff's tree drops recursively; a 100 000-deep one would overflow the test's stack.
        std::mem::forget(parsed);
    }
    assert_eq!(MAX_NESTING, 3000);
}

#[test]
fn the_deep_chain_limit_is_cpythons() {
    // CPython compiling a script file (no C frames below the compiler): 2 999 terms compile
    // (and fail at run time, `a` being undefined), 3 000 raise RecursionError.
    let Some(check) = pyrt_tests::cpython::cross_check(2) else {
        return;
    };
    let dir = std::env::temp_dir();
    for (terms, expected) in [(2999, "NameError"), (3000, "RecursionError")] {
        let path = dir.join(format!("pyrt_fold_deep_{}_{terms}.py", std::process::id()));
        std::fs::write(&path, format!("x = {}\n", vec!["a"; terms].join("+"))).expect("writes");
        let out = check.python().command().arg(&path).output().expect("runs");
        let _ = std::fs::remove_file(&path);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let last = stderr.lines().last().unwrap_or("");
        assert!(last.starts_with(expected), "{terms} terms: {last}");
        check.compared(1);
    }
}

#[test]
fn future_annotations_are_left_unfolded() {
    let source =
        "from __future__ import annotations\ndef f(x: 1 + 2) -> -1: pass\ny: 2 * 3 = 4 * 5\n";
    let parsed = ruff_python_parser::parse_module(source).expect("parses");
    let folded = fold_module(parsed.syntax());
    let body = &parsed.syntax().body;
    let Stmt::FunctionDef(def) = &body[1] else {
        panic!()
    };
    let annotation = def.parameters.args[0]
        .parameter
        .annotation
        .as_ref()
        .unwrap();
    assert!(folded.get(annotation).is_none());
    assert!(folded.get(def.returns.as_ref().unwrap()).is_none());
    let Stmt::AnnAssign(ann) = &body[2] else {
        panic!()
    };
    assert!(folded.get(&ann.annotation).is_none());
    assert_eq!(
        folded
            .get(ann.value.as_ref().unwrap())
            .map(Constant::repr)
            .as_deref(),
        Some("20")
    );
    // Without the future import they fold.
    let parsed = ruff_python_parser::parse_module("def f(x: 1 + 2): pass\n").expect("parses");
    let folded = fold_module(parsed.syntax());
    let Stmt::FunctionDef(def) = &parsed.syntax().body[0] else {
        panic!()
    };
    let annotation = def.parameters.args[0]
        .parameter
        .annotation
        .as_ref()
        .unwrap();
    assert_eq!(
        folded.get(annotation).map(Constant::repr).as_deref(),
        Some("3")
    );
}

#[test]
fn inverting_a_bool_warns() {
    let parsed = ruff_python_parser::parse_module("x = ~True\n").expect("parses");
    let folded = fold_module(parsed.syntax());
    assert_eq!(folded.warnings().len(), 1);
    assert_eq!(folded.warnings()[0].category, "DeprecationWarning");
    assert!(
        folded.warnings()[0]
            .message
            .starts_with("Bitwise inversion '~' on bool is deprecated.")
    );
}
