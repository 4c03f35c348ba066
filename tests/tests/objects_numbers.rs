//! The numbers of Object model I against CPython 3.12.1: `sys.getsizeof` of ints, bools, floats,
//! complex numbers and the singletons; identity of cached ints; refcounts of fresh, shared and
//! immortal objects; results and exceptions of the arithmetic. Every expected value here was
//! printed by CPython 3.12.1 (see `../shared/cpython/` and the values noted per test).

use pyrt::{CompareOp, PyInt, Runtime};

#[test]
fn int_sizes_follow_the_30_bit_digits() {
    // CPython 3.12.1: [sys.getsizeof(v) for v in vals]
    let cases: [(&str, usize); 14] = [
        ("0", 28),
        ("1", 28),
        ("-1", 28),
        ("1073741823", 28),  // 2**30 - 1
        ("-1073741823", 28), // -(2**30 - 1)
        ("1073741824", 32),  // 2**30
        ("-1073741824", 32),
        ("1152921504606846976", 36),             // 2**60
        ("1237940039285380274899124223", 36),    // 2**90 - 1
        ("1237940039285380274899124224", 40),    // 2**90
        ("1267650600228229401496703205376", 40), // 2**100
        ("-1267650600228229401496703205376", 40),
        ("123456789012345678901234567890", 40),
        ("-123456789012345678901234567890", 40),
    ];
    Runtime::new().with(|py| {
        for (text, size) in cases {
            let v = py.int_from_str(text).unwrap();
            assert_eq!(v.getsizeof(), size, "getsizeof({text})");
            assert_eq!(v.repr().unwrap(), text, "repr round trip");
        }
    });
}

#[test]
fn singleton_and_scalar_sizes_match_cpython() {
    // CPython 3.12.1: getsizeof(True), (False), (None), (1.5), (1j), int, float
    Runtime::new().with(|py| {
        assert_eq!(py.bool(true).getsizeof(), 28);
        assert_eq!(py.bool(false).getsizeof(), 28);
        assert_eq!(py.none().getsizeof(), 16);
        assert_eq!(py.float(1.5).unwrap().getsizeof(), 24);
        assert_eq!(py.complex(0.0, 1.0).unwrap().getsizeof(), 32);
        let pair = py.int(7).unwrap().divmod(&py.int(2).unwrap()).unwrap();
        assert_eq!(pair.getsizeof(), 56, "a 2-tuple: 16 (GC) + 24 + 2 x 8");
    });
}

#[test]
fn small_ints_are_cached_and_others_are_not() {
    Runtime::new().with(|py| {
        for v in [-5, 0, 1, 255, 256] {
            assert!(py.int(v).unwrap().is(&py.int(v).unwrap()), "{v} is cached");
        }
        for v in [-6, 257, 1000] {
            assert!(
                !py.int(v).unwrap().is(&py.int(v).unwrap()),
                "{v} is not cached"
            );
        }
        // Results computed at run time land in the cache too: 255 + 1 is 256.
        let sum = py.int(255).unwrap().add(&py.int(1).unwrap()).unwrap();
        assert!(sum.is(&py.int(256).unwrap()));
        let sum = py.int(256).unwrap().add(&py.int(1).unwrap()).unwrap();
        assert!(!sum.is(&py.int(257).unwrap()));
    });
}

#[test]
fn refcounts_of_fresh_shared_and_immortal_objects() {
    Runtime::new().with(|py| {
        let x = py.int(123_456_789).unwrap();
        assert_eq!(py.getrefcount(&x), 2, "a fresh object and the argument");
        let y = x.clone();
        assert_eq!(py.getrefcount(&x), 3, "shared by two handles");
        drop(y);
        assert_eq!(py.getrefcount(&x), 2);
        // CPython 3.12.1: sys.getrefcount(None), sys.getrefcount(5) -> 4294967295
        assert_eq!(py.getrefcount(&py.none()), 4_294_967_295);
        assert_eq!(py.getrefcount(&py.int(5).unwrap()), 4_294_967_295);
        assert_eq!(py.getrefcount(&py.bool(true)), 4_294_967_295);
        let five = py.int(5).unwrap();
        let copies: Vec<_> = (0..10).map(|_| five.clone()).collect();
        assert_eq!(five.refcnt(), 4_294_967_295, "immortal counts never move");
        drop(copies);
    });
}

