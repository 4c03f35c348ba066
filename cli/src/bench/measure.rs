//! Timing and reporting shared by the benchmarks: interleaved trials, medians, and the rows that
//! `pyrt bench` prints as a table or as JSON lines.

use std::fmt::Write as _;
use std::time::Instant;

/// One comparison: pyrt against one baseline on one workload.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The workload, e.g. `lifo/mixed`.
    pub bench: String,
    /// pyrt's figure: nanoseconds per operation (or bytes per block for memory rows).
    pub pyrt_ns: f64,
    /// The baseline's name.
    pub baseline: String,
    /// The baseline's figure, in the same unit.
    pub baseline_ns: f64,
}

impl Row {
    /// `pyrt / baseline`: below 1 means pyrt is faster (or smaller).
    pub fn ratio(&self) -> f64 {
        self.pyrt_ns / self.baseline_ns
    }

    /// The row as one JSON object with the keys `bench`, `pyrt_ns`, `baseline`, `baseline_ns`
    /// and `ratio`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "bench": self.bench,
            "pyrt_ns": round(self.pyrt_ns),
            "baseline": self.baseline,
            "baseline_ns": round(self.baseline_ns),
            "ratio": round(self.ratio()),
        })
        .to_string()
    }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// A figure with two decimals, or `-` when it is missing (NaN).
fn figure(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.2}")
    } else {
        "-".to_string()
    }
}

/// Renders rows as an aligned text table; a missing baseline figure (NaN) and its ratio show
/// as `-`.
pub fn table(rows: &[Row]) -> String {
    let width = rows.iter().map(|r| r.bench.len()).max().unwrap_or(5).max(5);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<width$}  {:>10}  {:<9}  {:>11}  {:>6}",
        "bench", "pyrt", "baseline", "baseline", "ratio"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:<width$}  {:>10}  {:<9}  {:>11}  {:>6}",
            r.bench,
            figure(r.pyrt_ns),
            r.baseline,
            figure(r.baseline_ns),
            if r.ratio().is_finite() {
                format!("{:.2}x", r.ratio())
            } else {
                "-".to_string()
            }
        );
    }
    out
}

/// Runs `f` (which performs `ops` operations) and returns nanoseconds per operation.
pub fn time_per_op(ops: usize, f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    start.elapsed().as_nanos() as f64 / ops as f64
}

/// The median of a non-empty sample.
pub fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

/// A small deterministic generator (xorshift64*), so every allocator sees the same sequence.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a non-zero seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_rows_have_exactly_the_documented_keys() {
        let row = Row {
            bench: "pair/mixed".into(),
            pyrt_ns: 5.0,
            baseline: "glibc".into(),
            baseline_ns: 10.0,
        };
        let v: serde_json::Value = serde_json::from_str(&row.to_json()).unwrap();
        let mut keys: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        assert_eq!(
            keys,
            ["baseline", "baseline_ns", "bench", "pyrt_ns", "ratio"]
        );
        assert_eq!(v["ratio"], 0.5);
    }

    #[test]
    fn table_shows_missing_baselines_as_dashes() {
        let row = |baseline_ns| Row {
            bench: "alive/slots x 1000".into(),
            pyrt_ns: 50.0,
            baseline: "cpython".into(),
            baseline_ns,
        };
        let text = table(&[row(100.0), row(f64::NAN)]);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[1].ends_with("  50.00  cpython         100.00   0.50x"));
        assert!(lines[2].ends_with("  50.00  cpython              -       -"));
    }

    #[test]
    fn median_and_rng_behave() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
        let mut rng = Rng::new(7);
        assert!((0..1000).all(|_| rng.below(10) < 10));
    }
}
