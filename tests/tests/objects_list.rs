//! `list` against CPython 3.12.1: the oracle's list scenarios (`../shared/cpython/oracle/`
//! 041–055) replayed through the API with the sizes CPython printed, the errors, `[...]` for
//! self-reference, the free list, and a model test of random operation programs.

use proptest::prelude::*;
use pyrt::{Bound, PyList, Python, Runtime};

fn none_list<'py>(py: Python<'py>) -> Bound<'py, PyList> {
    py.list(Vec::<Bound<'py>>::new()).unwrap()
}

fn range<'py>(py: Python<'py>, n: i64) -> Bound<'py, PyList> {
    py.list_from_iter((0..n).map(|i| py.int(i).unwrap()), Some(n as usize))
        .unwrap()
}

#[test]
fn append_growth_matches_oracle_041() {
    // Oracle 041: (len, getsizeof) each time the size changes while appending 1000 Nones.
    let expected = [
        (0, 56),
        (1, 88),
        (5, 120),
        (9, 184),
        (17, 248),
        (25, 312),
        (33, 376),
        (41, 472),
        (53, 568),
        (65, 664),
        (77, 792),
        (93, 920),
        (109, 1080),
        (129, 1240),
        (149, 1432),
        (173, 1656),
        (201, 1912),
        (233, 2200),
        (269, 2520),
        (309, 2872),
        (353, 3256),
        (401, 3704),
        (457, 4216),
        (521, 4792),
        (593, 5432),
        (673, 6136),
        (761, 6936),
        (861, 7832),
        (973, 8856),
    ];
    Runtime::new().with(|py| {
        let l = none_list(py);
        let mut seen = vec![(0, l.getsizeof())];
        for _ in 0..1000 {
            l.append(&py.none()).unwrap();
            if l.getsizeof() != seen.last().unwrap().1 {
                seen.push((l.len().unwrap(), l.getsizeof()));
            }
        }
        assert_eq!(seen, expected);
    });
}

#[test]
fn list_of_range_rounds_to_even_like_oracle_042() {
    let expected = [
        (0, 56),
        (1, 72),
        (2, 72),
        (3, 88),
        (4, 88),
        (5, 104),
        (8, 120),
        (9, 136),
        (10, 136),
        (16, 184),
        (17, 200),
        (20, 216),
        (50, 456),
        (100, 856),
    ];
    Runtime::new().with(|py| {
        for (n, size) in expected {
            assert_eq!(range(py, n).getsizeof(), size, "list(range({n}))");
        }
    });
}

#[test]
fn repetition_is_exact_like_oracle_043() {
    Runtime::new().with(|py| {
        for (n, size) in [(0, 56), (1, 64), (2, 72), (5, 96), (10, 136), (100, 856)] {
            let zero = py.list([py.int(0).unwrap()]).unwrap();
            assert_eq!(
                zero.mul(&py.int(n).unwrap()).unwrap().getsizeof(),
                size,
                "[0] * {n}"
            );
            let none = py.list([py.none()]).unwrap();
            assert_eq!(
                py.int(n).unwrap().mul(&none).unwrap().getsizeof(),
                size,
                "{n} * [None]"
            );
        }
        let pair = py.list([py.int(1).unwrap(), py.int(2).unwrap()]).unwrap();
        assert_eq!(pair.mul(&py.int(3).unwrap()).unwrap().getsizeof(), 104);
    });
}

#[test]
fn popping_shrinks_like_oracle_045_and_054() {
    Runtime::new().with(|py| {
        let l = range(py, 20);
        let mut sizes = vec![(20, l.getsizeof())];
        while l.len().unwrap() > 0 {
            l.pop(None).unwrap();
            sizes.push((l.len().unwrap(), l.getsizeof()));
        }
        let expected: Vec<(usize, usize)> = [
            216, 216, 216, 216, 216, 216, 216, 216, 216, 216, 216, 184, 184, 152, 152, 120, 120,
            120, 120, 88, 56,
        ]
        .iter()
        .enumerate()
        .map(|(i, &s)| (20 - i, s))
        .collect();
        assert_eq!(sizes, expected);

        let l = none_list(py);
        for i in 0..40 {
            l.append(&py.int(i).unwrap()).unwrap();
        }
        assert_eq!(l.getsizeof(), 376);
        for _ in 0..35 {
            l.pop(None).unwrap();
        }
        assert_eq!((l.len().unwrap(), l.getsizeof()), (5, 120));
        let regrow: Vec<usize> = (0..10)
            .map(|i| {
                l.append(&py.int(i).unwrap()).unwrap();
                l.getsizeof()
            })
            .collect();
        assert_eq!(regrow, [120, 120, 120, 184, 184, 184, 184, 184, 184, 184]);
    });
}