#[test]
fn dropping_the_last_handle_frees_the_memory() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let big = py.int_from_str("1267650600228229401496703205376").unwrap();
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 1);
        drop(big);
        assert_eq!(py.malloc_stats().allocated_blocks(), before);
    });
}

#[test]
fn floats_reuse_the_free_list_of_100() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let floats: Vec<_> = (0..150)
            .map(|i| py.float(f64::from(i) + 0.5).unwrap())
            .collect();
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 150);
        drop(floats);
        // 100 dead floats stay on the free list (still allocated), 50 are freed.
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 100);
        let again: Vec<_> = (0..100).map(|i| py.float(f64::from(i)).unwrap()).collect();
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 100,
            "all 100 came from the free list"
        );
        drop(again);
    });
}

#[test]
fn int_arithmetic_matches_cpython() {
    // CPython 3.12.1: divmod(-7,2), 7 // -2, -7 % 3, 2**100 // 3**20, -(2**100) % 7,
    // (-5) >> 1, -1 << 3, ~5, 5 & -3, -5 | 3, -5 ^ 3, hash(2**61-1), hash(-1), hash(2**100)
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        let s = |t: &str| py.int_from_str(t).unwrap();
        assert_eq!(n(-7).divmod(&n(2)).unwrap().repr().unwrap(), "(-4, 1)");
        assert_eq!(n(7).floordiv(&n(-2)).unwrap().repr().unwrap(), "-4");
        assert_eq!(n(-7).rem(&n(3)).unwrap().repr().unwrap(), "2");
        let p100 = n(2).pow(&n(100)).unwrap();
        assert_eq!(p100.repr().unwrap(), "1267650600228229401496703205376");
        let q = p100.floordiv(&n(3).pow(&n(20)).unwrap()).unwrap();
        assert_eq!(q.repr().unwrap(), "363558641556578823726");
        assert_eq!(p100.neg().unwrap().rem(&n(7)).unwrap().repr().unwrap(), "5");
        assert_eq!(n(-5).rshift(&n(1)).unwrap().repr().unwrap(), "-3");
        assert_eq!(n(-1).lshift(&n(3)).unwrap().repr().unwrap(), "-8");
        assert_eq!(n(5).invert().unwrap().repr().unwrap(), "-6");
        assert_eq!(n(5).bitand(&n(-3)).unwrap().repr().unwrap(), "5");
        assert_eq!(n(-5).bitor(&n(3)).unwrap().repr().unwrap(), "-5");
        assert_eq!(n(-5).bitxor(&n(3)).unwrap().repr().unwrap(), "-8");
        assert_eq!(s("2305843009213693951").hash().unwrap(), 0);
        assert_eq!(n(-1).hash().unwrap(), -2);
        assert_eq!(p100.hash().unwrap(), 549_755_813_888);
        assert_eq!(p100.neg().unwrap().hash().unwrap(), -549_755_813_888);
        assert_eq!(n(10).truediv(&n(4)).unwrap().repr().unwrap(), "2.5");
        assert_eq!(n(2).pow(&n(-1)).unwrap().repr().unwrap(), "0.5");
        assert_eq!(
            n(2).pow(&n(1000))
                .unwrap()
                .truediv(&n(3))
                .unwrap()
                .repr()
                .unwrap(),
            "3.5716953572875575e+300"
        );
    });
}

#[test]
fn bool_is_an_int_with_its_own_logic() {
    // CPython 3.12.1: True+True -> 2, True&False -> False, True|2 -> 3, -True -> -1
    Runtime::new().with(|py| {
        let (t, f) = (py.bool(true), py.bool(false));
        assert_eq!(t.add(&t).unwrap().repr().unwrap(), "2");
        assert_eq!(t.bitand(&f).unwrap().repr().unwrap(), "False");
        assert_eq!(t.bitor(&py.int(2).unwrap()).unwrap().repr().unwrap(), "3");
        assert_eq!(t.neg().unwrap().repr().unwrap(), "-1");
        assert!(t.cast::<PyInt>().is_ok(), "bool is a subclass of int");
        assert!(
            t.rich_compare_bool(&py.int(1).unwrap(), CompareOp::Eq)
                .unwrap()
        );
        assert_eq!(t.hash().unwrap(), 1);
    });
}

