//! `range`, `str` methods and `list.sort` against CPython 3.12.1.
//!
//! Every expectation was printed by `python3.12` (3.12.1, `PYTHONHASHSEED=0`); the Python that
//! printed it is quoted next to it, or, for the `str` method tables, is the table itself (each
//! row is `receiver.method(*args)`, shown as `repr(result) size=sys.getsizeof(result)
//! self=(result is receiver)`, and for lists the size of the list, of each item and whether each
//! item is the receiver). Cross-checks run random batches through a live CPython 3.12 when one
//! is installed (see [`pyrt_tests::cpython`]) and otherwise count their cases as skipped.
//! Proptests compare the sort with Rust's stable sort.

use std::collections::HashMap;

use proptest::prelude::*;
use pyrt_objects::long_digits::LongValue;
use pyrt_objects::types::unicode_methods as um;
use pyrt_objects::types::{float, list, list_sort, long, none, range, tuple, unicode};
use pyrt_objects::{ExcKind, Heap, Obj, PyErr, PyObject, PyResult, abstract_};
use pyrt_tests::{cross_check, proptest_cases};

fn int<'h>(heap: &'h Heap, decimal: &str) -> Obj<'h> {
    long::new_int(heap, &LongValue::parse(decimal).unwrap()).unwrap()
}

fn s<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::new_str(heap, text).unwrap()
}

fn repr(heap: &Heap, o: &Obj<'_>) -> String {
    abstract_::repr(heap, o.object()).unwrap()
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

/// `Type: message`, as `print(f"{type(e).__name__}: {e}")` shows an exception.
fn err<T>(r: PyResult<T>) -> String {
    match r {
        Ok(_) => "no error".into(),
        Err(e) => e.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// range
// ---------------------------------------------------------------------------------------------

/// The range view of an object made by `rng`.
fn rv<'a>(o: &'a Obj<'_>) -> &'a range::Range {
    range::Range::cast(o.object()).expect("a range")
}

/// The str view of an object made by `s` or a str method.
fn sv<'a>(o: &'a Obj<'_>) -> &'a unicode::Str {
    unicode::Str::cast(o.object()).expect("a str")
}

/// `range(*args)` with int arguments given in decimal.
fn rng<'h>(heap: &'h Heap, args: &[&str]) -> Obj<'h> {
    let args: Vec<Obj<'h>> = args.iter().map(|a| int(heap, a)).collect();
    let refs: Vec<&PyObject> = args.iter().map(Obj::object).collect();
    range::range_from_args(heap, &refs).unwrap()
}

#[test]
fn range_size_is_48_whatever_the_bounds() {
    // print(range.__basicsize__, g(range(10)), g(range(10**30)), g(range(-5, 2**100, 3)))
    // -> 48 48 48 48
    let heap = Heap::new();
    assert_eq!(range::RANGE_TYPE.get().basicsize(), 48);
    let two_100 = "1267650600228229401496703205376";
    for r in [
        rng(&heap, &["10"]),
        rng(&heap, &["1000000000000000000000000000000"]),
        rng(&heap, &["-5", two_100, "3"]),
    ] {
        assert_eq!(abstract_::getsizeof(r.object()), 48);
    }
}

#[test]
fn range_repr_and_hash_match_cpython() {
    // for r in [...]: print(repr(r), hash(r))
    let heap = Heap::new();
    let cases: [(&[&str], &str, i64); 7] = [
        (&["10"], "range(0, 10)", -7546101314042312252),
        (&["0", "10", "2"], "range(0, 10, 2)", -6143170332311272345),
        (&["10", "0", "-1"], "range(10, 0, -1)", 6522702435032927230),
        (
            &["0", "1267650600228229401496703205376", "7"],
            "range(0, 1267650600228229401496703205376, 7)",
            -2432352173702672279,
        ),
        (&["-3", "5"], "range(-3, 5)", 4506368195390105576),
        (&["5", "-5", "-3"], "range(5, -5, -3)", 8855431366866246666),
        (
            &["0", "10", "1180591620717411303424"],
            "range(0, 10, 1180591620717411303424)",
            -6721383568238688696,
        ),
    ];
    for (args, text, h) in cases {
        let r = rng(&heap, args);
        assert_eq!(repr(&heap, &r), text);
        assert_eq!(abstract_::str(&heap, r.object()).unwrap(), text);
        assert_eq!(abstract_::hash(&heap, r.object()).unwrap(), h, "{text}");
    }
}

#[test]
fn range_len_and_its_overflow() {
    // print(repr(r), len(r)) / except OverflowError as e: print(repr(r), "OverflowError:", e, bool(r))
    let heap = Heap::new();
    let lens: [(&[&str], usize); 7] = [
        (&["10"], 10),
        (&["0", "10", "3"], 4),
        (&["10", "0", "-3"], 4),
        (&["5", "5"], 0),
        (&["0", "-1"], 0),
        (&["-7", "7", "7"], 2),
        (&["0", "9223372036854775807"], 9223372036854775807),
    ];
    for (args, n) in lens {
        let r = rng(&heap, args);
        assert_eq!(range::range_len(rv(&r)).unwrap(), n, "{args:?}");
        assert_eq!(abstract_::len(r.object()).unwrap(), n);
        assert_eq!(abstract_::is_true(&heap, r.object()).unwrap(), n > 0);
    }
    let huge: [&[&str]; 3] = [
        &["9223372036854775808"],
        &["-9223372036854775808", "9223372036854775807"],
        &["0", "18446744073709551616", "2"],
    ];
    for args in huge {
        let r = rng(&heap, args);
        assert_eq!(
            err(range::range_len(rv(&r))),
            "OverflowError: Python int too large to convert to C ssize_t"
        );
        assert!(
            abstract_::is_true(&heap, r.object()).unwrap(),
            "bool(r) is True"
        );
    }
}

#[test]
fn range_items_of_any_size() {
    // print(range(10)[0], range(10)[-1], range(0,10,3)[3], range(10,0,-3)[-2],
    //       range(10**30)[10**25], range(0, 10**30, 7)[-1])
    // -> 0 9 9 4 10000000000000000000000000 999999999999999999999999999999
    let heap = Heap::new();
    let cases: [(&[&str], &str, &str); 6] = [
        (&["10"], "0", "0"),
        (&["10"], "-1", "9"),
        (&["0", "10", "3"], "3", "9"),
        (&["10", "0", "-3"], "-2", "4"),
        (
            &["1000000000000000000000000000000"],
            "10000000000000000000000000",
            "10000000000000000000000000",
        ),
        (
            &["0", "1000000000000000000000000000000", "7"],
            "-1",
            "999999999999999999999999999999",
        ),
    ];
    for (args, i, expected) in cases {
        let r = rng(&heap, args);
        let item = range::range_item(&heap, rv(&r), int(&heap, i).object()).unwrap();
        assert_eq!(repr(&heap, &item), expected);
    }
    assert_eq!(
        repr(
            &heap,
            &range::range_item_at(&heap, rv(&rng(&heap, &["10"])), -1).unwrap()
        ),
        "9"
    );
    // r[10], r[-11] of range(10), range(0)[0]: IndexError: range object index out of range
    for (args, i) in [(&["10"][..], 10), (&["10"][..], -11), (&["0"][..], 0)] {
        let r = rng(&heap, args);
        assert_eq!(
            err(range::range_item_at(&heap, rv(&r), i)),
            "IndexError: range object index out of range"
        );
    }
    // range(10)['a'] -> TypeError: range indices must be integers or slices, not str
    let r = rng(&heap, &["10"]);
    assert_eq!(
        err(range::range_item(&heap, rv(&r), s(&heap, "a").object())),
        "TypeError: range indices must be integers or slices, not str"
    );
    // list(range(10,0,-3)), list(range(0)) -> [10, 7, 4, 1] []
    let values = |r: Obj<'_>| -> Vec<String> {
        range::iter_values(&heap, rv(&r))
            .map(|v| repr(&heap, &v.unwrap()))
            .collect()
    };
    assert_eq!(
        values(rng(&heap, &["10", "0", "-3"])),
        ["10", "7", "4", "1"]
    );
    assert!(values(rng(&heap, &["0"])).is_empty());
}

