//! Instances of plain classes against CPython 3.12.1: inline values, keys shared between the
//! instances of a class, and `__dict__` (materialised split dicts, their conversion to combined
//! tables). The oracle's scenarios 087–095 and 179 are replayed through the API with the sizes
//! CPython printed; the other numbers were printed by `python3.12` (`PYTHONHASHSEED=0`) for the
//! Python quoted next to them. A model test checks contents and order of random programs.

use proptest::prelude::*;
use pyrt::{Bound, PyAny, PyType, Python, Runtime};

fn set<'py>(py: Python<'py>, o: &Bound<'py, PyAny>, name: &str, v: i64) {
    o.setattr(name, &py.int(v).unwrap()).unwrap();
}

fn dict_size(o: &Bound<'_, PyAny>) -> usize {
    o.getattr("__dict__").unwrap().getsizeof()
}

fn dict_repr(o: &Bound<'_, PyAny>) -> String {
    o.getattr("__dict__").unwrap().repr().unwrap()
}

/// `C()` then `self.<name> = value` for each pair, as an `__init__` does.
fn make<'py>(py: Python<'py>, cls: &Bound<'py, PyType>, attrs: &[(&str, i64)]) -> Bound<'py> {
    let o = cls.call0().unwrap();
    for (name, v) in attrs {
        set(py, &o, name, *v);
    }
    o
}

#[test]
fn plain_instances_are_48_bytes_whatever_they_hold_oracle_087_090_179() {
    Runtime::new().with(|py| {
        let empty = py.class("Empty").unwrap();
        let point = py.class("Point").unwrap();
        let e = empty.call0().unwrap();
        let p = make(py, &point, &[("x", 1), ("y", 2)]);
        assert_eq!((e.getsizeof(), p.getsizeof()), (48, 48));
        for (name, v) in [("a", 1), ("b", 2), ("c", 3)] {
            set(py, &e, name, v);
        }
        assert_eq!(e.getsizeof(), 48);
        let c = make(py, &py.class("C").unwrap(), &[("a", 1), ("b", 2), ("c", 3)]);
        c.delattr("a").unwrap();
        c.delattr("b").unwrap();
        assert_eq!(c.getsizeof(), 48);
        assert_eq!(c.getattr("c").unwrap().repr().unwrap(), "3");
    });
}

#[test]
fn dict_size_follows_the_shared_keys_oracle_091_094_095() {
    Runtime::new().with(|py| {
        // 091: a new instance per line, with n attributes: the keys shrink by one per instance.
        let c = py.class("C").unwrap();
        let names = ["a1", "a2", "a3", "a4", "a5", "a6"];
        let mut sizes = Vec::new();
        let mut keep = None;
        for n in 1..=6 {
            let o = c.call0().unwrap();
            for (i, name) in names[..n].iter().enumerate() {
                set(py, &o, name, i as i64 + 1);
            }
            sizes.push(dict_size(&o));
            keep = Some(o);
        }
        drop(keep);
        assert_eq!(sizes, [296, 288, 280, 272, 264, 256]);
        // 094: ten attributes.
        let rec = py.class("Rec").unwrap();
        let fields: Vec<(String, i64)> = (0..10).map(|i| (format!("f{i}"), i)).collect();
        let fields: Vec<(&str, i64)> = fields.iter().map(|(n, v)| (n.as_str(), *v)).collect();
        let r = make(py, &rec, &fields);
        let d = r.getattr("__dict__").unwrap();
        assert_eq!(
            (r.getsizeof(), d.len().unwrap(), d.getsizeof()),
            (48, 10, 296)
        );
        // 095: a second instance, then a third after the first grew.
        let c = py.class("C2").unwrap();
        let x = make(py, &c, &[("a", 1), ("b", 2)]);
        let y = make(py, &c, &[("a", 1), ("b", 2)]);
        assert_eq!((dict_size(&x), dict_size(&y)), (288, 288));
        set(py, &x, "c", 3);
        let z = make(py, &c, &[("a", 1), ("b", 2), ("c", 3)]);
        assert_eq!((dict_size(&x), dict_size(&z)), (280, 280));
    });
}