#[test]
fn errors_carry_cpython_types_and_messages() {
    // CPython 3.12.1, `type(e).__name__ + ': ' + str(e)` for each expression.
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        let err = |r: pyrt::PyResult<pyrt::Bound<'_>>| r.unwrap_err().to_string();
        assert_eq!(
            err(n(5).floordiv(&n(0))),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            err(n(5).rem(&n(0))),
            "ZeroDivisionError: integer modulo by zero"
        );
        assert_eq!(
            err(n(5).divmod(&n(0))),
            "ZeroDivisionError: integer division or modulo by zero"
        );
        assert_eq!(
            err(n(5).truediv(&n(0))),
            "ZeroDivisionError: division by zero"
        );
        let five = py.float(5.0).unwrap();
        assert_eq!(
            err(five.truediv(&n(0))),
            "ZeroDivisionError: float division by zero"
        );
        assert_eq!(
            err(five.floordiv(&n(0))),
            "ZeroDivisionError: float floor division by zero"
        );
        assert_eq!(err(five.rem(&n(0))), "ZeroDivisionError: float modulo");
        assert_eq!(
            err(n(0).pow(&n(-1))),
            "ZeroDivisionError: 0.0 cannot be raised to a negative power"
        );
        assert_eq!(err(n(1).lshift(&n(-1))), "ValueError: negative shift count");
        let big = n(2).pow(&n(1100)).unwrap();
        assert_eq!(
            err(big.truediv(&n(1))),
            "OverflowError: integer division result too large for a float"
        );
        assert_eq!(
            err(n(1).add(&py.none())),
            "TypeError: unsupported operand type(s) for +: 'int' and 'NoneType'"
        );
        assert_eq!(
            n(1).rich_compare_bool(&py.none(), CompareOp::Lt)
                .unwrap_err()
                .to_string(),
            "TypeError: '<' not supported between instances of 'int' and 'NoneType'"
        );
        let c = py.complex(1.0, 2.0).unwrap();
        assert_eq!(
            err(c.floordiv(&n(2))),
            "TypeError: unsupported operand type(s) for //: 'complex' and 'int'"
        );
        assert_eq!(
            err(c.truediv(&n(0))),
            "ZeroDivisionError: complex division by zero"
        );
        assert_eq!(
            err(py.none().neg()),
            "TypeError: bad operand type for unary -: 'NoneType'"
        );
    });
}

#[test]
fn float_and_complex_text_and_hashes_match_cpython() {
    // CPython 3.12.1: repr(0.1+0.2), repr(1e16), repr(-0.0), repr(inf), repr(1/3), hash(1.5),
    // complex reprs and (1+2j)**2, (1+2j)/(3-4j), abs(3+4j), hash(1+2j)
    Runtime::new().with(|py| {
        let f = |v: f64| py.float(v).unwrap();
        assert_eq!(
            f(0.1).add(&f(0.2)).unwrap().repr().unwrap(),
            "0.30000000000000004"
        );
        assert_eq!(f(1e16).repr().unwrap(), "1e+16");
        assert_eq!(f(-0.0).repr().unwrap(), "-0.0");
        assert_eq!(f(f64::INFINITY).repr().unwrap(), "inf");
        assert_eq!(
            py.int(1)
                .unwrap()
                .truediv(&py.int(3).unwrap())
                .unwrap()
                .repr()
                .unwrap(),
            "0.3333333333333333"
        );
        assert_eq!(f(1.5).hash().unwrap(), 1_152_921_504_606_846_977);
        assert_eq!(
            f(7.5).divmod(&f(-2.0)).unwrap().repr().unwrap(),
            "(-4.0, -0.5)"
        );
        let c = |re: f64, im: f64| py.complex(re, im).unwrap();
        assert_eq!(c(1.0, 2.0).repr().unwrap(), "(1+2j)");
        assert_eq!(c(0.0, 1.0).repr().unwrap(), "1j");
        assert_eq!(c(0.0, 0.0).neg().unwrap().repr().unwrap(), "(-0-0j)");
        assert_eq!(c(1e16, 1.0).repr().unwrap(), "(1e+16+1j)");
        assert_eq!(
            c(1.0, 2.0)
                .pow(&py.int(2).unwrap())
                .unwrap()
                .repr()
                .unwrap(),
            "(-3+4j)"
        );
        assert_eq!(
            c(1.0, 2.0).truediv(&c(3.0, -4.0)).unwrap().repr().unwrap(),
            "(-0.2+0.4j)"
        );
        assert_eq!(
            c(1.0, 2.0).pow(&f(0.5)).unwrap().repr().unwrap(),
            "(1.272019649514069+0.7861513777574233j)"
        );
        assert_eq!(c(3.0, 4.0).abs().unwrap().repr().unwrap(), "5.0");
        assert_eq!(c(1.0, 2.0).hash().unwrap(), 2_000_007);
        let neg8 = py.int(-8).unwrap();
        let third = py.int(1).unwrap().truediv(&py.int(3).unwrap()).unwrap();
        assert_eq!(
            neg8.pow(&third).unwrap().repr().unwrap(),
            "(1.0000000000000002+1.7320508075688772j)"
        );
    });
}

