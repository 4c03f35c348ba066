//! The collector on small graphs whose outcome CPython 3.12 fixes: what `gc.collect()`
//! returns, the order of finalizers and clears, resurrection, legacy finalizers, weak
//! references, `DEBUG_SAVEALL`, untracking, the permanent generation, counts and callbacks.

mod common;

use common::{Event, Finalizer, Spec, Toy};
use pyrt_gc::{CallbackPhase, Collected, CollectionInfo, GcError, GenerationStats, debug};

fn plain() -> Spec {
    Spec::default()
}

fn with_finalizer(finalizer: Finalizer) -> Spec {
    Spec {
        finalizer,
        ..Spec::default()
    }
}

fn collected(collected: usize, uncollectable: usize) -> Collected {
    Collected {
        collected,
        uncollectable,
    }
}

#[test]
fn a_self_referencing_object_is_collected_and_reported_to_callbacks() {
    let toy = Toy::new();
    let a = toy.new_object(plain());
    toy.add_ref(a, a);
    assert_eq!(toy.collect(2), collected(0, 0), "held by a handle");
    assert!(toy.alive(a));
    toy.drop_all_handles();
    assert!(toy.alive(a), "the cycle keeps it alive");
    let result = toy.collect(2);
    assert_eq!((result, result.total()), (collected(1, 0), 1));
    assert!(!toy.alive(a));
    assert_eq!(*toy.events.borrow(), [Event::Clear(a), Event::Freed(a)]);
    let calls = toy.gc_callbacks.borrow().clone();
    let start = CollectionInfo {
        generation: 2,
        collected: 0,
        uncollectable: 0,
    };
    let stop = CollectionInfo {
        generation: 2,
        collected: 1,
        uncollectable: 0,
    };
    assert_eq!(
        calls[2..],
        [(CallbackPhase::Start, start), (CallbackPhase::Stop, stop)]
    );
    toy.gc.check_invariants().unwrap();
}

#[test]
fn garbage_is_cleared_in_list_order_and_dies_by_refcount() {
    // A -> C, B -> A, C -> B: allocated A, B, C, so the unreachable list is A, B, C.
    let toy = Toy::new();
    let [a, b, c] = [0; 3].map(|_| toy.new_object(plain()));
    toy.add_ref(a, c);
    toy.add_ref(b, a);
    toy.add_ref(c, b);
    toy.drop_all_handles();
    assert_eq!(toy.collect(0), collected(3, 0));
    let expected = [
        Event::Clear(a),
        Event::Freed(c),
        Event::Freed(b),
        Event::Freed(a),
    ];
    assert_eq!(*toy.events.borrow(), expected);
    assert!(toy.live_ids().is_empty());
}

#[test]
fn move_unreachable_reverses_a_reachable_chain_as_cpython_does() {
    // B -> A, C -> B, C held: adjusted refcounts 0, 0, 1; A and B move to unreachable and
    // back, leaving the survivors in the order C, B, A.
    let toy = Toy::new();
    let [a, b, c] = [0; 3].map(|_| toy.new_object(plain()));
    toy.add_ref(b, a);
    toy.add_ref(c, b);
    toy.drop_handle(0); // a
    toy.drop_handle(0); // b
    assert_eq!(toy.collect(0), collected(0, 0));
    let survivors = toy.gc.objects(Some(1)).unwrap();
    let order: Vec<_> = [c, b, a].iter().map(|&id| toy.obj(id)).collect();
    assert_eq!(survivors, order);
    assert_eq!(toy.collect(1), collected(0, 0));
    assert_eq!(
        toy.gc.objects(Some(2)).unwrap(),
        order,
        "no move on later scans"
    );
    toy.check_refcounts(&[]);
}