#[test]
fn clear_extend_copy_concat_like_oracle_046_047_049_051() {
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        // 046
        let l = py.list([n(1), n(2), n(3)]).unwrap();
        for i in 0..20 {
            l.append(&n(i)).unwrap();
        }
        assert_eq!(l.getsizeof(), 248);
        l.clear();
        assert_eq!((l.len().unwrap(), l.getsizeof()), (0, 56));
        l.append(&n(1)).unwrap();
        assert_eq!((l.len().unwrap(), l.getsizeof()), (1, 88));
        // 047
        let a = none_list(py);
        a.extend(&py.list([n(1), n(2), n(3)]).unwrap()).unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (3, 88));
        a.extend(&py.list([n(4)]).unwrap()).unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (4, 88));
        a.extend_from_iter((0..10).map(n), Some(10)).unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (14, 184));
        a.extend(&none_list(py)).unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (14, 184));
        let b = none_list(py);
        b.extend_from_iter((0..100).map(n), Some(100)).unwrap();
        assert_eq!((b.len().unwrap(), b.getsizeof()), (100, 856));
        // 049
        let a = none_list(py);
        for i in 0..5 {
            a.append(&n(i)).unwrap();
        }
        assert_eq!(a.getsizeof(), 120);
        assert_eq!(a.add(&a).unwrap().getsizeof(), 136);
        assert_eq!(a.copy().unwrap().getsizeof(), 96);
        let rebuilt = none_list(py);
        rebuilt.extend(&a).unwrap();
        assert_eq!(rebuilt.getsizeof(), 104, "list(a)");
        assert_eq!(a.mul(&n(2)).unwrap().getsizeof(), 136);
        // 051
        let a = py.list([n(1)]).unwrap();
        assert_eq!(a.getsizeof(), 64);
        a.extend(&py.list([n(2), n(3)]).unwrap()).unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (3, 120));
        a.extend(&py.list([n(4), n(5), n(6), n(7), n(8)]).unwrap())
            .unwrap();
        assert_eq!((a.len().unwrap(), a.getsizeof()), (8, 120));
    });
}

#[test]
fn remove_del_and_pop_index_like_oracle_050_055_and_facts() {
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        // 050
        let l = range(py, 16);
        l.append(&n(16)).unwrap();
        let mut sizes = vec![(l.len().unwrap(), l.getsizeof())];
        for i in 0..10 {
            l.remove(&n(i)).unwrap();
            sizes.push((l.len().unwrap(), l.getsizeof()));
        }
        l.del_item(0).unwrap();
        sizes.push((l.len().unwrap(), l.getsizeof()));
        assert_eq!(
            sizes,
            [
                (17, 248),
                (16, 248),
                (15, 248),
                (14, 248),
                (13, 248),
                (12, 248),
                (11, 184),
                (10, 184),
                (9, 184),
                (8, 184),
                (7, 152),
                (6, 152)
            ]
        );
        // 055
        // A literal of 3 or more constants compiles to BUILD_LIST 0 + LIST_EXTEND of a constant
        // tuple: an exact preallocation rounded to even (10), not PyList_New(9).
        let l = none_list(py);
        l.extend(
            &py.tuple([10, 20, 30, 40, 50, 60, 70, 80, 90].map(n))
                .unwrap(),
        )
        .unwrap();
        l.append(&n(100)).unwrap();
        let (a, b) = (l.pop(Some(0)).unwrap(), l.pop(Some(3)).unwrap());
        assert_eq!(
            (
                a.repr().unwrap(),
                b.repr().unwrap(),
                l.len().unwrap(),
                l.getsizeof()
            ),
            ("10".into(), "50".into(), 8, 136)
        );
        assert_eq!(l.repr().unwrap(), "[20, 30, 40, 60, 70, 80, 90, 100]");
        // FACTS.md 3.7: list(range(100)) then del l[60:], [49:], [20:], [5:], [:]
        let l = range(py, 100);
        let sizes: Vec<usize> = [60, 49, 20, 5, 0]
            .iter()
            .map(|&cut| {
                l.del_slice(cut, isize::MAX).unwrap();
                l.getsizeof()
            })
            .collect();
        assert_eq!(sizes, [856, 536, 280, 120, 56]);
    });
}