#[test]
fn a_memory_limit_turns_into_memory_error() {
    let rt = Runtime::with_config(pyrt::RuntimeConfig::new().memory_limit(1 << 20));
    rt.with(|py| {
        let mut kept = Vec::new();
        let err = loop {
            match py.int_from_str("1267650600228229401496703205376") {
                Ok(v) => kept.push(v),
                Err(e) => break e,
            }
        };
        assert_eq!(err.to_string(), "MemoryError");
        // 2**100 takes 24 + 4 x 4 = 40 bytes: 48-byte blocks, 340 to a pool; the limit allows one
        // arena of 63 pools (64 when mmap happens to return a pool-aligned base).
        assert!(
            [63 * 340, 64 * 340].contains(&kept.len()),
            "{} ints fit",
            kept.len()
        );
        assert_eq!(py.malloc_stats().class(2).blocks_in_use, kept.len());
    });
}

#[test]
fn numbers_have_cpythons_read_only_attributes() {
    // CPython 3.12.1: (5).real, (5).imag, True.real, (2.5).imag, (1+2j).real, (5).denominator,
    // (5).foo, x.real = 3, f.real = 2, None.foo
    Runtime::new().with(|py| {
        let five = py.int(5).unwrap();
        let get = |o: &pyrt::Bound<'_>, name: &str| match o.getattr(name) {
            Ok(v) => v.repr().unwrap(),
            Err(e) => e.to_string(),
        };
        let five = five.into_any();
        assert_eq!(get(&five, "real"), "5");
        assert!(
            five.getattr("real").unwrap().is(&five),
            "int.real of an exact int is itself"
        );
        assert_eq!(get(&five, "imag"), "0");
        assert_eq!(get(&five, "numerator"), "5");
        assert_eq!(get(&five, "denominator"), "1");
        let t = py.bool(true).into_any();
        assert_eq!(
            (
                get(&t, "real"),
                t.getattr("real").unwrap().type_name().to_string()
            ),
            ("1".into(), "int".into())
        );
        let f = py.float(2.5).unwrap().into_any();
        assert_eq!(get(&f, "imag"), "0.0");
        assert!(f.getattr("real").unwrap().is(&f));
        let z = py.complex(1.0, 2.0).unwrap().into_any();
        assert_eq!(
            (get(&z, "real"), get(&z, "imag")),
            ("1.0".into(), "2.0".into())
        );
        assert_eq!(
            get(&five, "foo"),
            "AttributeError: 'int' object has no attribute 'foo'"
        );
        assert_eq!(
            get(&py.none().into_any(), "foo"),
            "AttributeError: 'NoneType' object has no attribute 'foo'"
        );
        assert_eq!(
            get(&py.str("a").unwrap().into_any(), "foo"),
            "AttributeError: 'str' object has no attribute 'foo'"
        );
        let three = py.int(3).unwrap();
        assert_eq!(
            five.setattr("real", &three).unwrap_err().to_string(),
            "AttributeError: attribute 'real' of 'int' objects is not writable"
        );
        assert_eq!(
            five.setattr("foo", &three).unwrap_err().to_string(),
            "AttributeError: 'int' object has no attribute 'foo'"
        );
        assert_eq!(
            f.setattr("real", &three).unwrap_err().to_string(),
            "AttributeError: attribute 'real' of 'float' objects is not writable"
        );
    });
}