#[test]
fn finalizers_run_once_before_any_clear() {
    let toy = Toy::new();
    let a = toy.new_object(with_finalizer(Finalizer::Plain));
    let b = toy.new_object(with_finalizer(Finalizer::Plain));
    toy.add_ref(a, b);
    toy.add_ref(b, a);
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(2, 0));
    let events = toy.events.borrow().clone();
    assert_eq!(
        events[..3],
        [Event::Finalize(a), Event::Finalize(b), Event::Clear(a)]
    );
    assert!(!events[3..].iter().any(|e| matches!(e, Event::Finalize(_))));
    assert!(toy.live_ids().is_empty());
}

#[test]
fn a_resurrected_object_survives_and_is_not_finalized_again() {
    let toy = Toy::new();
    let a = toy.new_object(with_finalizer(Finalizer::Resurrect));
    toy.add_ref(a, a);
    toy.drop_all_handles();
    assert_eq!(
        toy.collect(2),
        collected(0, 0),
        "CPython: gc.collect() returns 0"
    );
    assert!(toy.alive(a));
    // SAFETY: `a` is alive.
    assert!(unsafe { toy.gc.is_finalized(toy.obj(a)) });
    toy.check_refcounts(&[]);
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(1, 0));
    assert!(!toy.alive(a));
    assert_eq!(toy.slots.borrow()[a].finalized_runs, 1);
}

#[test]
fn legacy_finalizers_make_their_cycles_uncollectable() {
    let toy = Toy::new();
    let l = toy.new_object(Spec {
        legacy: true,
        ..Spec::default()
    });
    let x = toy.new_object(plain());
    let y = toy.new_object(plain());
    toy.add_ref(l, l);
    toy.add_ref(l, x); // x is reachable from a legacy finalizer: uncollectable too
    toy.add_ref(y, y); // y is ordinary garbage
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(1, 2));
    assert!(toy.alive(l) && toy.alive(x) && !toy.alive(y));
    assert_eq!(
        toy.drain_garbage(),
        [l],
        "only tp_del objects go to gc.garbage"
    );
    toy.check_refcounts(&toy.garbage.borrow());
    assert_eq!(
        toy.gc.stats()[2],
        GenerationStats {
            collections: 1,
            collected: 1,
            uncollectable: 2
        }
    );
    toy.gc.check_invariants().unwrap();
    // Releasing gc.garbage and breaking the legacy cycle by hand frees everything.
    toy.clear_garbage();
    toy.remove_ref(l, 0);
    assert!(toy.live_ids().is_empty());
}

#[test]
fn save_all_keeps_every_unreachable_object_in_garbage() {
    let toy = Toy::new();
    toy.gc.set_debug_flags(debug::SAVEALL);
    let a = toy.new_object(plain());
    toy.add_ref(a, a);
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(1, 0));
    assert!(toy.alive(a) && !toy.slots.borrow()[a].cleared);
    assert_eq!(toy.drain_garbage(), [a]);
    toy.check_refcounts(&toy.garbage.borrow());
    toy.gc.set_debug_flags(0);
    toy.clear_garbage();
    assert_eq!(toy.collect(2), collected(1, 0));
    assert!(!toy.alive(a));
}

#[test]
fn weakref_callbacks_run_only_for_weak_references_outside_the_garbage() {
    let toy = Toy::new();
    let x = toy.new_object(plain());
    toy.add_ref(x, x);
    let outside = toy.new_weakref(x, true);
    let inside = toy.new_weakref(x, true);
    toy.add_ref(x, inside); // the second weak reference is part of the garbage
    let silent = toy.new_weakref(x, false);
    toy.drop_handle(0); // x
    toy.drop_handle(1); // inside
    assert_eq!(toy.collect(2), collected(2, 0));
    assert!(!toy.alive(x) && !toy.alive(inside));
    assert!(toy.alive(outside) && toy.alive(silent));
    let callbacks: Vec<_> = toy
        .events
        .borrow()
        .iter()
        .filter(|e| matches!(e, Event::Callback(_)))
        .copied()
        .collect();
    assert_eq!(callbacks, [Event::Callback(outside)]);
    for w in [outside, silent] {
        assert_eq!(toy.slots.borrow()[w].weak.unwrap().target, None);
    }
    toy.check_refcounts(&[]);
    toy.gc.check_invariants().unwrap();
}