#[test]
fn list_of_a_generator_preallocates_8_then_trims() {
    // CPython 3.12.1: [sys.getsizeof(list(g(n))) for n in (0, 1, 2, 8, 9, 16, 20)]
    Runtime::new().with(|py| {
        let sizes: Vec<usize> = [0, 1, 2, 8, 9, 16, 20]
            .iter()
            .map(|&k| {
                py.list_from_iter((0..k).map(|i| py.int(i).unwrap()), None)
                    .unwrap()
                    .getsizeof()
            })
            .collect();
        assert_eq!(sizes, [56, 88, 120, 120, 184, 184, 248]);
    });
}

#[test]
fn errors_and_self_reference_match_cpython() {
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        let l = py.list([n(1), n(2), n(3)]).unwrap();
        let err = |e: pyrt::PyErr| e.to_string();
        assert_eq!(
            err(l.get_item(5).unwrap_err()),
            "IndexError: list index out of range"
        );
        assert_eq!(
            err(l.get_item(-4).unwrap_err()),
            "IndexError: list index out of range"
        );
        assert_eq!(l.get_item(-1).unwrap().repr().unwrap(), "3");
        assert_eq!(
            err(l.pop(Some(7)).unwrap_err()),
            "IndexError: pop index out of range"
        );
        assert_eq!(
            err(none_list(py).pop(None).unwrap_err()),
            "IndexError: pop from empty list"
        );
        assert_eq!(
            err(l.set_item(5, &n(1)).unwrap_err()),
            "IndexError: list assignment index out of range"
        );
        assert_eq!(
            err(l.del_item(5).unwrap_err()),
            "IndexError: list assignment index out of range"
        );
        assert_eq!(
            err(l.remove(&n(9)).unwrap_err()),
            "ValueError: list.remove(x): x not in list"
        );
        let t = py.tuple([n(2)]).unwrap();
        assert_eq!(
            err(l.add(&t).unwrap_err()),
            "TypeError: can only concatenate list (not \"tuple\") to list"
        );
        assert_eq!(
            err(l.mul(&py.float(2.0).unwrap()).unwrap_err()),
            "TypeError: can't multiply sequence by non-int of type 'float'"
        );
        assert_eq!(
            err(l.hash().unwrap_err()),
            "TypeError: unhashable type: 'list'"
        );
        // x = []; x.append(x); repr(x), repr([x, (x,)])
        let x = none_list(py);
        x.append(&x).unwrap();
        assert_eq!(x.repr().unwrap(), "[[...]]");
        let both = py
            .list([
                x.clone().into_any(),
                py.tuple([x.clone()]).unwrap().into_any(),
            ])
            .unwrap();
        assert_eq!(both.repr().unwrap(), "[[[...]], ([[...]],)]");
        x.clear(); // break the cycle: there is no collector yet
        assert!(
            l.rich_compare_bool(&py.list([n(1), n(2), n(4)]).unwrap(), pyrt::CompareOp::Lt)
                .unwrap()
        );
        assert!(
            !l.rich_compare_bool(&py.list([n(1), n(2)]).unwrap(), pyrt::CompareOp::Eq)
                .unwrap()
        );
    });
}

#[test]
fn dead_lists_reuse_a_free_list_of_80_headers() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let lists: Vec<_> = (0..100).map(|_| none_list(py)).collect();
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 100);
        drop(lists);
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 80,
            "80 headers kept, 20 freed"
        );
        py.clear_freelists();
        assert_eq!(py.malloc_stats().allocated_blocks(), before);
    });
}

