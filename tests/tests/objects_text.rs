//! `str` and `bytes` against CPython 3.12.1 (run with `PYTHONHASHSEED=0`): sizes of the compact
//! layouts at lengths 0, 1, 2, 10 and 100 for each kind, the singletons, interning, hashes,
//! `repr` and the errors of concatenation and repetition.

use pyrt::Runtime;

#[test]
fn str_sizes_follow_the_compact_layouts() {
    // CPython 3.12.1: [sys.getsizeof(ch * n) for n in (0, 1, 2, 10, 100)]
    let cases: [(char, [usize; 5]); 4] = [
        ('a', [41, 42, 43, 51, 141]),
        ('\u{e9}', [41, 61, 59, 67, 157]),
        ('\u{20ac}', [41, 60, 62, 78, 258]),
        ('\u{1f600}', [41, 64, 68, 100, 460]),
    ];
    Runtime::new().with(|py| {
        for (ch, sizes) in cases {
            for (n, size) in [0, 1, 2, 10, 100].into_iter().zip(sizes) {
                let s = py.str(&ch.to_string().repeat(n)).unwrap();
                assert_eq!(s.getsizeof(), size, "getsizeof({ch:?} * {n})");
                assert_eq!(s.len().unwrap(), n);
            }
        }
        // Mixed kinds take the widest: 'ab\xe9' 60, 'ab\u20ac' 64, 'ab\U0001f600' 72; ASCII 'abc' 44.
        for (text, size) in [
            ("abc", 44),
            ("ab\u{e9}", 60),
            ("ab\u{20ac}", 64),
            ("ab\u{1f600}", 72),
            ("h\u{e9}llo", 62),
        ] {
            assert_eq!(
                py.str(text).unwrap().getsizeof(),
                size,
                "getsizeof({text:?})"
            );
        }
    });
}

#[test]
fn bytes_sizes_are_33_plus_len() {
    // CPython 3.12.1: [sys.getsizeof(b'x' * n) for n in (0, 1, 2, 10, 100, 1000)]
    Runtime::new().with(|py| {
        for (n, size) in [
            (0, 33),
            (1, 34),
            (2, 35),
            (10, 43),
            (100, 133),
            (1000, 1033),
        ] {
            assert_eq!(py.bytes(&vec![b'x'; n]).unwrap().getsizeof(), size);
        }
    });
}

#[test]
fn empty_and_one_character_strings_and_bytes_are_singletons() {
    // CPython 3.12.1: chr(255) is chr(255) -> True, chr(256) is chr(256) -> False,
    // bytes([97]) is b'a' -> True, bytes(1) is bytes(1) -> False
    Runtime::new().with(|py| {
        assert!(py.str("").unwrap().is(&py.str("").unwrap()));
        assert!(py.str("\u{ff}").unwrap().is(&py.str("\u{ff}").unwrap()));
        assert!(!py.str("\u{100}").unwrap().is(&py.str("\u{100}").unwrap()));
        assert!(!py.str("ab").unwrap().is(&py.str("ab").unwrap()));
        assert!(py.bytes(b"a").unwrap().is(&py.bytes(b"a").unwrap()));
        assert!(!py.zeroed_bytes(1).unwrap().is(&py.zeroed_bytes(1).unwrap()));
        for s in [
            py.str("").unwrap(),
            py.str("a").unwrap(),
            py.str("\u{e9}").unwrap(),
        ] {
            assert_eq!(py.getrefcount(&s), 4_294_967_295, "{s:?} is immortal");
        }
        // The static Latin-1 strings carry their UTF-8 form: 56 + 2 + 3.
        assert_eq!(py.str("\u{e9}").unwrap().getsizeof(), 61);
        // A fresh string built from the same character is the singleton too (chr(233)).
        let e = py.str("\u{e9}").unwrap();
        assert!(py.str("caf\u{e9}").unwrap().len().unwrap() == 4 && e.len().unwrap() == 1);
    });
}

#[test]
fn interning_returns_one_immortal_object_per_text() {
    Runtime::new().with(|py| {
        let a = py.str("not_interned_yet").unwrap();
        let b = py.str("not_interned_yet").unwrap();
        assert!(!a.is(&b), "strings built at run time are distinct");
        assert_eq!(py.getrefcount(&a), 2);
        let ia = py.intern(a).unwrap();
        let ib = py.intern(b).unwrap();
        assert!(ia.is(&ib), "sys.intern returns the canonical object");
        assert_eq!(
            py.getrefcount(&ia),
            4_294_967_295,
            "interned strings are immortal in 3.12.1"
        );
        let err = py.intern(py.int(1).unwrap()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "TypeError: intern() argument must be str, not int"
        );
    });
}

#[test]
fn hashes_match_cpython_with_hashseed_0() {
    // PYTHONHASHSEED=0 CPython 3.12.1: hash('spam'), hash(b'spam'), hash('\xe9t\xe9'),
    // hash('\u20ac'), hash('\U0001f600'), hash('')
    Runtime::new().with(|py| {
        let s = |t: &str| py.str(t).unwrap().hash().unwrap();
        assert_eq!(s("spam"), -7_643_603_308_804_133_256);
        assert_eq!(
            py.bytes(b"spam").unwrap().hash().unwrap(),
            -7_643_603_308_804_133_256
        );
        assert_eq!(s("\u{e9}t\u{e9}"), -1_033_370_291_238_291_217);
        assert_eq!(s("\u{20ac}"), -5_529_981_157_763_016_009);
        assert_eq!(s("\u{1f600}"), -3_536_540_696_076_613_844);
        assert_eq!(s(""), 0);
        let spam = py.str("spam").unwrap();
        assert_eq!(
            spam.hash().unwrap(),
            spam.hash().unwrap(),
            "the cached hash is stable"
        );
    });
}

