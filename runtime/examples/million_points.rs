//! The memory of a million 3-D points `(x, y, z)` of floats, stored five ways: a dict per point,
//! an instance of a plain class, of a `__slots__` class, a namedtuple, and a `recordclass`-like
//! record without a GC header.
//!
//! Each kind is built into a preallocated list while the allocator traces, as `tracemalloc`
//! does in CPython, so the bytes per point are the point itself, whatever it owns (a plain
//! instance's values array) and its three floats (24 bytes each). CPython 3.12.1 measures dict
//! 256, class 160, `__slots__` 128 and namedtuple 144 bytes per point the same way; the
//! integration test `objects_records` checks pyrt against those numbers.
//!
//! Run with `cargo run --release -p pyrt --example million_points [N]`.

use pyrt::{Bound, PyAny, Python, Runtime};

const FIELDS: [&str; 3] = ["x", "y", "z"];

/// Bytes traced while `n` points made by `make` fill a preallocated list, and the
/// `sys.getsizeof` of the last point.
fn measure<'py>(
    py: Python<'py>,
    n: usize,
    make: &dyn Fn([Bound<'py, PyAny>; 3]) -> Bound<'py, PyAny>,
) -> (usize, usize) {
    let points = py.list((0..n).map(|_| py.none())).unwrap();
    py.tracemalloc_start();
    let mut last = 0;
    for i in 0..n {
        let f = i as f64;
        let fields = [f, f + 0.5, f + 0.25].map(|v| py.float(v).unwrap().into_any());
        let point = make(fields);
        last = point.getsizeof();
        points.set_item(i as isize, &point).unwrap();
    }
    let (traced, _) = py.get_traced_memory();
    py.tracemalloc_stop();
    (traced, last)
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    Runtime::new().with(|py| report(py, n));
}

/// A point maker: the three fields in, the point out.
type Maker<'a, 'py> = &'a dyn Fn([Bound<'py, PyAny>; 3]) -> Bound<'py, PyAny>;

fn report<'py>(py: Python<'py>, n: usize) {
    let plain = py.class("PointClass").unwrap();
    let slotted = py.slots_class("PointSlots", &FIELDS).unwrap();
    let named = py.namedtuple("PointTuple", &FIELDS).unwrap();
    let record = py.record_class("PointRecord", &FIELDS).unwrap();
    let set_fields = |p: Bound<'py, PyAny>, fields: [Bound<'py, PyAny>; 3]| {
        for (name, v) in FIELDS.iter().zip(fields) {
            p.setattr(name, &v).unwrap();
        }
        p
    };
    let dict = |f: [Bound<'py, PyAny>; 3]| {
        let pairs = FIELDS.iter().zip(f).map(|(k, v)| (py.str(k).unwrap(), v));
        py.dict_from_pairs(pairs).unwrap().into_any()
    };
    let class = |f| set_fields(plain.call0().unwrap(), f);
    let slots = |f| set_fields(slotted.call0().unwrap(), f);
    let namedtuple = |f: [Bound<'py, PyAny>; 3]| named.call(f).unwrap();
    let rec = |f: [Bound<'py, PyAny>; 3]| record.call(f).unwrap();
    let kinds: [(&str, Option<usize>, Maker<'_, 'py>); 5] = [
        ("dict", Some(256), &dict),
        ("class", Some(160), &class),
        ("__slots__", Some(128), &slots),
        ("namedtuple", Some(144), &namedtuple),
        ("record", None, &rec),
    ];
    println!("{n} points (x, y, z) of floats, traced as tracemalloc does:\n");
    println!(
        "{:<12} {:>10} {:>16} {:>12} {:>18}",
        "kind", "getsizeof", "bytes per point", "total MB", "CPython 3.12.1"
    );
    for (name, cpython, make) in kinds {
        let (traced, size) = measure(py, n, make);
        let per_point = traced as f64 / n as f64;
        let reference = cpython.map_or("(no recordclass)".to_string(), |b| format!("{b}"));
        println!(
            "{name:<12} {size:>10} {per_point:>16.1} {:>12.1} {reference:>18}",
            traced as f64 / 1e6
        );
    }
    println!("\nThe list itself adds 8 bytes per point; each float is 24 of them.");
}
