//! The lines `gc.set_debug`'s flags make a collection print (`gc_collect_main`'s
//! `DEBUG_STATS` report, `show_stats_each_generations` and `debug_cycle` in
//! `Modules/gcmodule.c`), written through [`GcObjects::debug_write`].

use std::time::Instant;

use crate::collector::Collector;
use crate::contract::{GcObjects, ObjRef};
use crate::generations::NUM_GENERATIONS;

/// `DEBUG_STATS` at the start of a collection: the generation, the objects in each generation
/// and in the permanent one. Returns the start time for [`done`].
pub(super) fn start<O: GcObjects + ?Sized>(
    objects: &O,
    c: &Collector,
    generation: usize,
) -> Instant {
    let sizes: Vec<String> = (0..NUM_GENERATIONS)
        .map(|g| c.gens.list(g).len().to_string())
        .collect();
    objects.debug_write(&format!(
        "gc: collecting generation {generation}...\n\
         gc: objects in each generation: {}\n\
         gc: objects in permanent generation: {}\n",
        sizes.join(" "),
        c.gens.permanent.len()
    ));
    Instant::now()
}

/// `debug_cycle`: one line per object, `gc: collectable <list 0x7f...>`.
pub(super) fn cycle<O: GcObjects + ?Sized>(objects: &O, what: &str, members: &[ObjRef]) {
    for &obj in members {
        let line = format!(
            "gc: {what} <{} {:#x}>\n",
            objects.type_name(obj),
            obj.as_ptr().as_ptr() as usize
        );
        objects.debug_write(&line);
    }
}

/// `DEBUG_STATS` at the end: unreachable (collected plus uncollectable) and uncollectable
/// objects, and the seconds the collection took.
pub(super) fn done<O: GcObjects + ?Sized>(
    objects: &O,
    unreachable: usize,
    uncollectable: usize,
    started: Instant,
) {
    objects.debug_write(&format!(
        "gc: done, {unreachable} unreachable, {uncollectable} uncollectable, {:.4}s elapsed\n",
        started.elapsed().as_secs_f64()
    ));
}
