//! `pyrt bench alloc`: pyrt's pymalloc side by side with glibc malloc, mimalloc and bumpalo, in
//! one process, reported as ratios.
//!
//! Workloads, each per size class (the class's block size) and for mixed sizes (uniform over
//! 1..=512 bytes, the same seeded sequence for every allocator):
//! * `pair`: allocate one block and free it at once, over and over (ns per pair), while a
//!   batch of blocks of the same sizes stays live, as objects do in a running program;
//! * `pair-empty`: the same on an empty heap. Each free then empties its pool, which pymalloc
//!   (like CPython's) hands back to its arena and takes again at the next allocation;
//! * `alloc`: warm batches of allocations with nothing freed in between (ns per allocation;
//!   frees happen outside the timed part); bumpalo is the floor here;
//! * `lifo`: a batch of allocations freed in reverse order (ns per allocation + free);
//! * `random`: with 100,000 blocks live, free a random one and allocate its replacement (ns per
//!   free + allocation).
//!
//! and `rss/32B`: resident bytes per live block with 10 million 32-byte blocks (the `_ns`
//! columns of that row hold bytes per block).
//!
//! Trials of pyrt and each baseline are interleaved and the median is reported, which keeps
//! drift of a shared machine out of the ratios.

use core::hint::black_box;
use core::ptr::NonNull;

use pyrt_allocator::SizeClass;

use super::competitors::{Bump, Competitor, Glibc, Mimalloc, Pyrt};
use super::measure::{Rng, Row, median, time_per_op};

/// How much work each measurement does.
#[derive(Debug, Clone, Copy)]
pub struct AllocBenchConfig {
    /// Interleaved trials per measurement (the median is kept).
    pub trials: usize,
    /// Allocations per batch (`alloc`, `lifo`).
    pub batch: usize,
    /// Batches per trial.
    pub rounds: usize,
    /// Pairs per trial (`pair`).
    pub pairs: usize,
    /// Live blocks (`random`).
    pub live: usize,
    /// Free + allocate steps per trial (`random`).
    pub churn: usize,
    /// Live 32-byte blocks for the memory row.
    pub memory_blocks: usize,
    /// Whether to run every size class or only mixed sizes.
    pub per_class: bool,
}

impl AllocBenchConfig {
    /// The full benchmark that the README reports (about half a minute).
    pub fn full() -> Self {
        AllocBenchConfig {
            trials: 7,
            batch: 1000,
            rounds: 40,
            pairs: 200_000,
            live: 100_000,
            churn: 200_000,
            memory_blocks: 10_000_000,
            per_class: true,
        }
    }