#[test]
fn atomic_objects_are_untracked_and_tracked_again_when_they_gain_a_reference() {
    let toy = Toy::new();
    let t = toy.new_object(Spec {
        atomic: true,
        ..Spec::default()
    });
    let holder = toy.new_object(plain());
    toy.add_ref(holder, t);
    toy.collect(0);
    // SAFETY: `t` is alive.
    assert!(!unsafe { toy.gc.is_tracked(toy.obj(t)) });
    toy.add_ref(t, holder);
    // SAFETY: as above.
    assert!(unsafe { toy.gc.is_tracked(toy.obj(t)) });
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(2, 0));
    assert!(toy.live_ids().is_empty());
}

#[test]
fn immortal_objects_move_to_the_permanent_generation() {
    let toy = Toy::new();
    let i = toy.new_object(Spec {
        immortal: true,
        ..Spec::default()
    });
    toy.add_ref(i, i);
    toy.collect(0);
    assert_eq!(toy.gc.freeze_count(), 1);
    assert!(toy.gc.objects(None).unwrap().is_empty());
    toy.gc.unfreeze();
    assert_eq!(toy.gc.objects(Some(2)).unwrap(), [toy.obj(i)]);
}

#[test]
fn freeze_moves_everything_out_of_reach_and_zeroes_the_counts() {
    let toy = Toy::new();
    let a = toy.new_object(plain());
    toy.add_ref(a, a);
    toy.gc.freeze();
    assert_eq!((toy.gc.freeze_count(), toy.gc.counts()), (1, [0, 0, 0]));
    toy.drop_all_handles();
    assert_eq!(
        toy.collect(2),
        collected(0, 0),
        "frozen objects are never collected"
    );
    toy.gc.unfreeze();
    assert_eq!(toy.collect(2), collected(1, 0));
}

#[test]
fn counts_thresholds_and_automatic_collections() {
    let toy = Toy::new();
    toy.auto_collect.set(true);
    for _ in 0..700 {
        let a = toy.new_object(plain());
        toy.add_ref(a, a);
        toy.drop_handle(0);
    }
    assert_eq!(toy.gc.counts(), [700, 0, 0]);
    assert_eq!(toy.gc.stats()[0].collections, 0);
    let last = toy.new_object(plain()); // the 701st allocation collects generation 0
    assert_eq!(
        toy.gc.stats()[0],
        GenerationStats {
            collections: 1,
            collected: 700,
            uncollectable: 0
        }
    );
    assert!(toy.alive(last));
    // 700 frees after the collection zeroed the count leave it at 0; gen 1 counted one.
    assert_eq!(toy.gc.counts(), [0, 1, 0]);
    toy.collect(1);
    assert_eq!(toy.gc.counts(), [0, 0, 1]);
    toy.collect(2);
    assert_eq!(toy.gc.counts(), [0, 0, 0]);
    toy.gc.set_enabled(false);
    for _ in 0..800 {
        toy.new_object(plain());
    }
    assert_eq!(
        toy.gc.stats()[0].collections,
        1,
        "disabled: counts advance, nothing runs"
    );
    assert_eq!(toy.gc.counts()[0], 800);
}

#[test]
fn collect_rejects_bad_generations_and_does_nothing_while_collecting() {
    let toy = Toy::new();
    // SAFETY: every object tracked by `toy.gc` belongs to `toy`.
    let bad = unsafe { toy.gc.collect(&toy, 3) };
    assert_eq!(bad, Err(GcError::InvalidGeneration));
    assert_eq!(toy.gc.objects(Some(3)), Err(GcError::InvalidGeneration));
    toy.reenter.set(true);
    let a = toy.new_object(plain());
    toy.add_ref(a, a);
    toy.drop_all_handles();
    assert_eq!(toy.collect(2), collected(1, 0));
    assert_eq!(*toy.nested_results.borrow(), [collected(0, 0); 2]);
    assert!(!toy.gc.is_collecting());
}
