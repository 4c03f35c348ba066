//! Classes with `__slots__` against CPython 3.12.1: instance sizes for 0 to 6 slots, the
//! class's own size, reprs, the identity hash, attribute errors, `__weakref__` in `__slots__`,
//! and the class's lifetime (every instance holds a reference to it).

use pyrt::{Bound, Runtime};

#[test]
fn instance_sizes_grow_by_8_per_slot() {
    // CPython 3.12.1: [sys.getsizeof(type('S', (), {'__slots__': names[:n]})()) for n in 0..7]
    Runtime::new().with(|py| {
        let names = ["a", "b", "c", "d", "e", "f", "g"];
        let sizes: Vec<usize> = (0..7)
            .map(|n| {
                py.slots_class("S", &names[..n])
                    .unwrap()
                    .call0()
                    .unwrap()
                    .getsizeof()
            })
            .collect();
        assert_eq!(sizes, [32, 40, 48, 56, 64, 72, 80]);
        // FACTS.md 3.11: '__weakref__' adds the 16-byte pre-header in 3.12.
        assert_eq!(
            py.slots_class("W", &["a", "__weakref__"])
                .unwrap()
                .call0()
                .unwrap()
                .getsizeof(),
            56
        );
        assert_eq!(
            py.slots_class("W", &["__weakref__"])
                .unwrap()
                .call0()
                .unwrap()
                .getsizeof(),
            48
        );
        // sys.getsizeof(P) for a class with __slots__: sizeof(PyHeapTypeObject) + 16
        assert_eq!(py.slots_class("P", &["x", "y"]).unwrap().getsizeof(), 936);
        assert_eq!(py.slots_class("E", &[]).unwrap().getsizeof(), 936);
    });
}

#[test]
fn attributes_behave_and_fail_like_cpython() {
    // CPython 3.12.1 with `class P: __slots__ = ('x', 'y')`, p = P():
    // p.x, p.z, p.z = 1, del p.x (unset), then p.x = 5, del p.x; p.x
    Runtime::new().with(|py| {
        let cls = py.slots_class("P", &["x", "y"]).unwrap();
        let p = cls.call0().unwrap();
        let err = |r: pyrt::PyResult<Bound<'_>>| r.unwrap_err().to_string();
        assert_eq!(
            err(p.getattr("x")),
            "AttributeError: 'P' object has no attribute 'x'"
        );
        assert_eq!(
            err(p.getattr("z")),
            "AttributeError: 'P' object has no attribute 'z'"
        );
        assert_eq!(
            p.setattr("z", &py.int(1).unwrap()).unwrap_err().to_string(),
            "AttributeError: 'P' object has no attribute 'z'"
        );
        assert_eq!(p.delattr("x").unwrap_err().to_string(), "AttributeError: x");
        let five = py.int(500).unwrap();
        p.setattr("x", &five).unwrap();
        assert!(p.getattr("x").unwrap().is(&five));
        assert_eq!(
            py.getrefcount(&five),
            3,
            "the handle, the slot and the argument"
        );
        p.setattr("x", &py.none()).unwrap();
        assert_eq!(py.getrefcount(&five), 2, "replacing the value released it");
        p.delattr("x").unwrap();
        assert_eq!(
            err(p.getattr("x")),
            "AttributeError: 'P' object has no attribute 'x'"
        );
        assert_eq!(
            py.slots_class("Bad", &["1x"]).unwrap_err().to_string(),
            "TypeError: __slots__ must be identifiers"
        );
        assert_eq!(
            py.slots_class("D", &["__dict__", "a", "__dict__"])
                .unwrap_err()
                .to_string(),
            "TypeError: __dict__ slot disallowed: we already got one"
        );
    });
}

#[test]
fn reprs_and_identity_hash_match_cpython() {
    Runtime::new().with(|py| {
        let cls = py.slots_class("P", &["x"]).unwrap();
        assert_eq!(cls.repr().unwrap(), "<class '__main__.P'>");
        let p = cls.call0().unwrap();
        assert_eq!(
            p.repr().unwrap(),
            format!("<__main__.P object at {:#x}>", p.id())
        );
        // hash(p) == id(p) >> 4 for 16-byte aligned objects (_Py_HashPointer rotates by 4)
        assert_eq!(p.hash().unwrap(), (p.id() >> 4) as i64);
        assert!(p.rich_compare_bool(&p, pyrt::CompareOp::Eq).unwrap());
        assert!(
            !p.rich_compare_bool(&cls.call0().unwrap(), pyrt::CompareOp::Eq)
                .unwrap()
        );
        assert_eq!(p.type_name(), "P");
    });
}

#[test]
fn instances_keep_their_class_alive_and_everything_is_freed() {
    Runtime::new().with(|py| {
        let before = py.malloc_stats().allocated_blocks();
        let cls = py.slots_class("Node", &["value", "next"]).unwrap();
        // The handle and the class's own MRO tuple (`tp_mro` starts with the class).
        assert_eq!(cls.refcnt(), 2);
        let nodes: Vec<_> = (0..10).map(|_| cls.call0().unwrap()).collect();
        assert_eq!(cls.refcnt(), 12, "each instance holds its class");
        for pair in nodes.windows(2) {
            pair[0].setattr("next", &pair[1]).unwrap();
            pair[0]
                .setattr("value", &py.str("payload text").unwrap())
                .unwrap();
        }
        let class_ref = cls.referents();
        assert!(
            nodes[0].referents().iter().any(|r| r.is(&cls)),
            "traverse visits the class"
        );
        drop(class_ref);
        drop(cls);
        assert!(py.malloc_stats().allocated_blocks() > before);
        drop(nodes);
        // A class is in a cycle through its MRO, as in CPython: the collector frees it.
        assert_eq!(
            py.gc_collect(2).unwrap(),
            3,
            "the class, its MRO and bases tuples"
        );
        py.clear_freelists();
        assert_eq!(
            py.malloc_stats().allocated_blocks(),
            before,
            "instances, values and the class were freed"
        );
    });
}
