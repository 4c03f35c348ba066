//! A list that contains itself: `l = []; l.append(l)`.
//!
//! Reference counting alone cannot free it: the list holds a reference to itself, so its count
//! never reaches zero when the last outside reference goes. This example shows the count, the
//! `[[...]]` repr, and the memory that stays allocated until the cycle is broken by hand — the
//! job the cycle collector (`gc.collect()`) will take over.
//!
//! Run with `cargo run -p pyrt --example self_referencing_list`.

use pyrt::{Bound, Runtime};

fn main() {
    Runtime::new().with(|py| {
        let blocks = || py.malloc_stats().allocated_blocks();
        let before = blocks();
        let l = py.list(Vec::<Bound<'_>>::new()).unwrap();
        l.append(&l).unwrap();
        println!("l = []; l.append(l)");
        println!("repr(l)               -> {}", l.repr().unwrap());
        println!("sys.getrefcount(l)    -> {}", py.getrefcount(&l));
        println!("sys.getsizeof(l)      -> {}", l.getsizeof());
        println!("l[0] is l             -> {}", l.get_item(0).unwrap().is(&l));
        println!(
            "blocks in use         -> {} (the list and its item array)",
            blocks() - before
        );

        let keep = l.get_item(0).unwrap();
        drop(l);
        println!("\nafter `del l` the list is unreachable but still holds itself:");
        println!(
            "refcount              -> {} (its own item, plus this example's handle)",
            keep.refcnt()
        );
        println!("blocks in use         -> {}", blocks() - before);

        let l = keep.cast::<pyrt::PyList>().unwrap().clone();
        drop(keep);
        l.clear();
        drop(l);
        py.clear_freelists();
        println!("\nafter breaking the cycle by hand (l.clear()) and dropping it:");
        println!("blocks in use         -> {}", blocks() - before);
    });
}
