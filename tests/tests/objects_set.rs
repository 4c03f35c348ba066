//! `set` and `frozenset` against CPython 3.12.1 (`PYTHONHASHSEED=0`): the oracle's set scenarios
//! (077–085, 177) replayed through the API, the one-by-one growth table of FACTS.md §3.10,
//! iteration orders, errors, and a model test of random add/discard/pop programs.

use std::collections::BTreeSet;

use proptest::prelude::*;
use pyrt::{Bound, PySet, Python, Runtime, SetLike};

fn empty<'py>(py: Python<'py>) -> Bound<'py, PySet> {
    py.set(Vec::<Bound<'py>>::new()).unwrap()
}

fn ints<'py>(py: Python<'py>, range: impl Iterator<Item = i64>) -> Vec<Bound<'py, pyrt::PyInt>> {
    range.map(|i| py.int(i).unwrap()).collect()
}

fn order<T: SetLike>(s: &Bound<'_, T>) -> Vec<String> {
    s.elements().iter().map(|e| e.repr().unwrap()).collect()
}

#[test]
fn growth_matches_facts_and_oracle_078() {
    // FACTS.md 3.10: one-by-one add, sizes by count
    Runtime::new().with(|py| {
        let s = empty(py);
        let mut sizes = vec![(0, s.getsizeof())];
        for i in 0..5000 {
            s.insert(&py.int(i).unwrap()).unwrap();
            if s.getsizeof() != sizes.last().unwrap().1 {
                sizes.push((s.len().unwrap(), s.getsizeof()));
            }
        }
        assert_eq!(
            sizes,
            [
                (0, 216),
                (5, 728),
                (19, 2264),
                (77, 8408),
                (307, 32984),
                (1229, 131288),
                (4915, 524504),
            ]
        );
    });
}

#[test]
fn literals_and_constructors_match_oracle_077_081_082_085_177() {
    Runtime::new().with(|py| {
        // 077: literals of 3 or more constants merge a constant frozenset into an empty set.
        let literal = |n: i64| {
            let s = empty(py);
            if n < 3 {
                ints(py, 1..=n).iter().for_each(|i| s.insert(i).unwrap());
            } else {
                s.update(&py.frozenset(ints(py, 1..=n)).unwrap()).unwrap();
            }
            s.getsizeof()
        };
        assert_eq!(
            [0, 1, 3, 4, 5, 10].map(literal),
            [216, 216, 216, 216, 472, 728]
        );
        // 081: set(range(n)), set(a_set), set([1, 2, 3, 1, 2, 3])
        let sizes = [0, 4, 5, 10, 19, 20, 50].map(|n| py.set(ints(py, 0..n)).unwrap().getsizeof());
        assert_eq!(sizes, [216, 216, 728, 728, 2264, 2264, 2264]);
        let src = py.set(ints(py, 0..30)).unwrap();
        assert_eq!(
            src.copy().unwrap().getsizeof(),
            1240,
            "a merge presizes to 2 x 30: 64 slots"
        );
        assert_eq!(
            py.set(ints(py, [1, 2, 3, 1, 2, 3].into_iter()))
                .unwrap()
                .getsizeof(),
            216
        );
        // 082: frozenset sizes
        let f = |n: i64| py.frozenset(ints(py, 0..n)).unwrap().getsizeof();
        assert_eq!([0, 1, 10, 100].map(f), [216, 216, 728, 8408]);
        // 085: copy and pop
        let s = py.set(ints(py, 0..30)).unwrap();
        let t = s.copy().unwrap();
        assert_eq!((s.getsizeof(), t.getsizeof()), (2264, 1240));
        let x = t.pop().unwrap();
        assert_eq!(
            (x.repr().unwrap(), t.len().unwrap(), t.getsizeof()),
            ("0".into(), 29, 1240)
        );
        // 177: a set equals a frozenset with the same elements, and they have the same size
        let a = py.set(ints(py, 1..=3)).unwrap();
        let b = py.frozenset(ints(py, [3, 2, 1].into_iter())).unwrap();
        assert!(a.rich_compare_bool(&b, pyrt::CompareOp::Eq).unwrap());
        assert_eq!(a.getsizeof(), b.getsizeof());
    });
}