    /// A seconds-long smoke run with the same rows.
    pub fn quick() -> Self {
        AllocBenchConfig {
            trials: 3,
            batch: 200,
            rounds: 4,
            pairs: 5_000,
            live: 5_000,
            churn: 5_000,
            memory_blocks: 200_000,
            per_class: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Workload {
    Pair,
    PairEmpty,
    Alloc,
    Lifo,
    Random,
}

impl Workload {
    const ALL: [Workload; 5] = [
        Workload::Pair,
        Workload::PairEmpty,
        Workload::Alloc,
        Workload::Lifo,
        Workload::Random,
    ];

    fn name(self) -> &'static str {
        match self {
            Workload::Pair => "pair",
            Workload::PairEmpty => "pair-empty",
            Workload::Alloc => "alloc",
            Workload::Lifo => "lifo",
            Workload::Random => "random",
        }
    }
}

/// Inputs shared by every allocator for one (workload, sizes) measurement.
struct Inputs {
    sizes: Vec<usize>,
    victims: Vec<usize>,
}

fn pair<C: Competitor>(c: &mut C, cfg: &AllocBenchConfig, sizes: &[usize]) -> f64 {
    time_per_op(cfg.pairs, || {
        for k in 0..cfg.pairs {
            let p = c.alloc(sizes[k % sizes.len()]);
            black_box(p);
            // SAFETY: just allocated by `c`.
            unsafe { c.free(p) };
        }
    })
}

fn release_all<C: Competitor>(c: &mut C, ptrs: &mut Vec<NonNull<u8>>) {
    if C::FREES {
        for p in ptrs.drain(..) {
            // SAFETY: each pointer came from `c` and is freed once.
            unsafe { c.free(p) };
        }
    } else {
        ptrs.clear();
        c.reset();
    }
}

fn alloc_batches<C: Competitor>(
    c: &mut C,
    cfg: &AllocBenchConfig,
    sizes: &[usize],
    ptrs: &mut Vec<NonNull<u8>>,
) -> f64 {
    let mut total = 0.0;
    for _ in 0..cfg.rounds {
        total += time_per_op(cfg.batch, || {
            for &n in &sizes[..cfg.batch] {
                ptrs.push(c.alloc(n));
            }
        });
        release_all(c, ptrs);
    }
    total / cfg.rounds as f64
}

fn lifo_batches<C: Competitor>(
    c: &mut C,
    cfg: &AllocBenchConfig,
    sizes: &[usize],
    ptrs: &mut Vec<NonNull<u8>>,
) -> f64 {
    time_per_op(cfg.batch * cfg.rounds, || {
        for _ in 0..cfg.rounds {
            for &n in &sizes[..cfg.batch] {
                ptrs.push(c.alloc(n));
            }
            while let Some(p) = ptrs.pop() {
                // SAFETY: came from `c`, freed once.
                unsafe { c.free(p) };
            }
        }
    })
}

fn random_churn<C: Competitor>(
    c: &mut C,
    cfg: &AllocBenchConfig,
    inputs: &Inputs,
    ptrs: &mut Vec<NonNull<u8>>,
) -> f64 {
    let sizes = &inputs.sizes;
    ptrs.extend((0..cfg.live).map(|i| c.alloc(sizes[i % sizes.len()])));
    let ns = time_per_op(cfg.churn, || {
        for &i in &inputs.victims {
            // SAFETY: slot `i` holds a live block of `c`, replaced right after.
            unsafe { c.free(ptrs[i]) };
            ptrs[i] = c.alloc(sizes[i % sizes.len()]);
        }
    });
    release_all(c, ptrs);
    ns
}

fn run<C: Competitor>(
    c: &mut C,
    w: Workload,
    cfg: &AllocBenchConfig,
    inputs: &Inputs,
    ptrs: &mut Vec<NonNull<u8>>,
) -> f64 {
    match w {
        Workload::Pair => {
            ptrs.extend(inputs.sizes[..cfg.batch].iter().map(|&n| c.alloc(n)));
            let ns = pair(c, cfg, &inputs.sizes);
            release_all(c, ptrs);
            ns
        }
        Workload::PairEmpty => pair(c, cfg, &inputs.sizes),
        Workload::Alloc => alloc_batches(c, cfg, &inputs.sizes, ptrs),
        Workload::Lifo => lifo_batches(c, cfg, &inputs.sizes, ptrs),
        Workload::Random => random_churn(c, cfg, inputs, ptrs),
    }
}

/// The allocators, kept warm across measurements as a long-running program's would be.
#[derive(Default)]
struct Competitors {
    pyrt: Pyrt,
    glibc: Glibc,
    mimalloc: Mimalloc,
    bump: Bump,
}

fn measure(
    comps: &mut Competitors,
    w: Workload,
    label: &str,
    cfg: &AllocBenchConfig,
    inputs: &Inputs,
) -> Vec<Row> {
    let mut ptrs = Vec::with_capacity(cfg.live.max(cfg.batch));
    let with_bump = w == Workload::Alloc;
    // One untimed warm-up each, then interleaved trials.
    let (mut p, mut g, mut m, mut b) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for trial in 0..=cfg.trials {
        let tp = run(&mut comps.pyrt, w, cfg, inputs, &mut ptrs);
        let tg = run(&mut comps.glibc, w, cfg, inputs, &mut ptrs);
        let tm = run(&mut comps.mimalloc, w, cfg, inputs, &mut ptrs);
        let tb = if with_bump {
            run(&mut comps.bump, w, cfg, inputs, &mut ptrs)
        } else {
            0.0
        };
        if trial > 0 {
            p.push(tp);
            g.push(tg);
            m.push(tm);
            b.push(tb);
        }
    }
    let bench = format!("{}/{label}", w.name());
    let pyrt = median(p);
    let mut rows = vec![
        Row {
            bench: bench.clone(),
            pyrt_ns: pyrt,
            baseline: Glibc::NAME.into(),
            baseline_ns: median(g),
        },
        Row {
            bench: bench.clone(),
            pyrt_ns: pyrt,
            baseline: Mimalloc::NAME.into(),
            baseline_ns: median(m),
        },
    ];
    if with_bump {
        rows.push(Row {
            bench,
            pyrt_ns: pyrt,
            baseline: Bump::NAME.into(),
            baseline_ns: median(b),
        });
    }
    rows
}

/// Request sizes for a label: a class's block size, or mixed sizes from 1 to 512.
fn sizes_for(class: Option<SizeClass>, len: usize) -> Vec<usize> {
    let mut rng = Rng::new(0x5eed);
    (0..len)
        .map(|_| class.map_or_else(|| 1 + rng.below(512), SizeClass::block_size))
        .collect()
}

/// Resident set size of this process in bytes (Linux `/proc/self/statm`).
fn resident_bytes() -> usize {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap_or_default();
    let pages: usize = statm
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    pages * unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize
}

fn bytes_per_block<C: Competitor>(c: &mut C, n: usize, ptrs: &mut Vec<NonNull<u8>>) -> f64 {
    ptrs.clear();
    let before = resident_bytes();
    for _ in 0..n {
        let p = c.alloc(32);
        // SAFETY: a fresh block of 32 bytes: write to it as a program would.
        unsafe { p.as_ptr().write_bytes(0x5a, 32) };
        ptrs.push(p);
    }
    let grown = resident_bytes().saturating_sub(before);
    release_all(c, ptrs);
    c.trim();
    grown as f64 / n as f64
}

/// Resident bytes per live 32-byte block, pyrt against each baseline, each allocator fresh.
fn memory_rows(cfg: &AllocBenchConfig) -> Vec<Row> {
    let n = cfg.memory_blocks;
    let mut ptrs: Vec<NonNull<u8>> = vec![NonNull::dangling(); n];
    ptrs.clear(); // keep the touched capacity so the vector is not counted
    let pyrt = bytes_per_block(&mut Pyrt::default(), n, &mut ptrs);
    let bump = bytes_per_block(&mut Bump::default(), n, &mut ptrs);
    let mimalloc = bytes_per_block(&mut Mimalloc, n, &mut ptrs);
    let glibc = bytes_per_block(&mut Glibc, n, &mut ptrs);
    let bench = format!("rss/32B x {}", n);
    [
        (Glibc::NAME, glibc),
        (Mimalloc::NAME, mimalloc),
        (Bump::NAME, bump),
    ]
    .into_iter()
    .map(|(name, value)| Row {
        bench: bench.clone(),
        pyrt_ns: pyrt,
        baseline: name.into(),
        baseline_ns: value,
    })
    .collect()
}

/// Runs the whole benchmark; `progress` is told each row group as it finishes.
pub fn run_alloc_bench(cfg: &AllocBenchConfig, mut progress: impl FnMut(&[Row])) -> Vec<Row> {
    // Memory first, while no allocator has pages cached from the timing runs.
    let mut rows = memory_rows(cfg);
    progress(&rows);
    let mut comps = Competitors::default();
    let mut labels: Vec<(String, Option<SizeClass>)> = vec![("mixed".into(), None)];
    if cfg.per_class {
        labels.extend(SizeClass::all().map(|c| (format!("{}B", c.block_size()), Some(c))));
    }
    let mut rng = Rng::new(0xc0ffee);
    let victims: Vec<usize> = (0..cfg.churn).map(|_| rng.below(cfg.live)).collect();
    for (label, class) in &labels {
        let inputs = Inputs {
            sizes: sizes_for(*class, cfg.live.max(cfg.batch)),
            victims: victims.clone(),
        };
        for w in Workload::ALL {
            let group = measure(&mut comps, w, label, cfg, &inputs);
            progress(&group);
            rows.extend(group);
        }
    }
    rows
}

/// The targets of the allocator issue, checked on the mixed-size rows and the memory row:
/// `(description, met)`.
pub fn targets(rows: &[Row]) -> Vec<(String, bool)> {
    let find = |bench: &str, baseline: &str| {
        rows.iter()
            .find(|r| r.bench == bench && r.baseline == baseline)
    };
    let mut out = Vec::new();
    for (bench, limit) in [
        ("lifo/mixed", 0.5),
        ("random/mixed", 0.8),
        ("pair/mixed", 1.0),
    ] {
        if let Some(r) = find(bench, "glibc") {
            out.push((
                format!("{bench}: {:.2}x glibc (target <= {limit:.2}x)", r.ratio()),
                r.ratio() <= limit,
            ));
        }
    }
    if let Some(r) = rows
        .iter()
        .find(|r| r.bench.starts_with("rss/32B") && r.baseline == "glibc")
    {
        out.push((
            format!(
                "{}: {:.2} bytes per block (target <= 32.2; glibc {:.2})",
                r.bench, r.pyrt_ns, r.baseline_ns
            ),
            r.pyrt_ns <= 32.2,
        ));
    }
    out
}