#[test]
fn range_construction_errors() {
    // for args in [(0,10,0), (1.5,), ('a',), (), (1,2,3,4), (0, 1.0), (0, 5, 0.5)]: range(*args)
    let heap = Heap::new();
    let (zero, ten, one_five, one) = (
        int(&heap, "0"),
        int(&heap, "10"),
        float::new_float(&heap, 1.5).unwrap(),
        int(&heap, "1"),
    );
    let a = s(&heap, "a");
    let call = |args: &[&Obj<'_>]| {
        let refs: Vec<&PyObject> = args.iter().map(|o| o.object()).collect();
        err(range::range_from_args(&heap, &refs))
    };
    assert_eq!(
        call(&[&zero, &ten, &zero]),
        "ValueError: range() arg 3 must not be zero"
    );
    assert_eq!(
        call(&[&one_five]),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    assert_eq!(
        call(&[&a]),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    assert_eq!(
        call(&[]),
        "TypeError: range expected at least 1 argument, got 0"
    );
    assert_eq!(
        call(&[&one, &one, &one, &one]),
        "TypeError: range expected at most 3 arguments, got 4"
    );
    assert_eq!(
        call(&[&zero, &one_five]),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
    assert_eq!(
        call(&[&zero, &ten, &one_five]),
        "TypeError: 'float' object cannot be interpreted as an integer"
    );
}

#[test]
fn ranges_compare_as_the_sequences_they_produce() {
    // for a, b in pairs: print(a == b, a != b, hash(a) == hash(b))
    let heap = Heap::new();
    let pairs: [(&[&str], &[&str], bool); 6] = [
        (&["0"], &["5", "2"], true),
        (&["0", "3", "2"], &["0", "4", "2"], true),
        (&["0", "1", "5"], &["0", "1", "7"], true),
        (&["1", "5"], &["1", "6"], false),
        (&["0", "10"], &["0", "10", "1"], true),
        (&["10", "0", "-1"], &["10", "0", "-2"], false),
    ];
    for (a, b, equal) in pairs {
        let (ra, rb) = (rng(&heap, a), rng(&heap, b));
        let eq =
            abstract_::compare_bool(&heap, ra.object(), rb.object(), pyrt_objects::CompareOp::Eq)
                .unwrap();
        let ne =
            abstract_::compare_bool(&heap, ra.object(), rb.object(), pyrt_objects::CompareOp::Ne)
                .unwrap();
        let (ha, hb) = (
            abstract_::hash(&heap, ra.object()).unwrap(),
            abstract_::hash(&heap, rb.object()).unwrap(),
        );
        assert_eq!((eq, ne, ha == hb), (equal, !equal, equal), "{a:?} {b:?}");
    }
    // range(3) < range(4) -> TypeError: '<' not supported between instances of 'range' and 'range'
    let (r3, r4) = (rng(&heap, &["3"]), rng(&heap, &["4"]));
    assert_eq!(
        err(abstract_::compare(
            &heap,
            r3.object(),
            r4.object(),
            pyrt_objects::CompareOp::Lt
        )),
        "TypeError: '<' not supported between instances of 'range' and 'range'"
    );
    // range(3) == [0, 1, 2], range(3) == 3 -> False False
    let l = list::new_list(
        &heap,
        vec![int(&heap, "0"), int(&heap, "1"), int(&heap, "2")],
    )
    .unwrap();
    assert!(
        !abstract_::compare_bool(&heap, r3.object(), l.object(), pyrt_objects::CompareOp::Eq)
            .unwrap()
    );
    let three = int(&heap, "3");
    assert!(
        !abstract_::compare_bool(
            &heap,
            r3.object(),
            three.object(),
            pyrt_objects::CompareOp::Eq
        )
        .unwrap()
    );
}

#[test]
fn range_membership_count_and_index() {
    let heap = Heap::new();
    let r = rng(&heap, &["0", "10", "3"]);
    let has = |r: &Obj<'_>, x: &Obj<'_>| range::range_contains(&heap, rv(r), x.object()).unwrap();
    // print(3 in r, 4 in r, -1 in range(10,-10,-1), 3.0 in range(5),
    //       10**20 in range(0,10**21,10**19), True in range(2), 'a' in range(3), 9 in r, 10 in r,
    //       0.5 in range(3))
    // -> True False True True True True False True False False
    assert!(has(&r, &int(&heap, "3")));
    assert!(!has(&r, &int(&heap, "4")));
    assert!(has(&rng(&heap, &["10", "-10", "-1"]), &int(&heap, "-1")));
    assert!(has(
        &rng(&heap, &["5"]),
        &float::new_float(&heap, 3.0).unwrap()
    ));
    let big = rng(
        &heap,
        &["0", "1000000000000000000000", "10000000000000000000"],
    );
    assert!(has(&big, &int(&heap, "100000000000000000000")));
    assert!(has(&rng(&heap, &["2"]), &long::new_bool(&heap, true)));
    assert!(!has(&rng(&heap, &["3"]), &s(&heap, "a")));
    assert!(has(&r, &int(&heap, "9")));
    assert!(!has(&r, &int(&heap, "10")));
    assert!(!has(
        &rng(&heap, &["3"]),
        &float::new_float(&heap, 0.5).unwrap()
    ));
    // print(r.index(9), r.count(3), r.count(4), r.count(3.0), range(5).index(3.0),
    //       range(10,0,-3).index(4), range(0,10**30,7).index(7*10**20))
    // -> 3 1 0 1 3 2 100000000000000000000
    let shown = |o: PyResult<Obj<'_>>| repr(&heap, &o.unwrap());
    assert_eq!(
        shown(range::range_index(&heap, rv(&r), int(&heap, "9").object())),
        "3"
    );
    assert_eq!(
        shown(range::range_count(&heap, rv(&r), int(&heap, "3").object())),
        "1"
    );
    assert_eq!(
        shown(range::range_count(&heap, rv(&r), int(&heap, "4").object())),
        "0"
    );
    let f3 = float::new_float(&heap, 3.0).unwrap();
    assert_eq!(shown(range::range_count(&heap, rv(&r), f3.object())), "1");
    assert_eq!(
        shown(range::range_index(
            &heap,
            rv(&rng(&heap, &["5"])),
            f3.object()
        )),
        "3"
    );
    assert_eq!(
        shown(range::range_index(
            &heap,
            rv(&rng(&heap, &["10", "0", "-3"])),
            int(&heap, "4").object()
        )),
        "2"
    );
    let r7 = rng(&heap, &["0", "1000000000000000000000000000000", "7"]);
    assert_eq!(
        shown(range::range_index(
            &heap,
            rv(&r7),
            int(&heap, "700000000000000000000").object()
        )),
        "100000000000000000000"
    );
    // for a in [5, True, 'x']: range(2,10,2).index(a)
    let even = rng(&heap, &["2", "10", "2"]);
    assert_eq!(
        err(range::range_index(
            &heap,
            rv(&even),
            int(&heap, "5").object()
        )),
        "ValueError: 5 is not in range"
    );
    assert_eq!(
        err(range::range_index(
            &heap,
            rv(&even),
            long::new_bool(&heap, true).object()
        )),
        "ValueError: True is not in range"
    );
    assert_eq!(
        err(range::range_index(&heap, rv(&even), s(&heap, "x").object())),
        "ValueError: sequence.index(x): x not in sequence"
    );
}

#[test]
fn range_attributes_keep_the_int_objects() {
    // x=10**30; r=range(x); print(r.start, r.stop is x, r.step, type(range(True).stop).__name__,
    //                             range(True).stop, range(True).stop is 1)
    // -> 0 True 1 int 1 True
    let heap = Heap::new();
    let x = int(&heap, "1000000000000000000000000000000");
    let r = range::range_from_args(&heap, &[x.object()]).unwrap();
    let attr = |r: &Obj<'_>, name: &str| abstract_::getattr(&heap, r.object(), name).unwrap();
    assert_eq!(repr(&heap, &attr(&r, "start")), "0");
    assert!(attr(&r, "stop").is(&x));
    assert_eq!(repr(&heap, &attr(&r, "step")), "1");
    let t = long::new_bool(&heap, true);
    let rt = range::range_from_args(&heap, &[t.object()]).unwrap();
    let stop = attr(&rt, "stop");
    assert_eq!(stop.ob_type().name(), "int");
    assert!(stop.is(&int(&heap, "1")), "the cached small int");
    // Once the range is gone, only the handle holds `x`.
    drop(r);
    assert_eq!(x.object().refcnt(), 1);
}

// ---------------------------------------------------------------------------------------------
// str methods
// ---------------------------------------------------------------------------------------------

/// An argument of a `str` method call in the tables.
enum A {
    None,
    Int(&'static str),
    Float(f64),
    Str(&'static str),
    Tuple(&'static [A]),
}

/// Objects for the literals of one test, shared by text as a code object's constants are (so
/// `s.replace('ll', 'll')` passes the same object twice, as in CPython).
struct Consts<'h> {
    heap: &'h Heap,
    strs: HashMap<String, Obj<'h>>,
}

impl<'h> Consts<'h> {
    fn new(heap: &'h Heap) -> Self {
        Consts {
            heap,
            strs: HashMap::new(),
        }
    }

    fn str(&mut self, text: &str) -> Obj<'h> {
        let heap = self.heap;
        self.strs
            .entry(text.to_string())
            .or_insert_with(|| s(heap, text))
            .clone()
    }

    fn arg(&mut self, a: &A) -> Obj<'h> {
        match a {
            A::None => none(self.heap),
            A::Int(d) => int(self.heap, d),
            A::Float(f) => float::new_float(self.heap, *f).unwrap(),
            A::Str(t) => self.str(t),
            A::Tuple(items) => {
                let items = items.iter().map(|a| self.arg(a)).collect();
                tuple::new_tuple(self.heap, items).unwrap()
            }
        }
    }
}

/// `receiver.method(*args)` through `unicode_methods`.
fn call<'h>(
    heap: &'h Heap,
    recv: &unicode::Str,
    method: &str,
    args: &[Obj<'h>],
) -> PyResult<Obj<'h>> {
    let a = |i: usize| args.get(i).map(Obj::object);
    let sub = || a(0).expect("an argument");
    match method {
        "split" => um::split(heap, recv, a(0), a(1)),
        "rsplit" => um::rsplit(heap, recv, a(0), a(1)),
        "strip" => um::strip(heap, recv, a(0)),
        "lstrip" => um::lstrip(heap, recv, a(0)),
        "rstrip" => um::rstrip(heap, recv, a(0)),
        "upper" => um::upper(heap, recv),
        "lower" => um::lower(heap, recv),
        "replace" => um::replace(heap, recv, sub(), a(1).unwrap(), a(2)),
        "startswith" => um::startswith(heap, recv, sub(), a(1), a(2)),
        "endswith" => um::endswith(heap, recv, sub(), a(1), a(2)),
        "find" => um::find(heap, recv, sub(), a(1), a(2)),
        "rfind" => um::rfind(heap, recv, sub(), a(1), a(2)),
        "index" => um::index(heap, recv, sub(), a(1), a(2)),
        "rindex" => um::rindex(heap, recv, sub(), a(1), a(2)),
        "count" => um::count(heap, recv, sub(), a(1), a(2)),
        "isspace" => um::isspace(heap, recv),
        "isalpha" => um::isalpha(heap, recv),
        "isdigit" => um::isdigit(heap, recv),
        "isidentifier" => um::isidentifier(heap, recv),
        _ => panic!("no method {method}"),
    }
}

fn py_list<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    let parts: Vec<String> = items.into_iter().map(|x| x.to_string()).collect();
    format!("[{}]", parts.join(", "))
}

/// The line the tables' Python prints for a result (see the module documentation).
fn show(heap: &Heap, recv: &Obj<'_>, r: PyResult<Obj<'_>>) -> String {
    let o = match r {
        Ok(o) => o,
        Err(e) => return e.to_string(),
    };
    let text = repr(heap, &o);
    if unicode::is_str(o.object()) {
        let size = abstract_::getsizeof(o.object());
        return format!("{text} size={size} self={}", py_bool(o.is(recv)));
    }
    if list::is_list(o.object()) {
        let items = list::items(o.cast::<list::List>().unwrap());
        let sizes = items.iter().map(|p| abstract_::getsizeof(unsafe_ref(p)));
        let selves = items.iter().map(|p| py_bool(*p == recv.as_ptr()));
        let size = abstract_::getsizeof(o.object());
        return format!(
            "{text} size={size} items={} self={}",
            py_list(sizes),
            py_list(selves)
        );
    }
    text
}

/// An item of a list the caller holds.
fn unsafe_ref(p: &pyrt_objects::ObjPtr) -> &PyObject {
    // SAFETY: the list the pointer comes from is alive and holds a reference to its items.
    unsafe { p.as_ref() }
}

#[test]
fn str_methods_match_cpython_tables() {
    let heap = Heap::new();
    let mut consts = Consts::new(&heap);
    for (recv, method, args, expected) in STR_CASES {
        let recv = consts.str(recv);
        let args: Vec<Obj<'_>> = args.iter().map(|a| consts.arg(a)).collect();
        let got = show(&heap, &recv, call(&heap, sv(&recv), method, &args));
        assert_eq!(
            got,
            *expected,
            "{}.{method}({} args)",
            repr(&heap, &recv),
            args.len()
        );
    }
}

#[test]
fn str_join_matches_cpython_table() {
    // Each row: sep.join(items), shown as `repr(r) size=getsizeof(r) self=[r is x for x in items]`.
    let heap = Heap::new();
    let mut consts = Consts::new(&heap);
    for (sep, items, expected) in JOIN_CASES {
        let sep = consts.str(sep);
        let items: Vec<Obj<'_>> = items.iter().map(|a| consts.arg(a)).collect();
        let got = match um::join(&heap, sv(&sep), &items) {
            Ok(r) => format!(
                "{} size={} self={}",
                repr(&heap, &r),
                abstract_::getsizeof(r.object()),
                py_list(items.iter().map(|x| py_bool(r.is(x))))
            ),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, *expected, "{}.join(...)", repr(&heap, &sep));
    }
}

#[test]
fn str_methods_take_only_strings() {
    // The methods take a `&Str`: an int has no str view, and the caller's error is CPython's
    // str.split(1) -> TypeError: descriptor 'split' for 'str' objects doesn't apply to a 'int' object
    let heap = Heap::new();
    let one = int(&heap, "1");
    assert!(unicode::Str::cast(one.object()).is_none());
    assert_eq!(
        pyrt_objects::view::descriptor_error("split", "str", one.object()).to_string(),
        "TypeError: descriptor 'split' for 'str' objects doesn't apply to a 'int' object"
    );
}

#[test]
fn split_pieces_are_owned_once_by_the_list() {
    let heap = Heap::new();
    let text = s(
        &heap,
        "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi",
    );
    let parts = um::split(&heap, sv(&text), None, None).unwrap();
    assert_eq!(list::list_len(parts.cast::<list::List>().unwrap()), 14);
    // 14 pieces: 12 preallocated slots, then `append` grew the array to 20.
    assert_eq!(list::allocated(parts.cast::<list::List>().unwrap()), 20);
    for p in list::items(parts.cast::<list::List>().unwrap()) {
        assert_eq!(
            unsafe_ref(p).refcnt(),
            1,
            "each piece is held by the list only"
        );
    }
    let space = s(&heap, " ");
    let joined = um::join(
        &heap,
        sv(&space),
        &list::items(parts.cast::<list::List>().unwrap())
            .iter()
            .map(|p| {
                // SAFETY: a new reference to an item the list holds.
                unsafe { Obj::from_borrowed(&heap, unsafe_ref(p)) }
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    assert_eq!(
        unicode::str_value(sv(&joined)),
        unicode::str_value(sv(&text))
    );
}

// The tables. Each row of `STR_CASES` is `receiver.method(*args)` and the line that `show` of
// `PY_SHOW` (below) printed for it under python3.12; each row of `JOIN_CASES` is
// `sep.join(items)` shown as `repr(r) size=sys.getsizeof(r) self=[r is x for x in items]`.
const STR_CASES: &[(&str, &str, &[A], &str)] = &[
    (
        "hello",
        "split",
        &[],
        "['hello'] size=88 items=[46] self=[True]",
    ),
    (
        "a b c",
        "split",
        &[],
        "['a', 'b', 'c'] size=88 items=[42, 42, 42] self=[False, False, False]",
    ),
    (
        "a b",
        "split",
        &[],
        "['a', 'b'] size=80 items=[42, 42] self=[False, False]",
    ),
    ("", "split", &[], "[] size=72 items=[] self=[]"),
    ("a", "split", &[], "['a'] size=72 items=[42] self=[True]"),
    (
        "  a  b  ",
        "split",
        &[],
        "['a', 'b'] size=96 items=[42, 42] self=[False, False]",
    ),
    (
        "x x x x x x x x x x x x x",
        "split",
        &[],
        "['x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x', 'x'] size=216 items=[42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42, 42] self=[False, False, False, False, False, False, False, False, False, False, False, False, False]",
    ),
    (
        "a\u{1c}b\u{1f}c",
        "split",
        &[],
        "['a', 'b', 'c'] size=88 items=[42, 42, 42] self=[False, False, False]",
    ),
    (
        "a b c",
        "split",
        &[A::None, A::Int("1")],
        "['a', 'b c'] size=72 items=[42, 44] self=[False, False]",
    ),
    (
        "a b c",
        "split",
        &[A::None, A::Int("0")],
        "['a b c'] size=64 items=[46] self=[False]",
    ),
    (
        "a b c",
        "split",
        &[A::None, A::Int("20")],
        "['a', 'b', 'c'] size=152 items=[42, 42, 42] self=[False, False, False]",
    ),
    (
        "  a  b  ",
        "split",
        &[A::None, A::Int("1")],
        "['a', 'b  '] size=72 items=[42, 44] self=[False, False]",
    ),
    (
        "a,b",
        "split",
        &[A::Str(",")],
        "['a', 'b'] size=96 items=[42, 42] self=[False, False]",
    ),
    (
        "a,b,,c",
        "split",
        &[A::Str(","), A::Int("1")],
        "['a', 'b,,c'] size=72 items=[42, 45] self=[False, False]",
    ),
    (
        "hello",
        "split",
        &[A::Str("x")],
        "['hello'] size=112 items=[46] self=[True]",
    ),
    (
        "hello",
        "split",
        &[A::Str("l")],
        "['he', '', 'o'] size=112 items=[43, 41, 42] self=[False, False, False]",
    ),
    (
        "aaa",
        "split",
        &[A::Str("aa")],
        "['', 'a'] size=80 items=[41, 42] self=[False, False]",
    ),
    (
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "split",
        &[A::Str("x")],
        "['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''] size=344 items=[41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41] self=[False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False]",
    ),
    (
        "\u{e9},b",
        "split",
        &[A::Str(",")],
        "['\u{e9}', 'b'] size=96 items=[61, 42] self=[False, False]",
    ),
    (
        "\u{e9},\u{20ac}",
        "split",
        &[A::Str(",")],
        "['\u{e9}', '\u{20ac}'] size=96 items=[61, 60] self=[False, False]",
    ),
    (
        "a\u{20ac}",
        "split",
        &[A::Str("\u{20ac}")],
        "['a', ''] size=88 items=[42, 41] self=[False, False]",
    ),
    (
        "abc",
        "split",
        &[A::Str("\u{20ac}")],
        "['abc'] size=64 items=[44] self=[True]",
    ),
    (
        "ab",
        "split",
        &[A::Str("abc")],
        "['ab'] size=64 items=[43] self=[True]",
    ),
    (
        "hello",
        "split",
        &[A::Str("")],
        "ValueError: empty separator",
    ),
    (
        "hello",
        "split",
        &[A::Int("1")],
        "TypeError: must be str or None, not int",
    ),
    (
        "hello",
        "split",
        &[A::None, A::Float(1.5)],
        "TypeError: 'float' object cannot be interpreted as an integer",
    ),
    (
        "hello",
        "split",
        &[A::None, A::Int("1180591620717411303424")],
        "OverflowError: Python int too large to convert to C ssize_t",
    ),
    (
        "x y",
        "split",
        &[A::None, A::Int("-7")],
        "['x', 'y'] size=80 items=[42, 42] self=[False, False]",
    ),
    (
        "\u{e9} b",
        "split",
        &[],
        "['\u{e9}', 'b'] size=80 items=[61, 42] self=[False, False]",
    ),
    (
        "\u{391}\u{3a3} \u{392}\u{3a3}",
        "split",
        &[],
        "['\u{391}\u{3a3}', '\u{392}\u{3a3}'] size=88 items=[62, 62] self=[False, False]",
    ),
    (
        "a\u{3000}b\u{a0}c",
        "split",
        &[],
        "['a', 'b', 'c'] size=88 items=[42, 42, 42] self=[False, False, False]",
    ),
    (
        "a b c",
        "rsplit",
        &[],
        "['a', 'b', 'c'] size=88 items=[42, 42, 42] self=[False, False, False]",
    ),
    (
        "abc",
        "rsplit",
        &[],
        "['abc'] size=80 items=[44] self=[True]",
    ),
    (
        "  a  b  ",
        "rsplit",
        &[A::None, A::Int("1")],
        "['  a', 'b'] size=72 items=[44, 42] self=[False, False]",
    ),
    (
        "a,b,,c",
        "rsplit",
        &[A::Str(","), A::Int("1")],
        "['a,b,', 'c'] size=72 items=[45, 42] self=[False, False]",
    ),
    (
        "aaa",
        "rsplit",
        &[A::Str("aa")],
        "['a', ''] size=80 items=[42, 41] self=[False, False]",
    ),
    (
        "a,b",
        "rsplit",
        &[A::Str(",")],
        "['a', 'b'] size=96 items=[42, 42] self=[False, False]",
    ),
    (
        "b \u{e9}",
        "rsplit",
        &[],
        "['b', '\u{e9}'] size=80 items=[42, 61] self=[False, False]",
    ),
    (
        "hello",
        "rsplit",
        &[A::Str("l")],
        "['he', '', 'o'] size=112 items=[43, 41, 42] self=[False, False, False]",
    ),
    (
        "hello",
        "rsplit",
        &[A::Str("z")],
        "['hello'] size=112 items=[46] self=[True]",
    ),
    (
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "rsplit",
        &[A::Str("x")],
        "['', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', ''] size=344 items=[41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41, 41] self=[False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False]",
    ),
    ("hello", "strip", &[], "'hello' size=46 self=True"),
    ("  hello  ", "strip", &[], "'hello' size=46 self=False"),
    (" a ", "strip", &[], "'a' size=42 self=False"),
    (" \u{e9} ", "strip", &[], "'\u{e9}' size=61 self=False"),
    (
        "xyhixy",
        "strip",
        &[A::Str("xy")],
        "'hi' size=43 self=False",
    ),
    (
        "xyhixy",
        "lstrip",
        &[A::Str("xy")],
        "'hixy' size=45 self=False",
    ),
    (
        "xyhixy",
        "rstrip",
        &[A::Str("xy")],
        "'xyhi' size=45 self=False",
    ),
    ("hi", "strip", &[A::Str("")], "'hi' size=43 self=True"),
    (
        "hello",
        "rstrip",
        &[A::Str("z")],
        "'hello' size=46 self=True",
    ),
    ("   ", "strip", &[], "'' size=41 self=False"),
    ("\u{1c}a\u{1f}", "strip", &[], "'a' size=42 self=False"),
    (
        "hello",
        "strip",
        &[A::Int("1")],
        "TypeError: strip arg must be None or str",
    ),
    (
        "hello",
        "lstrip",
        &[A::Int("1")],
        "TypeError: lstrip arg must be None or str",
    ),
    ("hello", "strip", &[A::None], "'hello' size=46 self=True"),
    (
        "\u{20ac}a\u{20ac}",
        "strip",
        &[A::Str("\u{20ac}")],
        "'a' size=42 self=False",
    ),
    ("\u{2000}x\u{3000}", "strip", &[], "'x' size=42 self=False"),
    (
        "x\u{e9}",
        "lstrip",
        &[A::Str("x")],
        "'\u{e9}' size=61 self=False",
    ),
    ("hello", "upper", &[], "'HELLO' size=46 self=False"),
    ("A", "upper", &[], "'A' size=42 self=False"),
    ("a", "upper", &[], "'A' size=42 self=False"),
    ("\u{e9}", "upper", &[], "'\u{c9}' size=58 self=False"),
    ("\u{df}", "upper", &[], "'SS' size=43 self=False"),
    ("", "upper", &[], "'' size=41 self=True"),
    ("ABC", "upper", &[], "'ABC' size=44 self=False"),
    (
        "\u{391}\u{3a3}",
        "lower",
        &[],
        "'\u{3b1}\u{3c2}' size=62 self=False",
    ),
    (
        "\u{3a3}\u{391}\u{3a3} \u{3a3}",
        "lower",
        &[],
        "'\u{3c3}\u{3b1}\u{3c2} \u{3c3}' size=68 self=False",
    ),
    ("\u{130}", "lower", &[], "'i\u{307}' size=62 self=False"),
    ("\u{1c5}", "upper", &[], "'\u{1c4}' size=60 self=False"),
    ("\u{1c5}", "lower", &[], "'\u{1c6}' size=60 self=False"),
    ("\u{fb01}", "upper", &[], "'FI' size=43 self=False"),
    ("\u{149}", "upper", &[], "'\u{2bc}N' size=62 self=False"),
    ("\u{20ac}", "lower", &[], "'\u{20ac}' size=60 self=False"),
    ("HeLLo", "lower", &[], "'hello' size=46 self=False"),
    ("\u{17f}", "upper", &[], "'S' size=42 self=False"),
    ("\u{10400}", "lower", &[], "'\u{10428}' size=64 self=False"),
    (
        "hello",
        "replace",
        &[A::Str("x"), A::Str("y")],
        "'hello' size=46 self=True",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("l")],
        "'hello' size=46 self=True",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("L"), A::Int("0")],
        "'hello' size=46 self=True",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("L")],
        "'heLLo' size=46 self=False",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("L"), A::Int("1")],
        "'heLlo' size=46 self=False",
    ),
    (
        "a",
        "replace",
        &[A::Str("a"), A::Str("b")],
        "'b' size=42 self=False",
    ),
    (
        "\u{e9}",
        "replace",
        &[A::Str("\u{e9}"), A::Str("\u{fc}")],
        "'\u{fc}' size=58 self=False",
    ),
    (
        "ab",
        "replace",
        &[A::Str("b"), A::Str("")],
        "'a' size=42 self=False",
    ),
    (
        "\u{e9}b",
        "replace",
        &[A::Str("b"), A::Str("")],
        "'\u{e9}' size=58 self=False",
    ),
    (
        "ab",
        "replace",
        &[A::Str("ab"), A::Str("")],
        "'' size=41 self=False",
    ),
    (
        "ab",
        "replace",
        &[A::Str(""), A::Str("-")],
        "'-a-b-' size=46 self=False",
    ),
    (
        "ab",
        "replace",
        &[A::Str(""), A::Str("-"), A::Int("2")],
        "'-a-b' size=45 self=False",
    ),
    (
        "",
        "replace",
        &[A::Str(""), A::Str("x")],
        "'x' size=42 self=False",
    ),
    (
        "",
        "replace",
        &[A::Str(""), A::Str("")],
        "'' size=41 self=True",
    ),
    (
        "aaa",
        "replace",
        &[A::Str("aa"), A::Str("b")],
        "'ba' size=43 self=False",
    ),
    (
        "aaaa",
        "replace",
        &[A::Str("a"), A::Str(""), A::Int("2")],
        "'aa' size=43 self=False",
    ),
    (
        "\u{e9}a",
        "replace",
        &[A::Str("\u{e9}"), A::Str("e")],
        "'ea' size=43 self=False",
    ),
    (
        "a\u{20ac}",
        "replace",
        &[A::Str("\u{20ac}"), A::Str("e")],
        "'ae' size=43 self=False",
    ),
    (
        "abc",
        "replace",
        &[A::Str("b"), A::Str("\u{20ac}")],
        "'a\u{20ac}c' size=64 self=False",
    ),
    (
        "hello",
        "replace",
        &[A::Str("ll"), A::Str("LL")],
        "'heLLo' size=46 self=False",
    ),
    (
        "hello",
        "replace",
        &[A::Int("1"), A::Str("a")],
        "TypeError: replace() argument 1 must be str, not int",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Int("2")],
        "TypeError: replace() argument 2 must be str, not int",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("L"), A::Int("1180591620717411303424")],
        "OverflowError: Python int too large to convert to C ssize_t",
    ),
    (
        "hello",
        "replace",
        &[A::Str("l"), A::Str("L"), A::Float(1.5)],
        "TypeError: 'float' object cannot be interpreted as an integer",
    ),
    (
        "hi",
        "replace",
        &[A::Str("hi"), A::Str("hi!")],
        "'hi!' size=44 self=False",
    ),
    (
        "hello",
        "replace",
        &[A::Str("hellox"), A::Str("")],
        "'hello' size=46 self=True",
    ),
    ("hello", "startswith", &[A::Str("")], "True"),
    ("hello", "startswith", &[A::Str("he")], "True"),
    (
        "hello",
        "startswith",
        &[A::Tuple(&[A::Str("x"), A::Str("he")])],
        "True",
    ),
    ("hello", "endswith", &[A::Str("lo")], "True"),
    ("hello", "startswith", &[A::Str(""), A::Int("6")], "False"),
    ("hello", "startswith", &[A::Str(""), A::Int("5")], "True"),
    ("", "startswith", &[A::Str("")], "True"),
    (
        "hello",
        "startswith",
        &[A::Tuple(&[A::Str("x"), A::Str("he"), A::Int("1")])],
        "True",
    ),
    ("hello", "endswith", &[A::Tuple(&[A::Str("lo")])], "True"),
    (
        "hello",
        "endswith",
        &[A::Str("l"), A::Int("0"), A::Int("4")],
        "True",
    ),
    ("hello", "startswith", &[A::Str("ell"), A::Int("1")], "True"),
    ("hello", "startswith", &[A::Tuple(&[])], "False"),
    (
        "hello",
        "startswith",
        &[A::Int("1")],
        "TypeError: startswith first arg must be str or a tuple of str, not int",
    ),
    (
        "hello",
        "startswith",
        &[A::Tuple(&[A::Str("a"), A::Int("1")])],
        "TypeError: tuple for startswith must only contain str, not int",
    ),
    (
        "hello",
        "endswith",
        &[A::Int("1")],
        "TypeError: endswith first arg must be str or a tuple of str, not int",
    ),
    (
        "hello",
        "startswith",
        &[A::Str("h"), A::Float(1.5)],
        "TypeError: slice indices must be integers or None or have an __index__ method",
    ),
    ("hello", "endswith", &[A::Str("lo"), A::Int("-2")], "True"),
    (
        "hello",
        "endswith",
        &[A::Str("lo"), A::None, A::Int("-1")],
        "False",
    ),
    (
        "hello",
        "startswith",
        &[
            A::Str("he"),
            A::Int("-1180591620717411303424"),
            A::Int("1180591620717411303424"),
        ],
        "True",
    ),
    ("hello", "find", &[A::Str("l")], "2"),
    ("hello", "rfind", &[A::Str("l")], "3"),
    ("hello", "index", &[A::Str("l")], "2"),
    ("hello", "rindex", &[A::Str("l")], "3"),
    ("hello", "count", &[A::Str("l")], "2"),
    ("hello", "count", &[A::Str("")], "6"),
    ("hello", "find", &[A::Str("")], "0"),
    ("hello", "find", &[A::Str(""), A::Int("10")], "-1"),
    ("hello", "find", &[A::Str(""), A::Int("5")], "5"),
    ("hello", "rfind", &[A::Str("")], "5"),
    ("hello", "find", &[A::Str("l"), A::Int("-2")], "3"),
    ("hello", "find", &[A::Str(""), A::Int("-2")], "3"),
    (
        "hello",
        "rfind",
        &[A::Str(""), A::Int("1"), A::Int("3")],
        "3",
    ),
    ("hello", "find", &[A::Str("h"), A::Int("1")], "-1"),
    (
        "hello",
        "count",
        &[A::Str("l"), A::Int("0"), A::Int("3")],
        "1",
    ),
    (
        "hello",
        "count",
        &[A::Str(""), A::Int("2"), A::Int("4")],
        "3",
    ),
    ("hello", "count", &[A::Str(""), A::Int("10")], "0"),
    (
        "hello",
        "index",
        &[A::Str("z")],
        "ValueError: substring not found",
    ),
    (
        "hello",
        "rindex",
        &[A::Str("z")],
        "ValueError: substring not found",
    ),
    (
        "hello",
        "find",
        &[A::Int("1")],
        "TypeError: must be str, not int",
    ),
    (
        "hello",
        "count",
        &[A::Int("1")],
        "TypeError: must be str, not int",
    ),
    (
        "hello",
        "find",
        &[A::Str("l"), A::Float(1.5)],
        "TypeError: slice indices must be integers or None or have an __index__ method",
    ),
    (
        "hello",
        "find",
        &[A::Str("l"), A::Int("1180591620717411303424")],
        "-1",
    ),
    (
        "hello",
        "find",
        &[A::Str("l"), A::Int("-1180591620717411303424")],
        "2",
    ),
    ("aaaa", "count", &[A::Str("aa")], "2"),
    ("a\u{20ac}b\u{20ac}", "find", &[A::Str("\u{20ac}")], "1"),
    (
        "a\u{20ac}b\u{20ac}",
        "rfind",
        &[A::Str("\u{20ac}"), A::None, A::Int("3")],
        "1",
    ),
    ("abc", "find", &[A::Str("\u{20ac}")], "-1"),
    (
        "hello",
        "index",
        &[A::Str("l"), A::None, A::Int("2")],
        "ValueError: substring not found",
    ),
    ("hello", "find", &[A::Str("lo"), A::None, A::None], "3"),
    ("", "isspace", &[], "False"),
    (" ", "isspace", &[], "True"),
    ("\u{1c}", "isspace", &[], "True"),
    (" a", "isspace", &[], "False"),
    ("\u{3000}\u{2028}", "isspace", &[], "True"),
    ("", "isalpha", &[], "False"),
    ("abc", "isalpha", &[], "True"),
    ("ab1", "isalpha", &[], "False"),
    ("\u{e9}\u{3a3}\u{436}", "isalpha", &[], "True"),
    ("\u{216b}", "isalpha", &[], "False"),
    ("", "isdigit", &[], "False"),
    ("123", "isdigit", &[], "True"),
    ("\u{b2}", "isdigit", &[], "True"),
    ("\u{663}", "isdigit", &[], "True"),
    ("\u{2460}", "isdigit", &[], "True"),
    ("\u{bd}", "isdigit", &[], "False"),
    ("1a", "isdigit", &[], "False"),
    ("", "isidentifier", &[], "False"),
    ("_", "isidentifier", &[], "True"),
    ("1a", "isidentifier", &[], "False"),
    ("a1", "isidentifier", &[], "True"),
    ("\u{216b}x", "isidentifier", &[], "True"),
    ("a\u{b7}b", "isidentifier", &[], "True"),
    ("\u{b7}a", "isidentifier", &[], "False"),
    ("\u{2118}", "isidentifier", &[], "True"),
    ("\u{aa}", "isidentifier", &[], "True"),
    ("a-b", "isidentifier", &[], "False"),
];
const JOIN_CASES: &[(&str, &[A], &str)] = &[
    ("", &[], "'' size=41 self=[]"),
    (",", &[A::Str("hello")], "'hello' size=46 self=[True]"),
    (
        "",
        &[A::Str("a"), A::Str("")],
        "'a' size=42 self=[False, False]",
    ),
    (
        "",
        &[A::Str("\u{e9}"), A::Str("")],
        "'\u{e9}' size=58 self=[False, False]",
    ),
    (
        "",
        &[A::Str(""), A::Str("")],
        "'' size=41 self=[True, True]",
    ),
    (
        ",",
        &[A::Str("a"), A::Str("\u{e9}")],
        "'a,\u{e9}' size=60 self=[False, False]",
    ),
    (",", &[A::Str("\u{20ac}")], "'\u{20ac}' size=60 self=[True]"),
    (
        "",
        &[A::Str("a"), A::Str("b")],
        "'ab' size=43 self=[False, False]",
    ),
    (
        ",",
        &[A::Str("a"), A::Int("1")],
        "TypeError: sequence item 1: expected str instance, int found",
    ),
    (
        ",",
        &[A::Int("1")],
        "TypeError: sequence item 0: expected str instance, int found",
    ),
    (
        "-",
        &[A::Str("x"), A::Str("y"), A::Str("z")],
        "'x-y-z' size=46 self=[False, False, False]",
    ),
    (
        "\u{20ac}",
        &[A::Str("a"), A::Str("b")],
        "'a\u{20ac}b' size=64 self=[False, False]",
    ),
    (
        "",
        &[A::Str(" "), A::Str("\u{e9}")],
        "' \u{e9}' size=59 self=[False, False]",
    ),
    (
        ",",
        &[A::Str("a"), A::None, A::Int("1")],
        "TypeError: sequence item 1: expected str instance, NoneType found",
    ),
];