#[derive(Debug, Clone)]
enum Op {
    Append(i64),
    Insert(isize, i64),
    Pop(Option<isize>),
    DelSlice(isize, isize),
    Extend(Vec<i64>),
    ExtendIter(Vec<i64>, Option<usize>),
    Clear,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (-5i64..1000).prop_map(Op::Append),
        2 => (-30isize..30, 0i64..9).prop_map(|(i, v)| Op::Insert(i, v)),
        4 => prop::option::of(-30isize..30).prop_map(Op::Pop),
        1 => (-40isize..40, -40isize..40).prop_map(|(a, b)| Op::DelSlice(a, b)),
        1 => prop::collection::vec(0i64..300, 0..20).prop_map(Op::Extend),
        1 => (prop::collection::vec(0i64..300, 0..30), prop::option::of(0usize..40)).prop_map(|(v, h)| Op::ExtendIter(v, h)),
        1 => Just(Op::Clear),
    ]
}

/// CPython's `list_resize` applied to a model capacity.
fn resize(capacity: &mut usize, len: usize, newsize: usize) {
    if *capacity >= newsize && newsize >= *capacity >> 1 {
        return;
    }
    let mut new = (newsize + (newsize >> 3) + 6) & !3;
    if newsize.saturating_sub(len) > new - newsize {
        new = (newsize + 3) & !3;
    }
    *capacity = if newsize == 0 { 0 } else { new };
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(256)))]

    #[test]
    fn random_list_programs_match_a_vec_and_the_growth_rule(ops in prop::collection::vec(op(), 1..80)) {
        Runtime::new().with(|py| {
            let l = none_list(py);
            let (mut model, mut cap): (Vec<i64>, usize) = (Vec::new(), 0);
            for op in &ops {
                let len = model.len();
                let clamp = |i: isize| if i < 0 { (i + len as isize).max(0) as usize } else { (i as usize).min(len) };
                match op {
                    Op::Append(v) => { l.append(&py.int(*v).unwrap()).unwrap(); resize(&mut cap, len, len + 1); model.push(*v); }
                    Op::Insert(i, v) => { l.insert(*i, &py.int(*v).unwrap()).unwrap(); resize(&mut cap, len, len + 1); model.insert(clamp(*i), *v); }
                    Op::Pop(i) => {
                        let idx = i.unwrap_or(-1);
                        let k = if idx < 0 { idx + len as isize } else { idx };
                        let got = l.pop(*i);
                        if len == 0 || !(0..len as isize).contains(&k) { prop_assert!(got.is_err()); continue; }
                        prop_assert_eq!(got.unwrap().extract::<i64>().unwrap(), model.remove(k as usize));
                        if len == 1 { cap = 0 } else { resize(&mut cap, len, len - 1) }
                    }
                    Op::DelSlice(a, b) => {
                        l.del_slice(*a, *b).unwrap();
                        let (lo, hi) = (clamp(*a), clamp(*b).max(clamp(*a)));
                        if hi - lo == len && len > 0 { cap = 0 } else if hi > lo { resize(&mut cap, len, len - (hi - lo)) }
                        model.drain(lo..hi);
                    }
                    Op::Extend(vs) => {
                        l.extend(&py.list(vs.iter().map(|&v| py.int(v).unwrap())).unwrap()).unwrap();
                        if !vs.is_empty() { if cap == 0 && len == 0 { cap = (vs.len() + 1) & !1 } else { resize(&mut cap, len, len + vs.len()) } }
                        model.extend(vs);
                    }
                    Op::ExtendIter(vs, hint) => {
                        l.extend_from_iter(vs.iter().map(|&v| py.int(v).unwrap()), *hint).unwrap();
                        let h = hint.unwrap_or(8);
                        if cap == 0 && len == 0 { if h > 0 { cap = (h + 1) & !1 } } else { resize(&mut cap, len, len + h) }
                        let mut n = len;
                        for _ in vs { if n >= cap { resize(&mut cap, n, n + 1) } n += 1; }
                        if n < cap { resize(&mut cap, n, n) }
                        model.extend(vs);
                    }
                    Op::Clear => { l.clear(); model.clear(); cap = 0; }
                }
                let got: Vec<i64> = (0..model.len() as isize).map(|i| l.get_item(i).unwrap().extract::<i64>().unwrap()).collect();
                prop_assert_eq!(&got, &model);
                prop_assert_eq!(l.capacity(), cap, "capacity after {:?}", op);
                prop_assert_eq!(l.getsizeof(), 56 + 8 * cap);
            }
            Ok(())
        })?;
    }
}