#[test]
fn a_first_instance_and_its_dict_after_0_to_6_attributes() {
    // for n in range(7): class D: pass; d = D(); n attributes ->
    //     (getsizeof(d), len(d.__dict__), getsizeof(d.__dict__)) == (48, n, 296)
    Runtime::new().with(|py| {
        for n in 0..7 {
            let d = py.class("D").unwrap().call0().unwrap();
            for i in 0..n {
                set(py, &d, &format!("a{i}"), i);
            }
            let dict = d.getattr("__dict__").unwrap();
            assert_eq!(
                (d.getsizeof(), dict.len().unwrap(), dict.getsizeof()),
                (48, n as usize, 296)
            );
        }
        // e = E(); ed = e.__dict__; then attributes one by one: the split dict stays 296
        let e = py.class("E").unwrap().call0().unwrap();
        let ed = e.getattr("__dict__").unwrap();
        for i in 0..7 {
            assert_eq!(ed.getsizeof(), 296);
            set(py, &e, &format!("a{i}"), i);
        }
        assert_eq!(ed.len().unwrap(), 7);
    });
}

#[test]
fn attributes_keep_assignment_order_oracle_093() {
    Runtime::new().with(|py| {
        let c = make(py, &py.class("C").unwrap(), &[("b", 2), ("a", 1)]);
        set(py, &c, "z", 26);
        assert_eq!(dict_repr(&c), "{'b': 2, 'a': 1, 'z': 26}");
        assert_eq!(c.getattr("__dict__").unwrap().len().unwrap(), 3);
        c.delattr("b").unwrap();
        assert_eq!(dict_repr(&c), "{'a': 1, 'z': 26}");
        // Deleting and setting again moves the attribute last, before any dict exists.
        let c = make(py, &py.class("D").unwrap(), &[("a", 1), ("b", 2)]);
        c.delattr("a").unwrap();
        set(py, &c, "a", 3);
        assert_eq!(
            (dict_repr(&c), dict_size(&c)),
            ("{'b': 2, 'a': 3}".into(), 296)
        );
    });
}

#[test]
fn materialised_dicts_share_keys_until_they_cannot() {
    Runtime::new().with(|py| {
        // d = c.__dict__; d['z'] = 9; d[5] = 'five'  -> a combined general table of 16 slots
        let c = make(py, &py.class("C").unwrap(), &[("a", 1), ("b", 2)]);
        let d = c
            .getattr("__dict__")
            .unwrap()
            .cast_into::<pyrt::PyDict>()
            .unwrap();
        d.set_item(&py.str("z").unwrap(), &py.int(9).unwrap())
            .unwrap();
        assert_eq!(c.getattr("z").unwrap().repr().unwrap(), "9");
        d.set_item(&py.int(5).unwrap(), &py.str("five").unwrap())
            .unwrap();
        assert_eq!(
            (dict_repr(&c), d.getsizeof()),
            ("{'a': 1, 'b': 2, 'z': 9, 5: 'five'}".into(), 352)
        );
        for (result, message) in [
            (c.getattr("q").map(drop), "'C' object has no attribute 'q'"),
            (c.delattr("q"), "'C' object has no attribute 'q'"),
        ] {
            assert_eq!(
                result.unwrap_err().to_string(),
                format!("AttributeError: {message}")
            );
        }
        // 35 attributes on a first instance: 29 shared, then a 128-slot combined table.
        let f = py.class("F").unwrap().call0().unwrap();
        for i in 0..35 {
            set(py, &f, &format!("a{i}"), i);
        }
        let d = f.getattr("__dict__").unwrap();
        assert_eq!((d.getsizeof(), d.len().unwrap()), (1584, 35));
    });
}

#[test]
fn dict_size_depends_on_how_many_instances_came_before() {
    Runtime::new().with(|py| {
        // gs = [G() for _ in range(4)]; getsizeof(G().__dict__) == 264
        let g = py.class("G").unwrap();
        let _gs: Vec<_> = (0..4).map(|_| g.call0().unwrap()).collect();
        assert_eq!(dict_size(&g.call0().unwrap()), 264);
        // 41 instances with a, b, c: the last and the first both report 96 (3 + 1 slots).
        let h = py.class("H").unwrap();
        let hs: Vec<_> = (0..41)
            .map(|_| make(py, &h, &[("a", 1), ("b", 2), ("c", 3)]))
            .collect();
        assert_eq!((dict_size(&hs[40]), dict_size(&hs[0])), (96, 96));
        // 40 attribute-less instances, then one that takes 35 attributes, then another.
        let e = py.class("E").unwrap();
        let _objs: Vec<_> = (0..40).map(|_| e.call0().unwrap()).collect();
        let first = e.call0().unwrap();
        assert_eq!(dict_size(&first), 72);
        for i in 0..35 {
            set(py, &first, &format!("a{i}"), i);
        }
        assert_eq!(dict_size(&first), 832);
        let next = make(py, &e, &[("a0", 1)]);
        assert_eq!(dict_size(&next), 72);
        set(py, &next, "zz", 1);
        assert_eq!(dict_size(&next), 272);
    });
}

