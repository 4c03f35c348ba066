//! Chains of nested objects of each container kind are built and dropped without a stack
//! overflow, on the test thread's default stack: deallocation recurses at most 50 deep and
//! defers the rest (CPython's trashcan). Every block is back in the allocator afterwards.
//!
//! Each kind runs twice: 100,000 deep in the fast tier (far past the 50 levels, and past what
//! recursion could survive on the test thread's 2 MiB stack) and 10 million deep in the slow
//! tier (`#[ignore]`d: `cargo test -- --ignored`). `PYRT_CHAIN_LENGTH` overrides both (the
//! valgrind run shortens the chains with it).

use pyrt::{Bound, Python, Runtime};

/// Builds `wrap(wrap(...wrap(None)))` `n` deep, drops it, and checks that every block came back.
fn build_and_drop<'py>(py: Python<'py>, n: usize, wrap: impl Fn(Bound<'py>) -> Bound<'py>) {
    let before = py.malloc_stats().allocated_blocks();
    let mut chain = py.none().into_any();
    for _ in 0..n {
        chain = wrap(chain);
    }
    assert!(py.malloc_stats().allocated_blocks() >= before + n);
    drop(chain);
    py.clear_freelists();
    assert_eq!(
        py.malloc_stats().allocated_blocks(),
        before,
        "every object of the chain was freed"
    );
}

fn tuples(n: usize) {
    Runtime::new().with(|py| build_and_drop(py, n, |x| py.tuple([x]).unwrap().into_any()));
}

fn lists(n: usize) {
    Runtime::new().with(|py| build_and_drop(py, n, |x| py.list([x]).unwrap().into_any()));
}

fn dicts(n: usize) {
    Runtime::new().with(|py| {
        let key = py.str_constant("next").unwrap();
        build_and_drop(py, n, |x| {
            let d = py.dict().unwrap();
            d.set_item(&key, &x).unwrap();
            d.into_any()
        });
    });
}

fn frozensets(n: usize) {
    Runtime::new().with(|py| build_and_drop(py, n, |x| py.frozenset([x]).unwrap().into_any()));
}

fn slots_instances(n: usize) {
    Runtime::new().with(|py| {
        let cls = py.slots_class("Link", &["next"]).unwrap();
        build_and_drop(py, n, |x| {
            let link = cls.call0().unwrap();
            link.setattr("next", &x).unwrap();
            link
        });
    });
}

fn plain_instances(n: usize) {
    Runtime::new().with(|py| {
        let cls = py.class("Node").unwrap();
        py.intern(py.str("next").unwrap()).unwrap(); // attribute names are interned for good
        build_and_drop(py, n, |x| {
            let node = cls.call0().unwrap();
            node.setattr("next", &x).unwrap();
            node
        });
    });
}

fn namedtuples_and_records(n: usize) {
    Runtime::new().with(|py| {
        let pair = py.namedtuple("Pair", &["head", "tail"]).unwrap();
        build_and_drop(py, n, |x| pair.call([py.none().into_any(), x]).unwrap());
        let cell = py.record_class("Cell", &["next"]).unwrap();
        build_and_drop(py, n, |x| cell.call([x]).unwrap());
    });
}

pyrt_tests::chain_tiers! {
    tuples: nested_tuples, nested_tuples_10_million;
    lists: nested_lists, nested_lists_10_million;
    dicts: nested_dicts, nested_dicts_10_million;
    frozensets: nested_frozensets, nested_frozensets_10_million;
    slots_instances: nested_instances, nested_instances_10_million;
    plain_instances: nested_plain_instances, nested_plain_instances_10_million;
    namedtuples_and_records: nested_namedtuples_and_records, nested_namedtuples_and_records_10_million;
}