#[test]
fn repr_quotes_and_escapes_like_cpython() {
    // CPython 3.12.1: repr("it's"), repr('a"b\'c'), repr('\n\t\x00\x7f\xa0\u2028'),
    // repr(b'\x00a\\"\'\t\xff')
    Runtime::new().with(|py| {
        let r = |t: &str| py.str(t).unwrap().repr().unwrap();
        assert_eq!(r("it's"), "\"it's\"");
        assert_eq!(r("a\"b'c"), "'a\"b\\'c'");
        assert_eq!(
            r("\n\t\u{0}\u{7f}\u{a0}\u{2028}"),
            "'\\n\\t\\x00\\x7f\\xa0\\u2028'"
        );
        let b = py.bytes(b"\x00a\\\"'\t\xff").unwrap();
        assert_eq!(b.repr().unwrap(), "b'\\x00a\\\\\"\\'\\t\\xff'");
        assert_eq!(py.str("x").unwrap().str().unwrap(), "x");
    });
}

#[test]
fn concatenation_and_repetition_errors_match_cpython() {
    // CPython 3.12.1: "a"+1, b"a"+1, b"a"+"a", "ab"*2.0, "ab"*-1, 3*"ab", "ab"*(2**63)
    Runtime::new().with(|py| {
        let (s, b, one) = (
            py.str("a").unwrap(),
            py.bytes(b"a").unwrap(),
            py.int(1).unwrap(),
        );
        let err = |r: pyrt::PyResult<pyrt::Bound<'_>>| r.unwrap_err().to_string();
        assert_eq!(
            err(s.add(&one)),
            "TypeError: can only concatenate str (not \"int\") to str"
        );
        assert_eq!(err(b.add(&one)), "TypeError: can't concat int to bytes");
        assert_eq!(err(b.add(&s)), "TypeError: can't concat str to bytes");
        assert_eq!(
            err(one.add(&s)),
            "TypeError: unsupported operand type(s) for +: 'int' and 'str'"
        );
        let ab = py.str("ab").unwrap();
        assert_eq!(
            err(ab.mul(&py.float(2.0).unwrap())),
            "TypeError: can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(ab.mul(&py.int(-1).unwrap()).unwrap().repr().unwrap(), "''");
        assert_eq!(
            py.int(3).unwrap().mul(&ab).unwrap().repr().unwrap(),
            "'ababab'"
        );
        let huge = py.int(2).unwrap().pow(&py.int(63).unwrap()).unwrap();
        assert_eq!(
            err(ab.mul(&huge)),
            "OverflowError: cannot fit 'int' into an index-sized integer"
        );
        assert_eq!(
            py.bytes(b"ab")
                .unwrap()
                .mul(&py.int(3).unwrap())
                .unwrap()
                .repr()
                .unwrap(),
            "b'ababab'"
        );
        assert_eq!(
            s.rich_compare_bool(&one, pyrt::CompareOp::Lt)
                .unwrap_err()
                .to_string(),
            "TypeError: '<' not supported between instances of 'str' and 'int'"
        );
        assert!(
            py.str("a")
                .unwrap()
                .rich_compare_bool(&py.str("b").unwrap(), pyrt::CompareOp::Lt)
                .unwrap()
        );
    });
}

#[test]
fn a_concatenation_loop_builds_strings_of_cpython_size() {
    // Oracle 017: d = ''; for i in range(10): d = d + 'y'  ->  getsizeof(d) == 51
    // Oracle 033: b = b''; 17 times b = b + b'q'  ->  sizes 33..=49
    Runtime::new().with(|py| {
        let y = py.str("y").unwrap();
        let mut d = py.str("").unwrap().into_any();
        for _ in 0..10 {
            d = d.add(&y).unwrap();
        }
        assert_eq!(
            (d.getsizeof(), d.str().unwrap().as_str()),
            (51, "yyyyyyyyyy")
        );
        let q = py.bytes(b"q").unwrap();
        let mut b = py.bytes(b"").unwrap().into_any();
        for n in 0..17 {
            assert_eq!((b.len().unwrap(), b.getsizeof()), (n, 33 + n));
            b = b.add(&q).unwrap();
        }
    });
}

#[test]
fn identifier_like_constants_are_interned_and_run_time_strings_are_not() {
    // CPython 3.12.1 interns str constants made only of ASCII letters, digits and '_'
    // (all_name_chars); strings built at run time stay distinct until sys.intern.
    Runtime::new().with(|py| {
        let a = py.str_constant("counter_2").unwrap();
        assert!(a.is(&py.str_constant("counter_2").unwrap()));
        assert_eq!(py.getrefcount(&a), 4_294_967_295);
        let built = py
            .str("counter_")
            .unwrap()
            .add(&py.str("2").unwrap())
            .unwrap();
        assert!(!built.is(&a), "a string built at run time is a new object");
        assert!(
            py.intern(built).unwrap().is(&a),
            "until sys.intern returns the canonical one"
        );
        let spaced = py.str_constant("two words").unwrap();
        assert!(!spaced.is(&py.str_constant("two words").unwrap()));
        assert_eq!(py.getrefcount(&spaced), 2);
        let accented = py.str_constant("caf\u{e9}").unwrap();
        assert!(
            !accented.is(&py.str_constant("caf\u{e9}").unwrap()),
            "non-ASCII constants are not interned"
        );
    });
}