#[test]
fn copies_merges_and_clears_of_instance_dicts() {
    Runtime::new().with(|py| {
        let c = py.class("C").unwrap();
        let first = c.call0().unwrap();
        let empty = first.getattr("__dict__").unwrap();
        assert_eq!(
            (empty.repr().unwrap().as_str(), empty.getsizeof()),
            ("{}", 296)
        );
        let second = make(py, &c, &[("q", 1)]);
        let d = second
            .getattr("__dict__")
            .unwrap()
            .cast_into::<pyrt::PyDict>()
            .unwrap();
        assert_eq!((d.getsizeof(), empty.getsizeof()), (288, 288));
        let copy = d.copy().unwrap();
        assert_eq!(
            (copy.repr().unwrap().as_str(), copy.getsizeof()),
            ("{'q': 1}", 288)
        );
        let merged = py.dict().unwrap();
        merged.update(&d).unwrap();
        assert_eq!(merged.getsizeof(), 272);
        d.clear();
        assert_eq!(d.getsizeof(), 64);
        assert!(second.getattr("__dict__").unwrap().is(&d));
        set(py, &second, "w", 5);
        assert_eq!(
            (d.repr().unwrap().as_str(), d.getsizeof()),
            ("{'w': 5}", 184)
        );
    });
}

#[test]
fn dict_attribute_can_be_replaced_and_deleted() {
    Runtime::new().with(|py| {
        let k = py.class("K").unwrap();
        let first = k.call0().unwrap();
        let list = py.list([py.int(1).unwrap()]).unwrap();
        first.setattr("x", &list).unwrap();
        let copy = first
            .getattr("__dict__")
            .unwrap()
            .cast_into::<pyrt::PyDict>()
            .unwrap()
            .copy()
            .unwrap();
        assert_eq!(
            (copy.repr().unwrap().as_str(), copy.getsizeof()),
            ("{'x': [1]}", 296)
        );
        let second = k.call0().unwrap();
        let new = py
            .dict_from_pairs([(py.str("m").unwrap(), py.int(1).unwrap())])
            .unwrap();
        second.setattr("__dict__", &new).unwrap();
        assert_eq!(second.getattr("m").unwrap().repr().unwrap(), "1");
        assert_eq!(
            (dict_repr(&second), dict_size(&second)),
            ("{'m': 1}".into(), 184)
        );
        second.delattr("__dict__").unwrap();
        assert_eq!((dict_repr(&second), dict_size(&second)), ("{}".into(), 288));
        set(py, &second, "n", 2);
        assert_eq!(
            (dict_repr(&second), dict_size(&second)),
            ("{'n': 2}".into(), 288)
        );
        assert_eq!(
            second
                .setattr("__dict__", &py.int(5).unwrap())
                .unwrap_err()
                .to_string(),
            "TypeError: __dict__ must be set to a dictionary, not a 'int'"
        );
    });
}

#[test]
fn classes_with_dict_and_weakref_slots_match_cpython() {
    Runtime::new().with(|py| {
        // class SD: __slots__ = ('a', '__dict__'); class W: __slots__ = ('__weakref__',)
        let sd = py.slots_class("SD", &["a", "__dict__"]).unwrap();
        let w = py.slots_class("W", &["__weakref__"]).unwrap();
        let wa = py.slots_class("WA", &["a", "__weakref__"]).unwrap();
        assert_eq!(
            [py.class("A").unwrap(), sd.clone(), w.clone(), wa.clone()].map(|c| c.getsizeof()),
            [1704, 1704, 936, 936]
        );
        let o = sd.call0().unwrap();
        assert_eq!(o.getsizeof(), 56);
        set(py, &o, "x", 1);
        set(py, &o, "a", 2);
        assert_eq!((dict_repr(&o), dict_size(&o)), ("{'x': 1}".into(), 296));
        assert_eq!(o.getattr("a").unwrap().repr().unwrap(), "2");
        assert_eq!(
            [w.call0().unwrap(), wa.call0().unwrap()].map(|o| o.getsizeof()),
            [48, 56]
        );
    });
}

