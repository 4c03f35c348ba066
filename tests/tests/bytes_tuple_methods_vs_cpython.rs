//! The `bytes` and `tuple` method tables against CPython 3.12.1, called through
//! [`Methods::call`] on objects built in Rust (the tree-walking interpreter does not dispatch
//! to these tables yet): each case's receiver and arguments are written once, as values that
//! both make pyrt objects and print as Python literals for CPython's side of the check.

use pyrt_objects::methods::Methods;
use pyrt_objects::types::bytes::new_bytes;
use pyrt_objects::types::bytes_methods::BYTES_METHODS;
use pyrt_objects::types::tuple_methods::TUPLE_METHODS;
use pyrt_objects::types::{list, long, none, tuple, unicode};
use pyrt_objects::{Heap, Obj, abstract_};
use pyrt_tests::cpython::cross_check;

/// A value written once for both sides.
#[derive(Clone)]
enum V {
    B(&'static [u8]),
    S(&'static str),
    I(i64),
    N,
    T(Vec<V>),
    L(Vec<V>),
}
use V::{B, I, L, N, S, T};

impl V {
    fn make<'h>(&self, heap: &'h Heap) -> Obj<'h> {
        match self {
            B(b) => new_bytes(heap, b).unwrap(),
            S(s) => unicode::new_str(heap, s).unwrap(),
            I(i) => long::int_from_i64(heap, *i).unwrap(),
            N => none(heap),
            T(items) => {
                tuple::new_tuple(heap, items.iter().map(|v| v.make(heap)).collect()).unwrap()
            }
            L(items) => list::new_list(heap, items.iter().map(|v| v.make(heap)).collect()).unwrap(),
        }
    }

    fn python(&self) -> String {
        let seq = |items: &[V]| items.iter().map(V::python).collect::<Vec<_>>().join(", ");
        match self {
            B(b) => format!("bytes({b:?})"),
            S(s) => format!("{s:?}"),
            I(i) => i.to_string(),
            N => "None".to_owned(),
            T(items) if items.len() == 1 => format!("({},)", seq(items)),
            T(items) => format!("({})", seq(items)),
            L(items) => format!("[{}]", seq(items)),
        }
    }
}

fn cases() -> Vec<(V, &'static str, Vec<V>)> {
    let t = || T(vec![I(1), S("a"), I(1), B(b"x"), I(2), I(1)]);
    vec![
        (t(), "count", vec![I(1)]),
        (t(), "count", vec![S("b")]),
        (t(), "count", vec![]),
        (t(), "index", vec![I(1)]),
        (t(), "index", vec![I(1), I(1)]),
        (t(), "index", vec![I(1), I(-2)]),
        (t(), "index", vec![I(1), I(3), I(5)]),
        (t(), "index", vec![I(2), I(0), I(4)]),
        (t(), "index", vec![I(9)]),
        (t(), "index", vec![I(1), S("x")]),
        (t(), "index", vec![I(1), I(0), I(99), I(4)]),
        (T(vec![]), "index", vec![N]),
        (B(b"caf\xc3\xa9"), "decode", vec![]),
        (B(b"caf\xc3\xa9"), "decode", vec![S("latin-1")]),
        (B(b"caf\xc3\xa9"), "decode", vec![S("ascii"), S("replace")]),
        (B(b"caf\xc3\xa9"), "decode", vec![S("ascii"), S("ignore")]),
        (B(b"a\xffb"), "decode", vec![S("utf-8"), S("replace")]),
        (B(b"a\xe2\x82b"), "decode", vec![S("UTF8"), S("replace")]),
        (B(b"\xf0\x9f\x98\x80"), "decode", vec![]),
        (B(b"abc"), "decode", vec![I(1)]),
        (B(b""), "hex", vec![]),
        (B(b"\x00\xffab"), "hex", vec![]),
        (B(b""), "fromhex", vec![S("00 ff 1A")]),
        (B(b""), "fromhex", vec![S(" 0a0b ")]),
        (B(b""), "fromhex", vec![I(1)]),
        (B(b", "), "join", vec![L(vec![B(b"a"), B(b"b"), B(b"c")])]),
        (B(b""), "join", vec![L(vec![])]),
        (B(b"-"), "join", vec![T(vec![B(b"x")])]),
        (B(b" a  b c "), "split", vec![]),
        (B(b" a  b c "), "split", vec![N, I(1)]),
        (B(b"a,b,,c"), "split", vec![B(b",")]),
        (B(b"a,b,,c"), "split", vec![B(b","), I(2)]),
        (B(b"a,b"), "split", vec![B(b"")]),
        (B(b"a,b"), "split", vec![I(1)]),
        (B(b""), "split", vec![]),
        (B(b""), "split", vec![B(b",")]),
        (B(b"  ab \n"), "strip", vec![]),
        (B(b"xxabxx"), "strip", vec![B(b"x")]),
        (B(b"xxabxx"), "lstrip", vec![B(b"x")]),
        (B(b"xxabxx"), "rstrip", vec![B(b"x")]),
        (B(b"ab"), "strip", vec![S("a")]),
        (B(b"hello"), "startswith", vec![B(b"he")]),
        (B(b"hello"), "startswith", vec![T(vec![B(b"x"), B(b"hel")])]),
        (B(b"hello"), "startswith", vec![B(b"l"), I(2)]),
        (B(b"hello"), "startswith", vec![S("h")]),
        (B(b"hello"), "endswith", vec![B(b"lo")]),
        (B(b"hello"), "endswith", vec![B(b"l"), I(0), I(-1)]),
        (B(b"hello"), "endswith", vec![B(b""), I(6)]),
        (B(b"hello"), "find", vec![B(b"l")]),
        (B(b"hello"), "find", vec![I(108), I(3)]),
        (B(b"hello"), "find", vec![B(b"z")]),
        (B(b"hello"), "find", vec![B(b""), I(5)]),
        (B(b"hello"), "find", vec![B(b""), I(6)]),
        (B(b"hello"), "find", vec![S("l")]),
        (B(b"hello"), "find", vec![I(256)]),
        (B(b"hello"), "index", vec![B(b"z")]),
        (B(b"hello"), "index", vec![B(b"lo")]),
        (B(b"hello"), "count", vec![B(b"l")]),
        (B(b"aaaa"), "count", vec![B(b"aa")]),
        (B(b"hello"), "count", vec![B(b"")]),
        (B(b"hello"), "count", vec![B(b""), I(2), I(4)]),
        (B(b"hello"), "replace", vec![B(b"l"), B(b"L")]),
        (B(b"hello"), "replace", vec![B(b"l"), B(b"L"), I(1)]),
        (B(b"ab"), "replace", vec![B(b""), B(b"-")]),
        (B(b"ab"), "replace", vec![B(b""), B(b"-"), I(2)]),
        (B(b"ab"), "replace", vec![S("a"), B(b"b")]),
        (B(b"aB1\xe9"), "upper", vec![]),
        (B(b"aB1\xe9"), "lower", vec![]),
        (B(b"123"), "isdigit", vec![]),
        (B(b""), "isdigit", vec![]),
        (B(b"abC"), "isalpha", vec![]),
        (B(b"ab1"), "isalnum", vec![]),
        (B(b" \t\x0b\n"), "isspace", vec![]),
        (B(b"a"), "upper", vec![I(1)]),
    ]
}