/// Deterministic pseudo-random numbers (xorshift), the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

/// A Python literal for `text` (non-ASCII and control characters escaped).
fn py_str(text: &str) -> String {
    let mut out = String::from("'");
    for c in text.chars() {
        match c {
            '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push('\'');
    out
}

/// An argument of the random batch: a string, an int or `None`.
#[derive(Clone)]
enum Arg {
    Str(String),
    Int(i64),
    None,
}

impl Arg {
    fn py(&self) -> String {
        match self {
            Arg::Str(t) => py_str(t),
            Arg::Int(i) => i.to_string(),
            Arg::None => "None".into(),
        }
    }
}

/// The Python half of the cross-checks: prints a result as the tables show it.
const PY_SHOW: &str = r#"
import sys
g = sys.getsizeof
def show(recv, r):
    if isinstance(r, str):
        return f"{r!r} size={g(r)} self={r is recv}"
    if isinstance(r, list):
        return f"{r!r} size={g(r)} items={[g(x) for x in r]} self={[x is recv for x in r]}"
    return repr(r)
def run(recv, method, *args):
    try:
        print(show(recv, getattr(recv, method)(*args)))
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
"#;

#[test]
fn str_methods_agree_with_cpython_on_a_random_batch() {
    let alphabet = [
        " ",
        " ",
        "a",
        "b",
        "l",
        "x",
        ",",
        "ab",
        "\u{e9}",
        "\u{df}",
        "\u{20ac}",
        "\u{3a3}",
        "\u{130}",
        "\u{3000}",
        "\u{1c}",
        "\u{1f600}",
        "\t",
        "_",
        "1",
        "\u{b2}",
    ];
    let seps = [
        "",
        " ",
        ",",
        "a",
        "ab",
        "l",
        "\u{e9}",
        "\u{20ac}",
        "x,",
        "\u{1f600}",
        "\u{3a3}",
    ];
    let ints = [-1, 0, 1, 2, 3, 13, -3, 100];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases: Vec<(String, &str, Vec<Arg>)> = Vec::new();
    for _ in 0..400 {
        let len = (rng.next() % 14) as usize;
        let recv: String = (0..len).map(|_| *rng.pick(&alphabet)).collect();
        let str_arg = |rng: &mut Rng| Arg::Str((*rng.pick(&seps)).to_string());
        let methods: [&str; 19] = [
            "split",
            "rsplit",
            "strip",
            "lstrip",
            "rstrip",
            "upper",
            "lower",
            "replace",
            "startswith",
            "endswith",
            "find",
            "rfind",
            "index",
            "rindex",
            "count",
            "isspace",
            "isalpha",
            "isdigit",
            "isidentifier",
        ];
        let method = *rng.pick(&methods);
        let n_args = rng.next() % 3;
        let args: Vec<Arg> = match method {
            "split" | "rsplit" => {
                let sep = if rng.next().is_multiple_of(3) {
                    Arg::None
                } else {
                    str_arg(&mut rng)
                };
                match n_args {
                    0 => vec![],
                    1 => vec![sep],
                    _ => vec![sep, Arg::Int(*rng.pick(&ints))],
                }
            }
            "strip" | "lstrip" | "rstrip" => match n_args {
                0 => vec![],
                _ => vec![Arg::Str(recv.chars().take(2).collect())],
            },
            "replace" => {
                let mut a = vec![str_arg(&mut rng), str_arg(&mut rng)];
                if n_args == 2 {
                    a.push(Arg::Int(*rng.pick(&ints)));
                }
                a
            }
            "startswith" | "endswith" | "find" | "rfind" | "index" | "rindex" | "count" => {
                let mut a = vec![str_arg(&mut rng)];
                for _ in 0..n_args {
                    a.push(if rng.next().is_multiple_of(4) {
                        Arg::None
                    } else {
                        Arg::Int(*rng.pick(&ints))
                    });
                }
                a
            }
            _ => vec![],
        };
        cases.push((recv, method, args));
    }
    let Some(check) = cross_check(cases.len()) else {
        return;
    };
    let mut script = String::from(PY_SHOW);
    for (recv, method, args) in &cases {
        let args: Vec<String> = args.iter().map(Arg::py).collect();
        script.push_str(&format!(
            "run({}, '{method}', {})\n",
            py_str(recv),
            args.join(", ")
        ));
    }
    let expected = check.python().run(&script);
    let heap = Heap::new();
    let mut consts = Consts::new(&heap);
    for ((recv, method, args), expected) in cases.iter().zip(&expected) {
        let recv = consts.str(recv);
        let args: Vec<Obj<'_>> = args
            .iter()
            .map(|a| match a {
                Arg::Str(t) => consts.str(t),
                Arg::Int(i) => long::int_from_i64(&heap, *i).unwrap(),
                Arg::None => none(&heap),
            })
            .collect();
        let got = show(&heap, &recv, call(&heap, sv(&recv), method, &args));
        assert_eq!(&got, expected, "{}.{method}(...)", repr(&heap, &recv));
        check.compared(1);
    }
    assert_eq!(expected.len(), cases.len());
}

/// The code points (surrogates excluded) where `pred` changes value, as boundaries.
fn boundaries(mut pred: impl FnMut(char) -> bool) -> Vec<u32> {
    let mut out = Vec::new();
    let mut inside = false;
    for cp in 0..=0x11_0000u32 {
        let p = char::from_u32(cp).is_some_and(&mut pred);
        if p != inside {
            out.push(cp);
            inside = p;
        }
    }
    out
}

#[test]
fn character_classes_and_case_mapping_agree_with_cpython_on_every_code_point() {
    // Six cases: the five character classes, and the case mapping of every code point.
    let Some(check) = cross_check(6) else {
        return;
    };
    let script = r#"
def bounds(pred):
    out = []; inside = False
    for c in range(0x110001):
        p = c < 0x110000 and not (0xd800 <= c <= 0xdfff) and pred(chr(c))
        if p != inside:
            out.append(c); inside = p
    return out
for pred in [str.isalpha, str.isdigit, str.isspace, str.isidentifier,
             lambda c: ('a' + c).isidentifier()]:
    print(bounds(pred))
f = lambda t: ",".join("%x" % ord(c) for c in t)
for cp in range(0x110000):
    if 0xd800 <= cp <= 0xdfff: continue
    c = chr(cp); u = c.upper(); l = c.lower()
    if u != c or l != c: print("%x %s %s" % (cp, f(u), f(l)))
"#;
    let lines = check.python().run(script);
    let heap = Heap::new();
    let test = |f: for<'a> fn(&'a Heap, &unicode::Str) -> PyResult<Obj<'a>>, text: &str| {
        let o = s(&heap, text);
        let r = f(&heap, sv(&o)).unwrap();
        abstract_::is_true(&heap, r.object()).unwrap()
    };
    let ours = [
        boundaries(|c| test(um::isalpha, &c.to_string())),
        boundaries(|c| test(um::isdigit, &c.to_string())),
        boundaries(|c| test(um::isspace, &c.to_string())),
        boundaries(|c| test(um::isidentifier, &c.to_string())),
        boundaries(|c| um::is_identifier(&format!("a{c}"))),
    ];
    for (i, ours) in ours.iter().enumerate() {
        assert_eq!(&py_list(ours), &lines[i], "property {i}");
        check.compared(1);
    }
    let hex = |t: &str| {
        t.chars()
            .map(|c| format!("{:x}", c as u32))
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut changed = Vec::new();
    for cp in 0..0x11_0000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let o = s(&heap, &c.to_string());
        let u = unicode::str_value(sv(&um::upper(&heap, sv(&o)).unwrap()));
        let l = unicode::str_value(sv(&um::lower(&heap, sv(&o)).unwrap()));
        if u != c.to_string() || l != c.to_string() {
            changed.push(format!("{cp:x} {} {}", hex(&u), hex(&l)));
        }
    }
    assert_eq!(changed.len(), lines.len() - 5);
    for (ours, theirs) in changed.iter().zip(&lines[5..]) {
        assert_eq!(ours, theirs);
    }
    check.compared(1);
}

