//! `dict` against CPython 3.12.1: the oracle's dict scenarios (057–075) replayed through the API
//! with the sizes CPython printed, the size table of FACTS.md §3.8 for both key kinds, errors,
//! `{...}` for self-reference, and a model test of random programs (contents and insertion order
//! against a `Vec` of pairs).

use proptest::prelude::*;
use pyrt::{Bound, PyDict, Python, Runtime};

/// Inserts `n` keys one by one, `key(i)` for `i` in `0..n`, as `d[key] = i`.
fn grow<'py>(py: Python<'py>, n: i64, key: impl Fn(i64) -> Bound<'py>) -> Bound<'py, PyDict> {
    let d = py.dict().unwrap();
    for i in 0..n {
        d.set_item(&key(i), &py.int(i).unwrap()).unwrap();
    }
    d
}

#[test]
fn one_by_one_sizes_match_the_table_for_both_key_kinds() {
    // FACTS.md 3.8 (measured on 3.12.1 up to 1400 items): (items, str-key size, int-key size)
    let table = [
        (0, 64, 64),
        (1, 184, 224),
        (5, 184, 224),
        (6, 272, 352),
        (10, 272, 352),
        (11, 464, 632),
        (21, 464, 632),
        (22, 832, 1168),
        (42, 832, 1168),
        (43, 1584, 2264),
        (85, 1584, 2264),
        (86, 3328, 4688),
        (170, 3328, 4688),
        (171, 6576, 9304),
        (341, 6576, 9304),
        (342, 13056, 18512),
        (682, 13056, 18512),
        (683, 26032, 36952),
        (1365, 26032, 36952),
        (1366, 51968, 73808),
    ];
    Runtime::new().with(|py| {
        for (n, str_size, int_size) in table {
            let ds = grow(py, n, |i| py.str(&format!("s{i}")).unwrap().into_any());
            let di = grow(py, n, |i| py.int(i).unwrap().into_any());
            assert_eq!(
                (ds.getsizeof(), di.getsizeof()),
                (str_size, int_size),
                "{n} items"
            );
        }
    });
}

#[test]
fn str_key_growth_matches_oracle_059() {
    Runtime::new().with(|py| {
        let expected: Vec<usize> = std::iter::once(64)
            .chain((1..=100).map(|n| match n {
                1..=5 => 184,
                6..=10 => 272,
                11..=21 => 464,
                22..=42 => 832,
                43..=85 => 1584,
                _ => 3328,
            }))
            .collect();
        let d = py.dict().unwrap();
        let mut sizes = vec![d.getsizeof()];
        for i in 0..100 {
            d.set_item(&py.str(&format!("k{i}")).unwrap(), &py.int(i).unwrap())
                .unwrap();
            sizes.push(d.getsizeof());
        }
        assert_eq!(sizes, expected);
    });
}

#[test]
fn displays_are_presized_like_oracle_057_058() {
    Runtime::new().with(|py| {
        let ints = |n: i64| {
            py.dict_from_pairs((1..=n).map(|i| (py.int(i).unwrap(), py.int(i).unwrap())))
                .unwrap()
        };
        let sizes: Vec<usize> = [1, 2, 5, 6].iter().map(|&n| ints(n).getsizeof()).collect();
        assert_eq!(sizes, [224, 224, 224, 352]);
        let letters = |n: usize| {
            let pairs = "abcdefghijkl".chars().take(n).enumerate().map(|(i, c)| {
                (
                    py.str(&c.to_string()).unwrap(),
                    py.int(i as i64 + 1).unwrap(),
                )
            });
            py.dict_from_pairs(pairs).unwrap()
        };
        assert_eq!(
            (letters(10).len().unwrap(), letters(10).getsizeof()),
            (10, 272)
        );
        assert_eq!(
            (letters(12).len().unwrap(), letters(12).getsizeof()),
            (12, 464)
        );
    });
}