#[test]
fn removal_never_shrinks_and_clear_returns_to_216_like_oracle_083() {
    Runtime::new().with(|py| {
        let s = py.set(ints(py, 0..50)).unwrap();
        assert_eq!(s.getsizeof(), 2264);
        for i in 0..45 {
            s.remove(&py.int(i).unwrap()).unwrap();
        }
        assert_eq!((s.len().unwrap(), s.getsizeof()), (5, 2264));
        assert!(!s.discard(&py.int(1000).unwrap()).unwrap());
        s.clear();
        assert_eq!((s.len().unwrap(), s.getsizeof()), (0, 216));
    });
}

#[test]
fn iteration_orders_match_cpython() {
    // PYTHONHASHSEED=0 CPython 3.12.1: list(set(range(20, 0, -3))), list(set([-1, -2, 7, 15, 23, 8]))
    Runtime::new().with(|py| {
        let a = py.set(ints(py, (1..=20).rev().step_by(3))).unwrap();
        assert_eq!(order(&a), ["2", "5", "8", "11", "14", "17", "20"]);
        let b = py
            .set(ints(py, [-1, -2, 7, 15, 23, 8].into_iter()))
            .unwrap();
        assert_eq!(order(&b), ["7", "8", "15", "-2", "23", "-1"]);
        assert_eq!(b.repr().unwrap(), "{7, 8, 15, -2, 23, -1}");
    });
}