// ---------------------------------------------------------------------------------------------
// list.sort, sorted, reverse, index, count
// ---------------------------------------------------------------------------------------------

/// A list of ints, strs and `None` (`"None"`), from their Python spelling.
fn mixed<'h>(heap: &'h Heap, items: &[&str]) -> Obj<'h> {
    let items = items
        .iter()
        .map(|t| match *t {
            "None" => none(heap),
            t if t.starts_with('\'') => s(heap, t.trim_matches('\'')),
            t => int(heap, t),
        })
        .collect();
    list::new_list(heap, items).unwrap()
}

/// Sorts `values` as CPython would, counting the `<` comparisons.
fn comparisons(values: &[i64]) -> usize {
    let mut v: Vec<i64> = values.to_vec();
    let mut n = 0;
    list_sort::sort_slice(&mut v, &mut |a, b| {
        n += 1;
        Ok(a < b)
    })
    .unwrap();
    n
}

#[test]
fn sort_makes_cpythons_number_of_comparisons() {
    // class C: __lt__ counts; def ncmp(vals): l = [C(v) for v in vals]; l.sort()
    // print(ncmp(list(range(100))), ncmp(list(range(100))[::-1]), ncmp([5,3,8,1,9,2,7]),
    //       ncmp([(i*7919)%1009 for i in range(1000)]), ncmp([i%10 for i in range(500)]))
    // -> 99 99 13 8609 3245
    let up: Vec<i64> = (0..100).collect();
    let down: Vec<i64> = (0..100).rev().collect();
    let scattered: Vec<i64> = (0..1000).map(|i| (i * 7919) % 1009).collect();
    let repeating: Vec<i64> = (0..500).map(|i| i % 10).collect();
    assert_eq!(comparisons(&up), 99);
    assert_eq!(comparisons(&down), 99);
    assert_eq!(comparisons(&[5, 3, 8, 1, 9, 2, 7]), 13);
    assert_eq!(comparisons(&scattered), 8609);
    assert_eq!(comparisons(&repeating), 3245);
}