#[test]
fn deleting_never_shrinks_and_clear_returns_to_64_like_oracle_065_to_075() {
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        let s = |t: &str| py.str(t).unwrap();
        // 065: delete everything, then insert again
        let d = grow(py, 20, |i| n(i).into_any());
        assert_eq!((d.len().unwrap(), d.getsizeof()), (20, 632));
        for i in 0..20 {
            d.del_item(&n(i)).unwrap();
        }
        assert_eq!((d.len().unwrap(), d.getsizeof()), (0, 632));
        let sizes: Vec<usize> = (100..112)
            .map(|i| {
                d.set_item(&n(i), &n(i)).unwrap();
                d.getsizeof()
            })
            .collect();
        assert_eq!(
            sizes,
            [632, 352, 352, 352, 352, 352, 352, 352, 352, 352, 632, 632]
        );
        // 066
        let d = py
            .dict_from_pairs(
                ["a", "b", "c", "d", "e"]
                    .into_iter()
                    .enumerate()
                    .map(|(i, k)| (s(k), n(i as i64 + 1))),
            )
            .unwrap();
        assert_eq!(d.getsizeof(), 184);
        d.del_item(&s("a")).unwrap();
        d.del_item(&s("b")).unwrap();
        assert_eq!((d.len().unwrap(), d.getsizeof()), (3, 184));
        d.set_item(&s("z"), &n(26)).unwrap();
        assert_eq!((d.len().unwrap(), d.getsizeof()), (4, 272));
        // 067
        let d = grow(py, 50, |i| n(i).into_any());
        assert_eq!(d.getsizeof(), 2264);
        d.clear();
        assert_eq!((d.len().unwrap(), d.getsizeof()), (0, 64));
        d.set_item(&s("a"), &n(1)).unwrap();
        assert_eq!((d.len().unwrap(), d.getsizeof()), (1, 184));
        d.set_item(&n(1), &n(1)).unwrap();
        assert_eq!(
            (d.len().unwrap(), d.getsizeof()),
            (2, 352),
            "a non-str key converts the table"
        );
        // 074: overwriting keeps one entry
        let d = py.dict().unwrap();
        for i in 0..100 {
            d.set_item(&s("a"), &n(i)).unwrap();
        }
        assert_eq!(
            (
                d.get_item(&s("a")).unwrap().unwrap().repr().unwrap(),
                d.len().unwrap(),
                d.getsizeof()
            ),
            ("99".into(), 1, 184)
        );
        // 075
        let d = py.dict_from_pairs([(s("a"), n(1))]).unwrap();
        d.del_item(&s("a")).unwrap();
        assert_eq!((d.len().unwrap(), d.getsizeof()), (0, 184));
        d.clear();
        assert_eq!(d.getsizeof(), 64);
    });
}

#[test]
fn errors_order_repr_and_equality_match_cpython() {
    Runtime::new().with(|py| {
        let n = |v: i64| py.int(v).unwrap();
        let s = |t: &str| py.str(t).unwrap();
        let d = py.dict().unwrap();
        let key_list = py.list([n(1)]).unwrap();
        assert_eq!(
            d.set_item(&key_list, &n(1)).unwrap_err().to_string(),
            "TypeError: unhashable type: 'list'"
        );
        assert_eq!(
            d.del_item(&s("x")).unwrap_err().to_string(),
            "KeyError: 'x'"
        );
        assert_eq!(d.del_item(&n(3)).unwrap_err().to_string(), "KeyError: 3");
        for k in ["b", "a", "c"] {
            d.set_item(&s(k), &n(k.len() as i64)).unwrap();
        }
        d.del_item(&s("a")).unwrap();
        d.set_item(&s("a"), &n(2)).unwrap();
        assert_eq!(
            d.repr().unwrap(),
            "{'b': 1, 'c': 1, 'a': 2}",
            "insertion order, re-inserted last"
        );
        // 1, 1.0 and True are the same key
        let m = py.dict().unwrap();
        m.set_item(&n(1), &s("int")).unwrap();
        m.set_item(&py.float(1.0).unwrap(), &s("float")).unwrap();
        m.set_item(&py.bool(true), &s("bool")).unwrap();
        assert_eq!(m.repr().unwrap(), "{1: 'bool'}");
        // d = {}; d['self'] = d
        let selfish = py.dict().unwrap();
        selfish.set_item(&s("self"), &selfish).unwrap();
        assert_eq!(selfish.repr().unwrap(), "{'self': {...}}");
        selfish.clear();
        let other = py
            .dict_from_pairs([(s("a"), n(2)), (s("c"), n(1)), (s("b"), n(1))])
            .unwrap();
        assert!(
            d.rich_compare_bool(&other, pyrt::CompareOp::Eq).unwrap(),
            "equality ignores order"
        );
        assert_eq!(
            d.hash().unwrap_err().to_string(),
            "TypeError: unhashable type: 'dict'"
        );
    });
}