#[test]
fn errors_and_reprs_match_cpython() {
    Runtime::new().with(|py| {
        let s = empty(py);
        assert_eq!(s.repr().unwrap(), "set()");
        assert_eq!(
            py.frozenset(Vec::<Bound<'_>>::new())
                .unwrap()
                .repr()
                .unwrap(),
            "frozenset()"
        );
        assert_eq!(
            py.frozenset(ints(py, 1..=2)).unwrap().repr().unwrap(),
            "frozenset({1, 2})"
        );
        assert_eq!(
            s.pop().unwrap_err().to_string(),
            "KeyError: 'pop from an empty set'"
        );
        assert_eq!(
            s.remove(&py.str("x").unwrap()).unwrap_err().to_string(),
            "KeyError: 'x'"
        );
        let unhashable = py.list([py.int(1).unwrap()]).unwrap();
        assert_eq!(
            s.insert(&unhashable).unwrap_err().to_string(),
            "TypeError: unhashable type: 'list'"
        );
        assert_eq!(
            s.hash().unwrap_err().to_string(),
            "TypeError: unhashable type: 'set'"
        );
        assert!(
            !py.frozenset(Vec::<Bound<'_>>::new())
                .unwrap()
                .is(&py.frozenset(Vec::<Bound<'_>>::new()).unwrap()),
            "no empty frozenset singleton"
        );
        let (small, big) = (
            py.set(ints(py, 1..=2)).unwrap(),
            py.set(ints(py, 1..=3)).unwrap(),
        );
        assert!(small.rich_compare_bool(&big, pyrt::CompareOp::Lt).unwrap());
        assert!(!big.rich_compare_bool(&small, pyrt::CompareOp::Le).unwrap());
        // frozenset hashes are order-independent: frozenset({1, 2, 3}) either way round.
        let f1 = py.frozenset(ints(py, 1..=3)).unwrap().hash().unwrap();
        let f2 = py
            .frozenset(ints(py, [3, 1, 2].into_iter()))
            .unwrap()
            .hash()
            .unwrap();
        assert_eq!(f1, f2);
    });
}

#[derive(Debug, Clone)]
enum Op {
    Add(i64),
    Discard(i64),
    Pop,
    Clear,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(256)))]

    #[test]
    fn random_set_programs_match_a_model(ops in prop::collection::vec(prop_oneof![
        6 => (-50i64..200).prop_map(Op::Add),
        3 => (-50i64..200).prop_map(Op::Discard),
        1 => Just(Op::Pop),
        1 => Just(Op::Clear),
    ], 1..200)) {
        Runtime::new().with(|py| {
            let s = empty(py);
            let mut model = BTreeSet::new();
            for op in &ops {
                match *op {
                    Op::Add(v) => { s.insert(&py.int(v).unwrap()).unwrap(); model.insert(v); }
                    Op::Discard(v) => { prop_assert_eq!(s.discard(&py.int(v).unwrap()).unwrap(), model.remove(&v)); }
                    Op::Pop => match s.pop() {
                        Ok(x) => { prop_assert!(model.remove(&x.extract::<i64>().unwrap())); }
                        Err(_) => prop_assert!(model.is_empty()),
                    },
                    Op::Clear => { s.clear(); model.clear(); }
                }
                let got: BTreeSet<i64> = s.elements().iter().map(|e| e.extract::<i64>().unwrap()).collect();
                prop_assert_eq!(&got, &model);
                prop_assert_eq!(s.len().unwrap(), model.len());
                for v in &model {
                    prop_assert!(s.contains(&py.int(*v).unwrap()).unwrap());
                }
                let size = s.getsizeof();
                prop_assert!(size == 216 || (size - 216).is_power_of_two() && size - 216 >= 256, "size {}", size);
            }
            Ok(())
        })?;
    }
}

#[test]
fn set_operations_size_like_oracle_086() {
    // Oracle 086: a = {1, 2, 3, 4}; b = {3, 4, 5, 6}; union, intersection, difference and their
    // sizes; big = set(range(40)): big.union(a), big.intersection(a)
    Runtime::new().with(|py| {
        let literal = |r: std::ops::RangeInclusive<i64>| {
            let s = empty(py);
            s.update(&py.frozenset(ints(py, r)).unwrap()).unwrap();
            s
        };
        let (a, b) = (literal(1..=4), literal(3..=6));
        let (u, i, d) = (
            a.union(&b).unwrap(),
            a.intersection(&b).unwrap(),
            a.difference(&b).unwrap(),
        );
        assert_eq!(
            (u.repr().unwrap(), i.repr().unwrap(), d.repr().unwrap()),
            (
                "{1, 2, 3, 4, 5, 6}".into(),
                "{3, 4}".into(),
                "{1, 2}".into()
            )
        );
        assert_eq!(
            (u.getsizeof(), i.getsizeof(), d.getsizeof()),
            (728, 216, 216)
        );
        let big = py.set(ints(py, 0..40)).unwrap();
        assert_eq!(
            (
                big.union(&a).unwrap().getsizeof(),
                big.intersection(&a).unwrap().getsizeof()
            ),
            (2264, 216)
        );
        // The copy-and-discard path of difference (len(big) / 4 > len(a)).
        let rest = big.difference(&a).unwrap();
        assert_eq!((rest.len().unwrap(), rest.getsizeof()), (36, 2264));
        let f = py.frozenset(ints(py, 1..=3)).unwrap();
        assert_eq!(
            f.union(&a).unwrap().type_name(),
            "frozenset",
            "the result has the left operand's kind"
        );
    });
}

// ---- symmetric difference, in-place updates and subset tests (CPython 3.12.1, PYTHONHASHSEED=0)

#[test]
fn update_from_a_dict_takes_its_keys_as_scripts_do() {
    // CPython 3.12.1:
    //   s = {'z'}; s.update({'a': 1, 'b': 2, 'c': 3}); print(sorted(s), sys.getsizeof(s))
    //   -> ['a', 'b', 'c', 'z'] 216
    //   u = {1, 2}; u.update({i: i for i in range(100)}); print(len(u), sys.getsizeof(u))
    //   -> 100 4312
    // `Bound<PySet>::update` raised `TypeError: 'dict' object is not iterable` before; it
    // now calls the object layer's `set_update_internal`, as `s.update(d)` in a script does.
    Runtime::new().with(|py| {
        let s = py.set([py.str("z").unwrap()]).unwrap();
        let d = py.dict().unwrap();
        for (k, v) in [("a", 1), ("b", 2), ("c", 3)] {
            d.set_item(&py.str(k).unwrap(), &py.int(v).unwrap())
                .unwrap();
        }
        s.update(&d).unwrap();
        let mut keys: Vec<String> = s.elements().iter().map(|e| e.str().unwrap()).collect();
        keys.sort();
        assert_eq!(
            (keys, s.getsizeof()),
            (
                vec!["a", "b", "c", "z"]
                    .into_iter()
                    .map(String::from)
                    .collect(),
                216
            )
        );

        let u = py.set(ints(py, 1..3)).unwrap();
        let big = py.dict().unwrap();
        for i in 0..100 {
            big.set_item(&py.int(i).unwrap(), &py.int(i).unwrap())
                .unwrap();
        }
        u.update(&big).unwrap();
        assert_eq!((u.len().unwrap(), u.getsizeof()), (100, 4312));
        assert_eq!(
            u.update(&py.int(1).unwrap()).unwrap_err().to_string(),
            "TypeError: 'int' object is not iterable"
        );
    });
}
