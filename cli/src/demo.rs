//! The demos that `pyrt demo` runs: Python-subset scripts embedded in the binary (shown with
//! their source, then what they print when pyrt runs them), and one that drives the allocator
//! directly with the block sizes of common CPython objects and prints what
//! `sys._debugmallocstats()` would.

use std::fmt::Write as _;
use std::ptr::NonNull;

use pyrt_allocator::{Allocator, Config, PlacedArenas};
use pyrt_interp::RunScripts as _;

/// A built-in demo.
#[derive(Debug, Clone, Copy)]
pub struct Demo {
    /// The name `pyrt demo NAME` takes.
    pub name: &'static str,
    /// One line saying what it shows.
    pub summary: &'static str,
    body: Body,
}

#[derive(Debug, Clone, Copy)]
enum Body {
    /// A script run by pyrt's interpreter.
    Script(&'static str),
    /// Rust code.
    Native(fn() -> String),
}

impl Demo {
    /// Runs the demo and returns what it prints: a script's source, then its output.
    pub fn run(&self) -> String {
        match self.body {
            Body::Native(f) => f(),
            Body::Script(source) => script_transcript(self.name, source),
        }
    }
}

/// A script run by a fresh runtime as `NAME.py`: its source, indented, then what it prints.
fn script_transcript(name: &str, source: &str) -> String {
    let file = format!("{name}.py");
    let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture(&file, source));
    let mut text = String::new();
    for line in source.lines() {
        let _ = writeln!(text, "    {line}");
    }
    let _ = writeln!(text, "\n  prints:\n");
    for line in out.lines() {
        let _ = writeln!(text, "    {line}");
    }
    if let Some(err) = err {
        text.push_str(&err);
    }
    text
}

/// Every demo, in the order `pyrt demo` runs them.
pub const DEMOS: &[Demo] = &[
    Demo {
        name: "sizes",
        summary: "the size of every built-in type, as sys.getsizeof reports it",
        body: Body::Script(include_str!("demos/sizes.py")),
    },
    Demo {
        name: "identity",
        summary: "small ints, shared constants, interned strings and refcounts",
        body: Body::Script(include_str!("demos/identity.py")),
    },
    Demo {
        name: "slots",
        summary: "__slots__ against __dict__, for one instance and for a million",
        body: Body::Script(include_str!("demos/slots.py")),
    },
    Demo {
        name: "growth",
        summary: "how list, dict and set grow as items are added",
        body: Body::Script(include_str!("demos/growth.py")),
    },
    Demo {
        name: "allocator",
        summary: "pymalloc at work: size classes, pools and arenas, and the _debugmallocstats report",
        body: Body::Native(allocator_demo),
    },
    Demo {
        name: "cycles",
        summary: "self-referencing lists that refcounting cannot free and gc.collect() can",
        body: Body::Script(include_str!("demos/cycles.py")),
    },
    Demo {
        name: "finalizers",
        summary: "a cycle of instances: its weakref callback and __del__ run in gc.collect()",
        body: Body::Script(include_str!("demos/finalizers.py")),
    },
    Demo {
        name: "generations",
        summary: "the collector's three generations filling up and collected as a loop allocates",
        body: Body::Script(include_str!("demos/generations.py")),
    },
    Demo {
        name: "recordclass",
        summary: "recordclass 0.24.1's records without a GC header, against dicts, classes and tuples",
        body: Body::Script(include_str!("demos/records.py")),
    },
    Demo {
        name: "tracemalloc",
        summary: "tracemalloc snapshots: the top lines, and compare_to finding a leak",
        body: Body::Script(include_str!("demos/tracemalloc.py")),
    },
    Demo {
        name: "pymalloc-layers",
        summary: "small, large and huge objects: pymalloc's pools, the raw allocator, mmap",
        body: Body::Native(pymalloc_layers_demo),
    },
];

/// Finds a demo by name.
pub fn find(name: &str) -> Option<&'static Demo> {
    DEMOS.iter().find(|d| d.name == name)
}

/// Objects of a small program: their size in CPython 3.12 (`sys.getsizeof`, GC header
/// included, checked against CPython 3.12.1) and how many of each the demo allocates.
const WORKLOAD: &[(&str, usize, usize)] = &[
    ("int 1", 28, 4000),
    ("float 1.0", 24, 2000),
    ("str 'spam'", 45, 2000),
    ("tuple (1, 2)", 56, 1500),
    ("list []", 56, 500),
    ("dict {}", 64, 500),
    ("instance of a plain class", 48, 1000),
    ("items of a 17-item list", 136, 300),
    ("bytes of 300", 333, 200),
];

