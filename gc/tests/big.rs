//! A cycle collected in one piece, and a chain reachable from one handle scanned in the worst
//! order (every link moved to the unreachable list and back) — on the test thread's default
//! stack, since no phase recurses: 100,000 objects in the fast tier, ten million in the slow
//! tier's `#[ignore]`d twins. `PYRT_CHAIN_LENGTH` overrides both (the valgrind run shortens
//! them with it). A lean model: objects are 24-byte records in one `Vec`
//! (a header, a refcount, the index of the one object each refers to), freed by a work list.

use std::cell::Cell;
use std::ptr::NonNull;

use pyrt_gc::{Collected, Collector, GcHeader, GcObjects, ObjRef, UntrackPass};

#[repr(C)]
struct Rec {
    header: GcHeader,
    refcnt: Cell<u32>,
    /// Index + 1 of the referent, 0 for none.
    next: Cell<u32>,
}

/// `gc` first: it is dropped before the records its lists point into.
struct Lean {
    gc: Collector,
    recs: Vec<Rec>,
    freed: Cell<usize>,
}

impl Lean {
    fn new(n: usize) -> Lean {
        let recs = (0..n)
            .map(|_| Rec {
                header: GcHeader::new(),
                refcnt: Cell::new(0),
                next: Cell::new(0),
            })
            .collect();
        Lean {
            gc: Collector::new(),
            recs,
            freed: Cell::new(0),
        }
    }

    fn obj(&self, i: usize) -> ObjRef {
        ObjRef::new(NonNull::from(&self.recs[i].refcnt).cast())
    }

    fn index(&self, obj: ObjRef) -> usize {
        let base = self.recs.as_ptr() as usize;
        (obj.as_ptr().as_ptr() as usize - base - 16) / size_of::<Rec>()
    }

    fn link(&self, from: usize, to: usize) {
        self.recs[from].next.set(to as u32 + 1);
        self.recs[to].refcnt.set(self.recs[to].refcnt.get() + 1);
    }

    fn track(&self, i: usize) {
        self.gc.on_alloc();
        // SAFETY: records live as long as `self`, which drops the collector first.
        unsafe { self.gc.track(self.obj(i)) };
    }

    /// Decref with an explicit work list: a chain of any length dies without recursion.
    fn decref_index(&self, mut i: usize) {
        loop {
            let rec = &self.recs[i];
            rec.refcnt.set(rec.refcnt.get() - 1);
            if rec.refcnt.get() > 0 {
                return;
            }
            // SAFETY: the record is alive (it stays allocated; "freeing" is untracking).
            unsafe { self.gc.gc_del(self.obj(i)) };
            self.freed.set(self.freed.get() + 1);
            match rec.next.replace(0) {
                0 => return,
                next => i = next as usize - 1,
            }
        }
    }

    fn collect(&self) -> Collected {
        // SAFETY: every tracked object is a record of `self`.
        unsafe { self.gc.collect(self, 2) }.unwrap()
    }
}

// SAFETY: records sit after their headers (1) and stay allocated for the model's life (2);
// refcounts count the one link and the handle (3); traverse visits the one link (4); clear
// drops it (5); no finalizers, no weak references (6, 7).
unsafe impl GcObjects for Lean {
    fn refcount(&self, obj: ObjRef) -> usize {
        self.recs[self.index(obj)].refcnt.get() as usize
    }
    fn is_immortal(&self, _: ObjRef) -> bool {
        false
    }
    fn incref(&self, obj: ObjRef) {
        let rec = &self.recs[self.index(obj)];
        rec.refcnt.set(rec.refcnt.get() + 1);
    }
    fn decref(&self, obj: ObjRef) {
        self.decref_index(self.index(obj));
    }
    fn traverse<V: FnMut(ObjRef)>(&self, obj: ObjRef, mut visit: V) {
        if let Some(next) = self.recs[self.index(obj)].next.get().checked_sub(1) {
            visit(self.obj(next as usize));
        }
    }
    fn clear(&self, obj: ObjRef) {
        if let Some(next) = self.recs[self.index(obj)].next.replace(0).checked_sub(1) {
            self.decref_index(next as usize);
        }
    }
    fn has_legacy_finalizer(&self, _: ObjRef) -> bool {
        false
    }
    fn may_have_legacy_finalizers(&self) -> bool {
        false
    }
    fn has_finalizer(&self, _: ObjRef) -> bool {
        false
    }
    fn finalize(&self, _: ObjRef) {}
    fn clear_if_weakref(&self, _: ObjRef) {}
    fn clear_weakrefs_to(&self, _: ObjRef, _: &mut dyn FnMut(ObjRef)) {}
    fn call_weakref_callback(&self, _: ObjRef) {}
    fn can_untrack(&self, _: ObjRef, _: UntrackPass) -> bool {
        false
    }

    fn untrack_pass_of(&self, _: ObjRef) -> Option<UntrackPass> {
        None
    }
}

fn cycle(n: usize) {
    let lean = Lean::new(n);
    for i in 0..n {
        lean.link(i, (i + 1) % n);
        lean.track(i);
    }
    lean.recs[0].refcnt.set(2); // its link and a handle
    assert_eq!(
        lean.collect(),
        Collected {
            collected: 0,
            uncollectable: 0
        },
        "held"
    );
    assert!(
        lean.recs.iter().skip(1).all(|r| r.refcnt.get() == 1),
        "refcounts untouched"
    );
    lean.decref_index(0); // the handle goes: the cycle is garbage
    assert_eq!(
        lean.collect(),
        Collected {
            collected: n,
            uncollectable: 0
        }
    );
    assert_eq!(lean.freed.get(), n);
    assert_eq!(lean.gc.objects(None).unwrap().len(), 0);
    lean.gc.check_invariants().unwrap();
}

/// 0 -> 1 -> ... -> n-1, tracked from the tail: every object but the head starts in the
/// unreachable list and is moved back when its referrer is scanned.
fn reachable_chain(n: usize) {
    let lean = Lean::new(n);
    for i in (0..n).rev() {
        if i + 1 < n {
            lean.link(i, i + 1);
        }
        lean.track(i);
    }
    lean.recs[0].refcnt.set(1); // the handle
    assert_eq!(
        lean.collect(),
        Collected {
            collected: 0,
            uncollectable: 0
        }
    );
    let survivors = lean.gc.objects(Some(2)).unwrap();
    assert_eq!(survivors.len(), n);
    assert!(
        survivors
            .iter()
            .enumerate()
            .all(|(i, &o)| lean.index(o) == i),
        "head first"
    );
    lean.gc.check_invariants().unwrap();
    lean.decref_index(0);
    assert_eq!(
        lean.freed.get(),
        n,
        "the chain dies by refcount once the handle goes"
    );
}

pyrt_tests::chain_tiers! {
    cycle: a_deep_cycle_is_collected, a_ten_million_object_cycle_is_collected;
    reachable_chain: a_deep_reachable_chain_survives_the_worst_scan_order,
        a_ten_million_deep_reachable_chain_survives_the_worst_scan_order;
}