#[test]
fn dicts_and_small_str_tables_reuse_free_lists() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let dicts: Vec<_> = (0..100)
            .map(|i| {
                let d = py.dict().unwrap();
                d.set_item(&py.str_constant("key").unwrap(), &py.int(i).unwrap())
                    .unwrap();
                d
            })
            .collect();
        // Each dict: its header and an 8-slot str table (the key is one interned string).
        assert_eq!(py.malloc_stats().allocated_blocks(), before + 1 + 200);
        drop(dicts);
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 1 + 160,
            "80 headers and 80 tables kept"
        );
        py.clear_freelists();
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before + 1,
            "only the interned key remains"
        );
    });
}

#[derive(Debug, Clone)]
enum Op {
    Set(u8, i64),
    Del(u8),
    Clear,
}

/// CPython's growth rules for a dict edited one key at a time (FACTS.md §3.8): the first key
/// gets 8 slots; a new key when no usable entry is left rebuilds the table at
/// `calculate_log2_keysize(3 × used)`; deletions never shrink; `clear()` empties.
#[derive(Default)]
struct TableModel {
    log2: Option<u32>,
    usable: usize,
    used: usize,
}

impl TableModel {
    fn usable_fraction(slots: usize) -> usize {
        2 * slots / 3
    }

    fn insert_new(&mut self) {
        match self.log2 {
            None => (self.log2, self.usable) = (Some(3), 5),
            Some(_) if self.usable == 0 => {
                let v = (((3 * self.used) | 8) - 1) | 7;
                let k = usize::BITS - v.leading_zeros();
                self.log2 = Some(k);
                self.usable = Self::usable_fraction(1 << k) - self.used;
            }
            Some(_) => {}
        }
        self.usable -= 1;
        self.used += 1;
    }

    fn getsizeof(&self, str_keys: bool) -> usize {
        let Some(k) = self.log2 else { return 64 };
        let width = match k {
            0..8 => 1,
            8..16 => 2,
            _ => 4,
        };
        let entry = if str_keys { 16 } else { 24 };
        64 + 32 + (1 << k) * width + Self::usable_fraction(1 << k) * entry
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(256)))]

    #[test]
    fn random_dict_programs_match_an_insertion_ordered_model_and_the_growth_rules(
        ops in prop::collection::vec(prop_oneof![
            6 => (0u8..40, -3i64..1000).prop_map(|(k, v)| Op::Set(k, v)),
            3 => (0u8..40).prop_map(Op::Del),
            1 => Just(Op::Clear),
        ], 1..150),
        str_keys in any::<bool>(),
    ) {
        Runtime::new().with(|py| {
            let key = |k: u8| if str_keys { py.str(&format!("key{k}")).unwrap().into_any() } else { py.int(i64::from(k) * 7 - 50).unwrap().into_any() };
            let d = py.dict().unwrap();
            let mut model: Vec<(u8, i64)> = Vec::new();
            let mut table = TableModel::default();
            for op in &ops {
                match *op {
                    Op::Set(k, v) => {
                        d.set_item(&key(k), &py.int(v).unwrap()).unwrap();
                        match model.iter_mut().find(|(mk, _)| *mk == k) {
                            Some(e) => e.1 = v,
                            None => {
                                model.push((k, v));
                                table.insert_new();
                            }
                        }
                    }
                    Op::Del(k) => {
                        let present = model.iter().position(|(mk, _)| *mk == k);
                        prop_assert_eq!(d.del_item(&key(k)).is_ok(), present.is_some());
                        if let Some(i) = present {
                            model.remove(i);
                            table.used -= 1;
                        }
                    }
                    Op::Clear => {
                        d.clear();
                        model.clear();
                        table = TableModel::default();
                    }
                }
                prop_assert_eq!(d.getsizeof(), table.getsizeof(str_keys), "size after {:?}", op);
                let got: Vec<(String, i64)> = d.items().iter().map(|(k, v)| (k.repr().unwrap(), v.extract::<i64>().unwrap())).collect();
                let want: Vec<(String, i64)> = model.iter().map(|&(k, v)| (key(k).repr().unwrap(), v)).collect();
                prop_assert_eq!(got, want);
                for &(k, v) in &model {
                    prop_assert_eq!(d.get_item(&key(k)).unwrap().unwrap().extract::<i64>().unwrap(), v);
                }
                prop_assert_eq!(d.len().unwrap(), model.len());
            }
            Ok(())
        })?;
    }
}

