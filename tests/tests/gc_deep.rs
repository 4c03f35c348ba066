//! Deep structures through the collector wired into the object model (100,000 objects in the
//! fast tier, ten million in the slow tier's `#[ignore]`d twins), on the test thread's
//! default stack (no phase of a collection recurses, and the deallocations its clears start go
//! through the trashcan): a ring of instances; a chain of lists reachable from a handle at its
//! head and tracked tail first (the worst order for `move_unreachable`), kept untouched, then
//! closed into a ring (list0 -> list1 -> ... -> list0) and collected; and a chain of dicts that
//! is garbage only through the cycle at its head. Each collection returns the number of
//! unreachable tracked objects, and every block is back in the allocator afterwards.
//! `PYRT_CHAIN_LENGTH` overrides both lengths (the valgrind run shortens the chains with it), as
//! in `objects_deep_chains.rs`.

use pyrt_objects::types::list::List;
use pyrt_objects::types::{class, dict, list, unicode};
use pyrt_objects::{Heap, Obj, PyObject, abstract_, types};

/// `gc.collect()` with the collector's lists checked afterwards.
fn collect(heap: &Heap) -> usize {
    let n = heap.collect(2).expect("generation 2 exists").total();
    heap.collector()
        .check_invariants()
        .expect("consistent lists");
    n
}

/// The blocks in use, with the free lists emptied.
fn blocks(heap: &Heap) -> usize {
    heap.clear_freelists();
    heap.malloc_stats().allocated_blocks()
}

fn ring_of_instances(n: usize) {
    let n = n.max(2);
    let heap = Heap::new();
    let link = class::new_class(&heap, "Link", "__main__", Some(&["next"])).expect("a class");
    let before = blocks(&heap);
    let first =
        class::new_instance(&heap, link.cast().expect("a class")).expect("allocation succeeds");
    let mut last = first.clone();
    for _ in 1..n {
        let o =
            class::new_instance(&heap, link.cast().expect("a class")).expect("allocation succeeds");
        abstract_::setattr(&heap, last.object(), "next", o.object()).expect("a slot");
        last = o;
    }
    abstract_::setattr(&heap, last.object(), "next", first.object()).expect("a slot");
    drop(last);
    assert_eq!(collect(&heap), 0, "held by a handle");
    assert_eq!(first.object().refcnt(), 2, "the handle and the last link");
    // The handle, the class's own MRO tuple (`tp_mro` starts with the class, as in CPython),
    // and each instance.
    assert_eq!(
        link.object().refcnt(),
        n as u64 + 2,
        "each instance holds its class"
    );
    drop(first);
    assert_eq!(collect(&heap), n, "the whole ring");
    assert_eq!(link.object().refcnt(), 2, "every instance is gone");
    assert_eq!(blocks(&heap), before, "every block is back");
    // The class is a cycle itself (its MRO tuple holds it): collected before the heap goes.
    drop(link);
    collect(&heap);
}

/// Follows the one item of each list from `head` `n - 1` times, checking each link's refcount
/// (one referrer) on the way; returns the last list.
fn walk_chain(head: &PyObject, n: usize) -> &PyObject {
    let mut cur = head;
    for i in 1..n {
        let l = List::cast(cur).expect("a list");
        assert_eq!(list::list_len(l), 1, "list {i} untouched");
        // SAFETY: `cur` is alive and holds a reference to its item.
        cur = unsafe { list::items(l)[0].as_ref() };
        if i + 1 < n {
            assert_eq!(cur.refcnt(), 1, "list {i} has one referrer");
        }
    }
    cur
}

fn chain_then_ring(n: usize) {
    let n = n.max(2);
    let heap = Heap::new();
    let before = blocks(&heap);
    // list0 -> list1 -> ... -> list(n-1), made (and tracked) from the tail.
    let tail = list::new_list(&heap, vec![]).expect("allocation succeeds");
    let mut head = tail.clone();
    for _ in 1..n {
        head = list::new_list(&heap, vec![head]).expect("allocation succeeds");
    }
    assert_eq!(collect(&heap), 0, "reachable from the head");
    assert_eq!(head.object().refcnt(), 1, "the handle");
    let end = walk_chain(head.object(), n);
    assert!(core::ptr::eq(end, tail.object()), "the same chain");
    assert_eq!(tail.object().refcnt(), 2, "a referrer and the handle");
    assert_eq!(
        list::list_len(List::cast(end).unwrap()),
        0,
        "the tail untouched"
    );
    // list(n-1) -> list0: garbage only through this cycle at the end.
    let tail_list = tail.cast::<List>().expect("a list");
    list::append(&heap, tail_list, head.clone()).expect("allocation succeeds");
    drop((head, tail));
    assert_eq!(collect(&heap), n, "the whole ring");
    assert_eq!(blocks(&heap), before, "every block is back");
}

fn chain_held_by_a_cycle(n: usize) {
    let n = n.max(2);
    let heap = Heap::new();
    let [next, me] = ["next", "me"].map(|k| {
        let s = unicode::new_str(&heap, k).expect("allocation succeeds");
        unicode::intern(&heap, s).expect("allocation succeeds")
    });
    let before = blocks(&heap);
    let set = |d: &Obj<'_>, key: &Obj<'_>, value: Obj<'_>| {
        dict::set_item(&heap, d.cast().expect("a dict"), key.clone(), value)
            .expect("str keys hash");
    };
    // d0 -> d1 -> ... -> d(n-1) = {"next": None}, which holds no container and stays
    // untracked; d0 also refers to itself.
    let mut head = dict::new_dict(&heap).expect("allocation succeeds");
    set(&head, &next, types::none(&heap));
    assert!(!heap.is_tracked(head.object()), "a dict of atoms");
    for _ in 1..n {
        let d = dict::new_dict(&heap).expect("allocation succeeds");
        set(&d, &next, head);
        head = d;
    }
    set(&head, &me, head.clone());
    drop(head);
    assert_eq!(collect(&heap), n - 1, "the tracked dicts");
    assert_eq!(blocks(&heap), before, "every block is back");
}

pyrt_tests::chain_tiers! {
    ring_of_instances: a_ring_of_instances_is_collected, a_ring_of_10_million_instances_is_collected;
    chain_then_ring: a_deep_chain_survives_then_dies_as_a_ring, a_10_million_chain_survives_then_dies_as_a_ring;
    chain_held_by_a_cycle: a_deep_chain_held_by_a_cycle_is_collected, a_10_million_chain_held_by_a_cycle_is_collected;
}