#[test]
fn instances_release_their_attributes_and_classes_their_keys() {
    Runtime::new().with(|py| {
        // Attribute names are interned (immortal) when first set, as in CPython.
        for name in (0..35).map(|i| format!("attr{i}")).chain(["v".into()]) {
            py.intern(py.str(&name).unwrap()).unwrap();
        }
        let before = py.malloc_stats().allocated_blocks();
        {
            let c = py.class("C").unwrap();
            let value = py.list(Vec::<Bound<'_>>::new()).unwrap();
            let objs: Vec<_> = (0..50)
                .map(|i| {
                    let o = c.call0().unwrap();
                    set(py, &o, &format!("attr{}", i % 35), i);
                    o.setattr("v", &value).unwrap();
                    o
                })
                .collect();
            assert_eq!(py.getrefcount(&value), 52);
            let _dicts: Vec<_> = objs[..10]
                .iter()
                .map(|o| o.getattr("__dict__").unwrap())
                .collect();
            drop(objs);
            assert_eq!(
                py.getrefcount(&value),
                12,
                "ten dicts outlive their instances"
            );
        }
        // The class is in a cycle through its MRO tuple, as in CPython.
        py.gc_collect(2).unwrap();
        py.clear_freelists();
        assert_eq!(py.malloc_stats().allocated_blocks(), before);
    });
}

/// One step of a program over instances of one class.
#[derive(Clone, Debug)]
enum Op {
    New,
    Set(usize, usize, i64),
    Del(usize, usize),
    Materialise(usize),
    SetThroughDict(usize, usize, i64),
    Drop(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let obj = 0..6usize;
    let name = 0..40usize;
    prop_oneof![
        1 => Just(Op::New),
        6 => (obj.clone(), name.clone(), any::<i64>()).prop_map(|(o, n, v)| Op::Set(o, n, v)),
        2 => (obj.clone(), name.clone()).prop_map(|(o, n)| Op::Del(o, n)),
        1 => obj.clone().prop_map(Op::Materialise),
        1 => (obj.clone(), name, any::<i64>()).prop_map(|(o, n, v)| Op::SetThroughDict(o, n, v)),
        1 => obj.prop_map(Op::Drop),
    ]
}

/// The model of one instance: its attributes in `__dict__` order.
type Attrs = Vec<(String, i64)>;

fn model_set(attrs: &mut Attrs, name: &str, v: i64) {
    match attrs.iter_mut().find(|(n, _)| n == name) {
        Some(slot) => slot.1 = v,
        None => attrs.push((name.to_string(), v)),
    }
}

fn expected_repr(attrs: &Attrs) -> String {
    let items: Vec<String> = attrs.iter().map(|(n, v)| format!("'{n}': {v}")).collect();
    format!("{{{}}}", items.join(", "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(64)))]

    #[test]
    fn random_attribute_programs_match_an_ordered_map(ops in proptest::collection::vec(op(), 1..120)) {
        Runtime::new().with(|py| {
            let cls = py.class("C").unwrap();
            let mut objs: Vec<(Bound<'_>, Attrs)> = Vec::new();
            let names: Vec<String> = (0..40).map(|i| format!("n{i}")).collect();
            for op in ops {
                let count = objs.len();
                match op {
                    Op::New => objs.push((cls.call0().unwrap(), Vec::new())),
                    _ if count == 0 => {}
                    Op::Set(o, n, v) => {
                        let (obj, attrs) = &mut objs[o % count];
                        set(py, obj, &names[n], v);
                        model_set(attrs, &names[n], v);
                    }
                    Op::Del(o, n) => {
                        let (obj, attrs) = &mut objs[o % count];
                        let present = attrs.iter().position(|(name, _)| *name == names[n]);
                        prop_assert_eq!(obj.delattr(&names[n]).is_ok(), present.is_some());
                        if let Some(i) = present {
                            attrs.remove(i);
                        }
                    }
                    Op::Materialise(o) => drop(objs[o % count].0.getattr("__dict__").unwrap()),
                    Op::SetThroughDict(o, n, v) => {
                        let (obj, attrs) = &mut objs[o % count];
                        let d = obj.getattr("__dict__").unwrap().cast_into::<pyrt::PyDict>().unwrap();
                        d.set_item(&py.str(&names[n]).unwrap(), &py.int(v).unwrap()).unwrap();
                        model_set(attrs, &names[n], v);
                    }
                    Op::Drop(o) => drop(objs.remove(o % count)),
                }
                for (obj, attrs) in &objs {
                    prop_assert_eq!(dict_repr(obj), expected_repr(attrs));
                    for (name, v) in attrs {
                        prop_assert_eq!(obj.getattr(name).unwrap().repr().unwrap(), v.to_string());
                    }
                }
            }
            Ok(())
        })?;
    }
}
