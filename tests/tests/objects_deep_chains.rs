//! Chains of 10 million nested objects of each container kind are built and dropped without
//! a stack overflow, on the test thread's default stack: deallocation recurses at most 50
//! deep and defers the rest (CPython's trashcan). `PYRT_CHAIN_LENGTH` shortens the chains
//! (the valgrind run uses it); every block is back in the allocator afterwards.

use pyrt::{Bound, Python, Runtime};

fn chain_length() -> usize {
    std::env::var("PYRT_CHAIN_LENGTH")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000)
}

/// Builds `wrap(wrap(...wrap(None)))` `n` deep, drops it, and checks that every block came back.
fn build_and_drop<'py>(py: Python<'py>, wrap: impl Fn(Bound<'py>) -> Bound<'py>) {
    let before = py.malloc_stats().allocated_blocks();
    let mut chain = py.none().into_any();
    for _ in 0..chain_length() {
        chain = wrap(chain);
    }
    assert!(py.malloc_stats().allocated_blocks() >= before + chain_length());
    drop(chain);
    py.clear_freelists();
    assert_eq!(
        py.malloc_stats().allocated_blocks(),
        before,
        "every object of the chain was freed"
    );
}

#[test]
fn nested_tuples() {
    Runtime::new().with(|py| build_and_drop(py, |x| py.tuple([x]).unwrap().into_any()));
}

#[test]
fn nested_lists() {
    Runtime::new().with(|py| build_and_drop(py, |x| py.list([x]).unwrap().into_any()));
}

#[test]
fn nested_dicts() {
    Runtime::new().with(|py| {
        let key = py.str_constant("next").unwrap();
        build_and_drop(py, |x| {
            let d = py.dict().unwrap();
            d.set_item(&key, &x).unwrap();
            d.into_any()
        });
    });
}

#[test]
fn nested_frozensets() {
    Runtime::new().with(|py| build_and_drop(py, |x| py.frozenset([x]).unwrap().into_any()));
}

#[test]
fn nested_instances() {
    Runtime::new().with(|py| {
        let cls = py.slots_class("Link", &["next"]).unwrap();
        build_and_drop(py, |x| {
            let link = cls.call0().unwrap();
            link.setattr("next", &x).unwrap();
            link
        });
    });
}

#[test]
fn nested_plain_instances() {
    Runtime::new().with(|py| {
        let cls = py.class("Node").unwrap();
        py.intern(py.str("next").unwrap()).unwrap(); // attribute names are interned for good
        build_and_drop(py, |x| {
            let node = cls.call0().unwrap();
            node.setattr("next", &x).unwrap();
            node
        });
    });
}

#[test]
fn nested_namedtuples_and_records() {
    Runtime::new().with(|py| {
        let pair = py.namedtuple("Pair", &["head", "tail"]).unwrap();
        build_and_drop(py, |x| pair.call([py.none().into_any(), x]).unwrap());
        let cell = py.record_class("Cell", &["next"]).unwrap();
        build_and_drop(py, |x| cell.call([x]).unwrap());
    });
}