#[test]
fn a_failed_sort_leaves_the_list_as_cpython_does() {
    // l = list(vals); l.sort() / except TypeError as e: print("TypeError:", e, l)
    let heap = Heap::new();
    let cases: [(&[&str], bool, &str, &str); 6] = [
        (
            &["3", "'a'", "1", "2"],
            false,
            "'<' not supported between instances of 'str' and 'int'",
            "[3, 'a', 1, 2]",
        ),
        (
            &["5", "4", "3", "'x'", "2", "1"],
            false,
            "'<' not supported between instances of 'str' and 'int'",
            "[5, 4, 3, 'x', 2, 1]",
        ),
        (
            &["1", "2", "3", "None", "0"],
            false,
            "'<' not supported between instances of 'NoneType' and 'int'",
            "[1, 2, 3, None, 0]",
        ),
        (
            &["9", "8", "7", "6", "5", "4", "3", "2", "1", "0", "'a'"],
            false,
            "'<' not supported between instances of 'str' and 'int'",
            "[9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 'a']",
        ),
        // The same with reverse=True.
        (
            &["3", "'a'", "1", "2"],
            true,
            "'<' not supported between instances of 'str' and 'int'",
            "[3, 'a', 1, 2]",
        ),
        (
            &["1", "2", "3", "None", "0"],
            true,
            "'<' not supported between instances of 'NoneType' and 'int'",
            "[1, 2, 3, None, 0]",
        ),
    ];
    for (items, reverse, message, after) in cases {
        let l = mixed(&heap, items);
        let e = list_sort::sort(&heap, l.cast::<list::List>().unwrap(), reverse).unwrap_err();
        assert_eq!((e.kind(), e.message()), (ExcKind::TypeError, message));
        assert_eq!(repr(&heap, &l), after);
    }
}