/// What a case prints: the result's repr, or `Kind: message`.
fn run(heap: &Heap, receiver: &V, name: &str, args: &[V]) -> String {
    let r = receiver.make(heap);
    let args: Vec<Obj<'_>> = args.iter().map(|a| a.make(heap)).collect();
    let table: &dyn Methods = match receiver {
        T(_) => &TUPLE_METHODS,
        _ => &BYTES_METHODS,
    };
    match table
        .call(heap, r.object(), name, &args, &[])
        .expect("a method of the table")
    {
        Ok(v) => abstract_::repr(heap, v.object()).unwrap(),
        Err(e) => format!("{}: {}", e.kind().name(), e.message()),
    }
}

#[test]
fn known_results_match_cpython_3_12_1() {
    let heap = Heap::new();
    let want = [
        (0, "3"),
        (8, "ValueError: tuple.index(x): x not in tuple"),
        (10, "TypeError: index expected at most 3 arguments, got 4"),
        (12, "'café'"),
        (14, "'caf\u{fffd}\u{fffd}'"),
        (23, "b'\\n\\x0b'"),
        (29, "[b'a', b'b c ']"),
        (33, "TypeError: a bytes-like object is required, not 'int'"),
        (63, "b'-a-b-'"),
    ];
    let cases = cases();
    for (i, w) in want {
        let (r, name, args) = &cases[i];
        assert_eq!(run(&heap, r, name, args), w, "case {i}");
    }
}

#[test]
fn every_case_matches_cpython() {
    let cases = cases();
    let Some(check) = cross_check(cases.len()) else {
        return;
    };
    let mut script = String::from(
        "def t(f):\n    try:\n        print(repr(f()))\n    except Exception as e:\n        print(type(e).__name__ + ': ' + str(e))\n",
    );
    for (r, name, args) in &cases {
        let args: Vec<String> = args.iter().map(V::python).collect();
        script.push_str(&format!(
            "t(lambda: {}.{name}({}))\n",
            r.python(),
            args.join(", ")
        ));
    }
    let want = check.python().run(&script);
    let heap = Heap::new();
    let mut differ = Vec::new();
    for (i, (r, name, args)) in cases.iter().enumerate() {
        let got = run(&heap, r, name, args);
        if got != want[i] {
            differ.push(format!(
                "case {i} {}.{name}: pyrt {got:?}, CPython {:?}",
                r.python(),
                want[i]
            ));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    check.compared(cases.len());
}