fn allocator_demo() -> String {
    let mut out = String::new();
    // Arenas 4 KiB past a pool boundary, as mmap usually places them on Linux, so the report
    // is the same on every run.
    let mut heap = Allocator::with_config(Config::new().arena_source(PlacedArenas::new(4096)));
    let _ = writeln!(out, "Allocating the blocks of a small program's objects:");
    let mut blocks: Vec<NonNull<u8>> = Vec::new();
    for &(what, size, count) in WORKLOAD {
        for _ in 0..count {
            blocks.push(
                heap.malloc(size)
                    .expect("the demo stays far below any limit"),
            );
        }
        let class = (size - 1) / 16;
        let _ = writeln!(
            out,
            "  {count:>5} x {what:<26} {size:>4} bytes -> size class {class:>2} ({} byte blocks)",
            (class + 1) * 16
        );
    }
    let _ = writeln!(out, "\nsys._debugmallocstats() would print:\n");
    let _ = write!(out, "{}", heap.stats());
    let before = heap.stats();
    // Free every other block: pools become partly free but no arena can empty.
    let mut kept = Vec::new();
    for (i, b) in blocks.into_iter().enumerate() {
        if i % 2 == 0 {
            // SAFETY: a live block of this heap, freed once.
            unsafe { heap.free(b).expect("a live block") };
        } else {
            kept.push(b);
        }
    }
    let after = heap.stats();
    let _ = writeln!(
        out,
        "\nAfter freeing every other block: {} blocks in use (was {}), still {} arenas: \
         a pool returns to its arena only when all its blocks are free.",
        after.allocated_blocks(),
        before.allocated_blocks(),
        after.arenas_allocated_current
    );
    for b in kept {
        // SAFETY: a live block of this heap, freed once.
        unsafe { heap.free(b).expect("a live block") };
    }
    let last = heap.stats();
    let _ = writeln!(
        out,
        "After freeing the rest: {} arena kept of {} (reclaimed {}), as CPython keeps one empty arena to avoid thrashing.",
        last.arenas_allocated_current,
        last.arenas_allocated_total,
        last.arenas_reclaimed()
    );
    out
}

/// The blocks of `pyrt demo pymalloc-layers`'s script: (what, block size with the object
/// header, how many). The bytearray's own 56-byte object is a small block like the others;
/// its buffer is the huge one.
const LAYERS: &[(&str, usize, usize)] = &[
    ("small: bytes(100)", 133, 5000),
    ("large: bytes(2000)", 2033, 10),
    ("huge: the buffer of bytearray(10**8)", 100_000_001, 1),
];

/// The lines of a `sys._debugmallocstats()` report that tell the layers apart: the size-class
/// table's header and its row for `class`, the arenas in use, the bytes in allocated blocks.
fn debugmallocstats_excerpt(report: &str, class: usize) -> String {
    let row = format!("{class:>5} ");
    report
        .lines()
        .filter(|l| {
            l.starts_with("class")
                || l.starts_with("-----")
                || l.starts_with(&row)
                || l.starts_with("# arenas allocated current")
                || l.starts_with("# bytes in allocated blocks")
        })
        .map(|l| format!("      {l}\n"))
        .collect()
}

/// `pyrt demo pymalloc-layers`: the script (what `sys.getallocatedblocks()` sees of each
/// layer, as CPython 3.12.1 prints it), then the same blocks taken from a fresh allocator
/// directly, with the excerpts of `sys._debugmallocstats()` that show where each went.
fn pymalloc_layers_demo() -> String {
    let mut out = script_transcript("pymalloc_layers", include_str!("demos/pymalloc_layers.py"));
    let _ = writeln!(
        out,
        "\nThe same blocks from a fresh allocator, with sys._debugmallocstats() after each kind:"
    );
    let mut heap = Allocator::with_config(Config::new().arena_source(PlacedArenas::new(4096)));
    let mut blocks: Vec<NonNull<u8>> = Vec::new();
    for &(what, size, count) in LAYERS {
        for _ in 0..count {
            blocks.push(heap.malloc(size).expect("the demo's blocks fit in memory"));
        }
        let stats = heap.stats();
        let _ = writeln!(
            out,
            "\n  {count} x {what}, {size}-byte blocks: {} blocks allocated, {} bytes from the system",
            stats.allocated_blocks(),
            stats.memory_in_use()
        );
        // The size class of the small blocks: the row to show.
        let small_class = (LAYERS[0].1 - 1) / 16;
        out.push_str(&debugmallocstats_excerpt(&stats.to_string(), small_class));
    }
    let _ = writeln!(
        out,
        "\n  Only the small blocks appear in the size-class table and the arena; the large and\n  huge ones are counted by sys.getallocatedblocks() and go straight to malloc."
    );
    for b in blocks {
        // SAFETY: a live block of this heap, freed once.
        unsafe { heap.free(b).expect("a live block") };
    }
    out
}