#[test]
fn the_list_is_empty_while_its_keys_are_computed() {
    let heap = Heap::new();
    // l=[3,1,2]; seen=[]
    // l.sort(key=lambda x: seen.append((len(l), sys.getsizeof(l), repr(l))) or x); print(seen, l)
    // -> [(0, 48, '[]'), (0, 48, '[]'), (0, 48, '[]')] [1, 2, 3]
    let l = mixed(&heap, &["3", "1", "2"]);
    let before = abstract_::getsizeof(l.object());
    let mut seen = Vec::new();
    let mut key = |x: &PyObject| {
        seen.push((
            list::list_len(l.cast::<list::List>().unwrap()),
            abstract_::getsizeof(l.object()),
            repr(&heap, &l),
        ));
        // SAFETY: the sort passes a live item of this heap.
        Ok(unsafe { Obj::from_borrowed(&heap, x) })
    };
    list_sort::sort_with_key(&heap, l.cast::<list::List>().unwrap(), &mut key, false).unwrap();
    assert_eq!(
        seen,
        [
            (0, 48, "[]".to_string()),
            (0, 48, "[]".into()),
            (0, 48, "[]".into())
        ]
    );
    assert_eq!(repr(&heap, &l), "[1, 2, 3]");
    assert_eq!(
        abstract_::getsizeof(l.object()),
        before,
        "the storage came back"
    );

    // l=[3,1,2]; l.sort(key=lambda x: (l.append(0), x)[1])
    // -> ValueError: list modified during sort [1, 2, 3]
    let l = mixed(&heap, &["3", "1", "2"]);
    // (Appending 1000 rather than 0, whose refcount is immortal, to see it released.)
    let thousand = int(&heap, "1000");
    let mut key = |x: &PyObject| {
        list::append(&heap, l.cast::<list::List>().unwrap(), thousand.clone())?;
        // SAFETY: the sort passes a live item of this heap.
        Ok(unsafe { Obj::from_borrowed(&heap, x) })
    };
    let e = list_sort::sort_with_key(&heap, l.cast::<list::List>().unwrap(), &mut key, false)
        .unwrap_err();
    assert_eq!(e.to_string(), "ValueError: list modified during sort");
    assert_eq!(repr(&heap, &l), "[1, 2, 3]");
    assert_eq!(
        thousand.object().refcnt(),
        1,
        "the appended items were released"
    );

    // def f(x): if x == 1: raise KeyError(x) ...; l.sort(key=f) -> KeyError: 1 [3, 1, 2]
    let l = mixed(&heap, &["3", "1", "2"]);
    let mut key = |x: &PyObject| {
        if long::object_as_i64(x) == Some(1) {
            return Err(PyErr::new(ExcKind::KeyError, "1"));
        }
        // SAFETY: the sort passes a live item of this heap.
        Ok(unsafe { Obj::from_borrowed(&heap, x) })
    };
    let e = list_sort::sort_with_key(&heap, l.cast::<list::List>().unwrap(), &mut key, true)
        .unwrap_err();
    assert_eq!(e.to_string(), "KeyError: 1");
    assert_eq!(repr(&heap, &l), "[3, 1, 2]", "untouched, not even reversed");
}