#[test]
fn copies_and_merges_size_like_oracle_070() {
    // Oracle 070: 40 int keys; d.copy(); delete 35; d.copy(); dict(d)
    Runtime::new().with(|py| {
        let d = grow(py, 40, |i| py.int(i).unwrap().into_any());
        assert_eq!((d.getsizeof(), d.copy().unwrap().getsizeof()), (1168, 1168));
        for i in 0..35 {
            d.del_item(&py.int(i).unwrap()).unwrap();
        }
        assert_eq!(
            (
                d.len().unwrap(),
                d.getsizeof(),
                d.copy().unwrap().getsizeof()
            ),
            (5, 1168, 224)
        );
        let rebuilt = py.dict().unwrap();
        rebuilt.update(&d).unwrap();
        assert_eq!(rebuilt.getsizeof(), 224, "dict(d)");
        assert_eq!(
            rebuilt.repr().unwrap(),
            "{35: 35, 36: 36, 37: 37, 38: 38, 39: 39}"
        );
        assert!(rebuilt.rich_compare_bool(&d, pyrt::CompareOp::Eq).unwrap());
        // A clone shares the items: every key and value gained a reference.
        let v = py.int(1000).unwrap();
        let small = py.dict().unwrap();
        small.set_item(&py.str("k").unwrap(), &v).unwrap();
        let copied = small.copy().unwrap();
        assert_eq!((v.refcnt(), copied.getsizeof()), (3, 184));
        drop(copied);
        assert_eq!(v.refcnt(), 2);
    });
}

#[test]
fn fromkeys_sizes_its_table_like_cpython() {
    // print(sys.getsizeof(dict.fromkeys(X))) in python3.12 for each X below
    Runtime::new().with(|py| {
        let ints = |n: i64| {
            (0..n)
                .map(|i| py.int(i).unwrap().into_any())
                .collect::<Vec<_>>()
        };
        let strs = |names: &[&str]| {
            names
                .iter()
                .map(|s| py.str(s).unwrap().into_any())
                .collect::<Vec<_>>()
        };
        let none = py.none();
        let pairs = strs(&["a", "b"]).into_iter().zip(ints(2));
        let cases = [
            (py.set(ints(0)).unwrap().into_any(), 224),
            (py.set(strs(&["a", "b"])).unwrap().into_any(), 352),
            (py.dict_from_pairs(pairs).unwrap().into_any(), 272),
            (py.list(ints(21)).unwrap().into_any(), 632),
            (py.set(ints(21)).unwrap().into_any(), 1168),
            (py.frozenset(ints(21)).unwrap().into_any(), 1168),
            (py.list(strs(&["a", "b"])).unwrap().into_any(), 184),
            (py.tuple(strs(&["a", "b"])).unwrap().into_any(), 184),
        ];
        for (source, expected) in &cases {
            let d = py.dict_fromkeys(source, &none).unwrap();
            assert_eq!(
                d.getsizeof(),
                *expected,
                "dict.fromkeys({})",
                source.repr().unwrap()
            );
        }
        // list(dict.fromkeys({3, 1, 2})) == [1, 2, 3]: the set's table order
        let s = py.set([3, 1, 2].map(|i| py.int(i).unwrap())).unwrap();
        let d = py.dict_fromkeys(&s, &none).unwrap();
        assert_eq!(d.repr().unwrap(), "{1: None, 2: None, 3: None}");
        assert_eq!(
            py.dict_fromkeys(&py.int(1).unwrap(), &none)
                .unwrap_err()
                .to_string(),
            "TypeError: 'int' object is not iterable"
        );
        let unhashable = py.list([py.list(ints(1)).unwrap()]).unwrap();
        assert_eq!(
            py.dict_fromkeys(&unhashable, &none)
                .unwrap_err()
                .to_string(),
            "TypeError: unhashable type: 'list'"
        );
    });
}