#[test]
fn no_block_outlives_a_workload_but_interned_strings() {
    Runtime::new().with(|py| {
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            0,
            "the singletons live outside pymalloc"
        );
        {
            let mut keep = Vec::new();
            for i in 0..2_000i64 {
                let big = py.int(i).unwrap().pow(&py.int(40).unwrap()).unwrap();
                let f = py.float((i + 1) as f64 / 7.0).unwrap();
                let z = py.complex(i as f64, -1.0).unwrap().mul(&f).unwrap();
                let s = py
                    .str(&format!("text {i} \u{e9}\u{20ac}\u{1f600}"))
                    .unwrap();
                let b = py.bytes(format!("bytes {i}").as_bytes()).unwrap();
                let t = py
                    .tuple([
                        big.clone(),
                        f.clone().into_any(),
                        z,
                        s.clone().into_any(),
                        b.into_any(),
                    ])
                    .unwrap();
                let _ = big.truediv(&f).unwrap().add(&py.int(1).unwrap()).unwrap();
                if i % 100 == 0 {
                    keep.push(t);
                    keep.push(
                        py.tuple([py.str_constant(&format!("name_{i}")).unwrap()])
                            .unwrap(),
                    );
                }
            }
            assert!(py.malloc_stats().allocated_blocks() > 100);
        }
        py.clear_freelists();
        let stats = py.malloc_stats();
        assert_eq!(
            stats.allocated_blocks(),
            py.interned_count(),
            "only the interned strings remain"
        );
        assert_eq!(py.interned_count(), 20);
    });
}

/// `(None,)` nested `n` more times, as `nest(n)` in the comments' CPython snippets.
fn nest<'py>(py: pyrt::Python<'py>, n: usize) -> pyrt::Bound<'py> {
    let mut x = py.tuple([py.none().into_any()]).unwrap().into_any();
    for _ in 0..n {
        x = py.tuple([x]).unwrap().into_any();
    }
    x
}

#[test]
fn deep_nesting_raises_recursion_error_where_cpython_does_and_hashes_at_any_depth() {
    // CPython 3.12.1 (PYTHONHASHSEED=0): hash(nest(100000)), hash(nest(3)),
    // hash(((1,2),(3,(4,'a')))), repr(nest(3)); repr and == of nest(5000) raise RecursionError.
    Runtime::new().with(|py| {
        assert_eq!(nest(py, 3).repr().unwrap(), "((((None,),),),)");
        assert_eq!(nest(py, 3).hash().unwrap(), -1_519_965_368_106_269_792);
        assert_eq!(nest(py, 100_000).hash().unwrap(), 8_128_474_728_691_635_312);
        let n = |v: i64| py.int(v).unwrap().into_any();
        let mixed = py
            .tuple([
                py.tuple([n(1), n(2)]).unwrap().into_any(),
                py.tuple([
                    n(3),
                    py.tuple([n(4), py.str("a").unwrap().into_any()])
                        .unwrap()
                        .into_any(),
                ])
                .unwrap()
                .into_any(),
            ])
            .unwrap();
        assert_eq!(mixed.hash().unwrap(), -1_360_607_559_221_963_460);
        assert!(nest(py, 1400).repr().is_ok());
        let deep = nest(py, 5000);
        assert_eq!(
            deep.repr().unwrap_err().to_string(),
            "RecursionError: maximum recursion depth exceeded while getting the repr of an object"
        );
        assert_eq!(
            deep.rich_compare_bool(&nest(py, 5000), CompareOp::Eq)
                .unwrap_err()
                .to_string(),
            "RecursionError: maximum recursion depth exceeded in comparison"
        );
        assert!(
            nest(py, 1400)
                .rich_compare_bool(&nest(py, 1400), CompareOp::Eq)
                .unwrap()
        );
        // The depth counter unwound after each error: shallow work still succeeds.
        assert_eq!(nest(py, 2).repr().unwrap(), "(((None,),),)");
    });
}

#[test]
fn the_recursion_limit_not_the_thread_stack_decides_when_repr_stops() {
    // 1,500 nested reprs and comparisons on a 64 KiB thread: each level grows the stack when it
    // runs low, so the outcome is CPython's RecursionError, never a stack overflow.
    let worker = std::thread::Builder::new().stack_size(64 << 10).spawn(|| {
        Runtime::new().with(|py| {
            let deep = nest(py, 5000);
            assert!(deep.repr().is_err() && deep.str().is_err());
            // Two distinct deep tuples: comparing a tuple with itself takes the identity
            // shortcut at every level and never recurses, in CPython too.
            assert!(
                deep.rich_compare_bool(&nest(py, 5000), CompareOp::Lt)
                    .is_err()
            );
            assert!(nest(py, 1400).repr().unwrap().starts_with("(((((("));
        })
    });
    worker.unwrap().join().expect("no stack overflow");
}