#[test]
fn sorting_by_keys_is_stable_both_ways() {
    // d=[(1,'a'),(0,'b'),(1,'c'),(0,'d')]
    // print(sorted(d, key=lambda p:p[0]), sorted(d, key=lambda p:p[0], reverse=True))
    // -> [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')] [(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]
    let heap = Heap::new();
    let pairs = [("1", "a"), ("0", "b"), ("1", "c"), ("0", "d")];
    let make = || {
        let items = pairs
            .iter()
            .map(|(k, v)| tuple::new_tuple(&heap, vec![int(&heap, k), s(&heap, v)]).unwrap())
            .collect();
        list::new_list(&heap, items).unwrap()
    };
    for (reverse, expected) in [
        (false, "[(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]"),
        (true, "[(1, 'a'), (1, 'c'), (0, 'b'), (0, 'd')]"),
    ] {
        let l = make();
        let keys = pairs.iter().map(|(k, _)| int(&heap, k)).collect();
        list_sort::sort_by_keys(&heap, l.cast::<list::List>().unwrap(), keys, reverse).unwrap();
        assert_eq!(repr(&heap, &l), expected);
        let l = make();
        let mut first = |p: &PyObject| {
            // SAFETY: a live item of the tuple the sort passes.
            Ok(unsafe {
                Obj::from_borrowed(
                    &heap,
                    tuple::items(tuple::Tuple::cast(p).unwrap())[0].as_ref(),
                )
            })
        };
        list_sort::sort_with_key(&heap, l.cast::<list::List>().unwrap(), &mut first, reverse)
            .unwrap();
        assert_eq!(repr(&heap, &l), expected);
    }
    let l = make();
    assert_eq!(
        err(list_sort::sort_by_keys(
            &heap,
            l.cast::<list::List>().unwrap(),
            vec![],
            false
        )),
        "SystemError: 0 sort keys for a list of 4"
    );
}

#[test]
fn sorted_sizes_and_the_other_list_methods() {
    let heap = Heap::new();
    // print(g(sorted([3,2,1])), g([3,2,1]), g(sorted((3,2,1)))) -> 88 88 88
    let fresh = list::new_list(&heap, vec![]).unwrap();
    list::extend_sized(
        &heap,
        fresh.cast::<list::List>().unwrap(),
        vec![int(&heap, "3"), int(&heap, "2"), int(&heap, "1")],
    )
    .unwrap();
    let r = list_sort::sorted(&heap, fresh, false).unwrap();
    assert_eq!(
        (repr(&heap, &r), abstract_::getsizeof(r.object())),
        ("[1, 2, 3]".into(), 88)
    );
    // l=[3,2,1,5]; s0=g(l); l.sort(); print(s0, g(l), l) -> 88 88 [1, 2, 3, 5]
    let l = mixed(&heap, &["3", "2", "1", "5"]);
    list_sort::sort(&heap, l.cast::<list::List>().unwrap(), false).unwrap();
    assert_eq!(
        (repr(&heap, &l), abstract_::getsizeof(l.object())),
        ("[1, 2, 3, 5]".into(), 88)
    );
    // l=list(range(5)); l.reverse(); print(l) -> [4, 3, 2, 1, 0]
    let l = mixed(&heap, &["0", "1", "2", "3", "4"]);
    list_sort::reverse(l.cast::<list::List>().unwrap()).unwrap();
    assert_eq!(repr(&heap, &l), "[4, 3, 2, 1, 0]");
    // l=[1,2,3,2,1]; print(l.index(2), l.index(2,2), l.index(1,-2), l.count(2), l.count(9),
    //                    l.index(3, -100, 100)) -> 1 3 4 2 0 2
    let l = mixed(&heap, &["1", "2", "3", "2", "1"]);
    let x = |t: &str| int(&heap, t);
    let at = |v: &str, start: isize, stop: isize| {
        repr(
            &heap,
            &list_sort::index(
                &heap,
                l.cast::<list::List>().unwrap(),
                x(v).object(),
                start,
                stop,
            )
            .unwrap(),
        )
    };
    let (lo, hi) = (list_sort::INDEX_START, list_sort::INDEX_STOP);
    assert_eq!(
        [
            at("2", lo, hi),
            at("2", 2, hi),
            at("1", -2, hi),
            at("3", -100, 100)
        ],
        ["1", "3", "4", "2"]
    );
    let count = |v: &str| {
        repr(
            &heap,
            &list_sort::count(&heap, l.cast::<list::List>().unwrap(), x(v).object()).unwrap(),
        )
    };
    assert_eq!([count("2"), count("9")], ["2", "0"]);
    // l.index(9) / l.index(1, 1, 4) / l.index(3, 3): ValueError: 9 is not in list, 1 ..., 3 ...
    let miss = |v: &str, start, stop| {
        err(list_sort::index(
            &heap,
            l.cast::<list::List>().unwrap(),
            x(v).object(),
            start,
            stop,
        ))
    };
    assert_eq!(miss("9", lo, hi), "ValueError: 9 is not in list");
    assert_eq!(miss("1", 1, 4), "ValueError: 1 is not in list");
    assert_eq!(miss("3", 3, hi), "ValueError: 3 is not in list");
    // ['a'].index('b') -> ValueError: 'b' is not in list
    let la = mixed(&heap, &["'a'"]);
    assert_eq!(
        err(list_sort::index(
            &heap,
            la.cast::<list::List>().unwrap(),
            s(&heap, "b").object(),
            lo,
            hi
        )),
        "ValueError: 'b' is not in list"
    );
    // [float('nan')].count(float('nan')) -> 0 (two different NaN objects)
    let nan = list::new_list(&heap, vec![float::new_float(&heap, f64::NAN).unwrap()]).unwrap();
    let other_nan = float::new_float(&heap, f64::NAN).unwrap();
    assert_eq!(
        repr(
            &heap,
            &list_sort::count(&heap, nan.cast::<list::List>().unwrap(), other_nan.object())
                .unwrap()
        ),
        "0"
    );
    let same_nan = list::get_item(&heap, nan.cast::<list::List>().unwrap(), 0).unwrap();
    assert_eq!(
        repr(
            &heap,
            &list_sort::count(&heap, nan.cast::<list::List>().unwrap(), same_nan.object()).unwrap()
        ),
        "1"
    );
    // Methods of list take a list view: something else has none (the caller's TypeError).
    assert!(x("1").cast::<list::List>().is_none());
    assert_eq!(
        pyrt_objects::view::descriptor_error("sort", "list", x("1").object()).to_string(),
        "TypeError: descriptor 'sort' for 'list' objects doesn't apply to a 'int' object"
    );
}

