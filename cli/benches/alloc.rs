//! Criterion version of the core allocator comparisons (`cargo bench -p pyrt-cli --bench alloc`):
//! an alloc+free pair on a warm heap and a LIFO batch, mixed sizes, pyrt against glibc and
//! mimalloc. `pyrt bench alloc` runs the full side-by-side table.

use std::hint::black_box;
use std::ptr::NonNull;

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt_cli::bench::competitors::{Competitor, Glibc, Mimalloc, Pyrt};
use pyrt_cli::bench::measure::Rng;

fn mixed_sizes(n: usize) -> Vec<usize> {
    let mut rng = Rng::new(0x5eed);
    (0..n).map(|_| 1 + rng.below(512)).collect()
}

fn pair<C: Competitor>(c: &mut C, sizes: &[usize]) {
    for &n in sizes {
        let p = c.alloc(n);
        black_box(p);
        // SAFETY: just allocated by `c`.
        unsafe { c.free(p) };
    }
}

fn lifo<C: Competitor>(c: &mut C, sizes: &[usize], ptrs: &mut Vec<NonNull<u8>>) {
    ptrs.extend(sizes.iter().map(|&n| c.alloc(n)));
    while let Some(p) = ptrs.pop() {
        // SAFETY: allocated by `c` above, freed once.
        unsafe { c.free(p) };
    }
}

fn group<C: Competitor + Default>(crit: &mut Criterion, sizes: &[usize]) {
    let mut c = C::default();
    let live: Vec<_> = sizes.iter().map(|&n| c.alloc(n)).collect();
    let mut ptrs = Vec::with_capacity(sizes.len());
    crit.bench_function(&format!("pair/mixed/{}", C::NAME), |b| {
        b.iter(|| pair(&mut c, sizes))
    });
    crit.bench_function(&format!("lifo/mixed/{}", C::NAME), |b| {
        b.iter(|| lifo(&mut c, sizes, &mut ptrs))
    });
    for p in live {
        // SAFETY: allocated by `c` above, freed once.
        unsafe { c.free(p) };
    }
}

fn benches(crit: &mut Criterion) {
    let sizes = mixed_sizes(1000);
    group::<Pyrt>(crit, &sizes);
    group::<Glibc>(crit, &sizes);
    group::<Mimalloc>(crit, &sizes);
}

criterion_group!(alloc, benches);
criterion_main!(alloc);