#[test]
fn sort_makes_cpythons_comparisons_and_failures_on_random_lists() {
    // Each case: values, reverse, and the comparison after which `<` raises (0: never). CPython
    // prints the comparisons made (as pairs of original positions) and the final order.
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut cases = Vec::new();
    for i in 0..120 {
        let n = [0, 1, 2, 5, 40, 64, 65, 150, 400, 1200][i % 10];
        let modulus = [3, 50, 1_000_000][i % 3];
        let runs = i % 4 == 0;
        let values: Vec<i64> = (0..n)
            .map(|j| {
                let noise = (rng.next() % modulus) as i64;
                if runs {
                    (j as i64 / 7) * if j % 200 < 100 { 1 } else { -1 } + noise % 3
                } else {
                    noise
                }
            })
            .collect();
        let fail_at = if i % 3 == 0 {
            rng.next() % (4 * n as u64 + 1)
        } else {
            0
        };
        cases.push((values, i % 2 == 1, fail_at));
    }
    let mut script = String::from(
        "class K:\n    __slots__ = ('v', 'i')\n    def __init__(s, v, i): s.v = v; s.i = i\n    def __lt__(s, o):\n        global n\n        n += 1\n        if n == fail: raise TypeError('boom')\n        log.append(f'{s.i}<{o.i}')\n        return s.v < o.v\n",
    );
    for (values, reverse, fail_at) in &cases {
        script.push_str(&format!(
            "log = []; n = 0; fail = {fail_at}\nl = [K(v, i) for i, v in enumerate({values:?})]\ntry: l.sort(reverse={})\nexcept TypeError: log.append('error')\nprint(' '.join(log), '|', ' '.join(str(k.i) for k in l))\n",
            py_bool(*reverse)
        ));
    }
    let Some(check) = cross_check(cases.len()) else {
        return;
    };
    let expected = check.python().run(&script);
    for ((values, reverse, fail_at), expected) in cases.iter().zip(&expected) {
        let mut v: Vec<(i64, usize)> = values.iter().copied().zip(0..).collect();
        let mut log = Vec::new();
        let mut calls = 0;
        let mut lt = |a: &(i64, usize), b: &(i64, usize)| {
            calls += 1;
            if calls == *fail_at {
                return Err(PyErr::type_error("boom"));
            }
            log.push(format!("{}<{}", a.1, b.1));
            Ok(a.0 < b.0)
        };
        // list.sort's protocol around the slice sort: reverse, sort, reverse back.
        if *reverse {
            v.reverse();
        }
        if list_sort::sort_slice(&mut v, &mut lt).is_err() {
            log.push("error".into());
        }
        if *reverse {
            v.reverse();
        }
        let order: Vec<String> = v.iter().map(|p| p.1.to_string()).collect();
        let got = format!("{} | {}", log.join(" "), order.join(" "));
        assert_eq!(
            &got, expected,
            "values {values:?} reverse {reverse} fail at {fail_at}"
        );
        check.compared(1);
    }
    assert_eq!(expected.len(), cases.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(proptest_cases(256)))]

    /// Ints (small, and beyond 64 bits) sort as Rust sorts them, and every item keeps its
    /// references: the list holds each exactly once after the sort.
    #[test]
    fn sort_agrees_with_rusts_sort(values in prop::collection::vec(-1000i64..1000, 0..300), big in any::<bool>(), reverse in any::<bool>()) {
        let heap = Heap::new();
        let scale = if big { "100000000000000000000" } else { "1" };
        let objs: Vec<Obj<'_>> = values
            .iter()
            .map(|v| {
                let v = long::int_from_i64(&heap, *v).unwrap();
                abstract_::binary_op(&heap, v.object(), int(&heap, scale).object(), abstract_::BinOp::Mul).unwrap()
            })
            .collect();
        let l = list::new_list(&heap, objs.clone()).unwrap();
        let before: Vec<u64> = objs.iter().map(|o| o.object().refcnt()).collect();
        list_sort::sort(&heap, l.cast::<list::List>().unwrap(), reverse).unwrap();
        let mut expected = values.clone();
        expected.sort();
        if reverse {
            expected.reverse();
        }
        let got: Vec<String> = list::items(l.cast::<list::List>().unwrap()).iter().map(|p| abstract_::repr(&heap, unsafe_ref(p)).unwrap()).collect();
        let want: Vec<String> = expected.iter().map(|v| {
            let v = long::int_from_i64(&heap, *v).unwrap();
            let r = abstract_::binary_op(&heap, v.object(), int(&heap, scale).object(), abstract_::BinOp::Mul).unwrap();
            repr(&heap, &r)
        }).collect();
        prop_assert_eq!(got, want);
        let after: Vec<u64> = objs.iter().map(|o| o.object().refcnt()).collect();
        prop_assert_eq!(before, after);
    }

    /// Tuples `(key, position)` sorted by key keep the positions of equal keys in order, with
    /// `reverse` too, as Rust's stable sort does.
    #[test]
    fn sort_by_keys_is_stable(keys in prop::collection::vec(0i64..6, 0..200), reverse in any::<bool>()) {
        let heap = Heap::new();
        let items = keys
            .iter()
            .enumerate()
            .map(|(i, k)| tuple::new_tuple(&heap, vec![long::int_from_i64(&heap, *k).unwrap(), long::int_from_i64(&heap, i as i64).unwrap()]).unwrap())
            .collect();
        let l = list::new_list(&heap, items).unwrap();
        let key_objs = keys.iter().map(|k| long::int_from_i64(&heap, *k).unwrap()).collect();
        list_sort::sort_by_keys(&heap, l.cast::<list::List>().unwrap(), key_objs, reverse).unwrap();
        let mut expected: Vec<(i64, usize)> = keys.iter().copied().zip(0..).collect();
        if reverse {
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
        } else {
            expected.sort_by_key(|p| p.0);
        }
        let want: Vec<String> = expected.iter().map(|(k, i)| format!("({k}, {i})")).collect();
        let got: Vec<String> = list::items(l.cast::<list::List>().unwrap()).iter().map(|p| abstract_::repr(&heap, unsafe_ref(p)).unwrap()).collect();
        prop_assert_eq!(got, want);
    }

    /// Lists mixing ints and strs either sort or raise `TypeError`; either way every item is
    /// still in the list exactly once.
    #[test]
    fn a_failing_sort_keeps_every_item(values in prop::collection::vec((any::<bool>(), 0i64..50), 0..120)) {
        let heap = Heap::new();
        let objs: Vec<Obj<'_>> = values
            .iter()
            .map(|(is_str, v)| if *is_str { s(&heap, &format!("s{v}")) } else { long::int_from_i64(&heap, *v).unwrap() })
            .collect();
        let l = list::new_list(&heap, objs.clone()).unwrap();
        let mixed = values.iter().any(|p| p.0) && values.iter().any(|p| !p.0);
        match list_sort::sort(&heap, l.cast::<list::List>().unwrap(), false) {
            Ok(()) => prop_assert!(!mixed || values.len() < 2),
            Err(e) => prop_assert_eq!(e.kind(), ExcKind::TypeError),
        }
        let mut got: Vec<usize> = list::items(l.cast::<list::List>().unwrap()).iter().map(|p| p.as_ptr().addr()).collect();
        let mut want: Vec<usize> = objs.iter().map(|o| o.as_ptr().as_ptr().addr()).collect();
        got.sort_unstable();
        want.sort_unstable();
        prop_assert_eq!(got, want);
    }
}
