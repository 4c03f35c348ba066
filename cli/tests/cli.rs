//! The `pyrt` command end to end: help, version, usage errors, the demo list and transcript and
//! the collector's demos one by one (insta), and the shape of `pyrt bench alloc --json`.

use std::process::Command;

fn pyrt(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(args)
        .output()
        .expect("the pyrt binary runs")
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

/// The output of `pyrt demo`, run once for the tests that need it (it is the slowest command
/// here: the slots demo makes a million instances).
fn full_demo() -> &'static str {
    static OUT: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    OUT.get_or_init(|| {
        let out = pyrt(&["demo"]);
        assert!(out.status.success(), "pyrt demo succeeds");
        stdout(&out)
    })
}

#[test]
fn version_names_the_cpython_it_mirrors() {
    let out = pyrt(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out),
        format!(
            "pyrt {} (mirrors CPython 3.12.1, 64-bit)\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

#[test]
fn help_lists_the_commands() {
    let out = pyrt(&["--help"]);
    assert!(out.status.success());
    let text = stdout(&out);
    for word in ["demo", "bench", "--version"] {
        assert!(text.contains(word), "help mentions {word}:\n{text}");
    }
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(pyrt(&["no-such-command"]).status.code(), Some(2));
    assert_eq!(pyrt(&[]).status.code(), Some(2));
    let out = pyrt(&["demo", "no-such-demo"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no demo named 'no-such-demo'"));
}

#[test]
fn demo_list_has_a_line_per_demo() {
    let out = pyrt(&["demo", "--list"]);
    assert!(out.status.success());
    insta::assert_snapshot!(stdout(&out));
}

/// The collector's demos one by one: `pyrt demo NAME` prints the demo alone, as it appears in
/// the full transcript (each demo runs in a fresh runtime, so none depends on another's state).
#[test]
fn each_gc_demo_runs_alone() {
    let all = full_demo();
    for name in ["cycles", "finalizers", "generations"] {
        let out = pyrt(&["demo", name]);
        assert!(out.status.success(), "{name}");
        let text = stdout(&out);
        assert!(all.contains(&text), "{name}: the same as in `pyrt demo`");
        insta::assert_snapshot!(format!("demo_{name}"), text);
    }
}

/// The demos of issue 15 one by one (their scripts' output is compared with CPython's in
/// `demos_vs_cpython.rs`).
#[test]
fn each_memory_demo_runs_alone() {
    let all = full_demo();
    for name in ["tracemalloc", "pymalloc-layers"] {
        let out = pyrt(&["demo", name]);
        assert!(out.status.success(), "{name}");
        let text = stdout(&out);
        assert!(all.contains(&text), "{name}: the same as in `pyrt demo`");
        insta::assert_snapshot!(format!("demo_{name}"), text);
    }
}

#[test]
fn demo_output_is_stable() {
    insta::assert_snapshot!("demo_output_is_stable", full_demo());
}

#[test]
fn bench_alloc_json_rows_have_the_documented_keys() {
    let out = pyrt(&["bench", "alloc", "--json", "--quick", "--mixed-only"]);
    assert!(out.status.success());
    let text = stdout(&out);
    let rows: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect();
    let benches: Vec<&str> = rows.iter().map(|r| r["bench"].as_str().unwrap()).collect();
    for expected in [
        "pair/mixed",
        "pair-empty/mixed",
        "alloc/mixed",
        "lifo/mixed",
        "random/mixed",
        "rss/32B x 200000",
    ] {
        assert!(benches.contains(&expected), "row {expected} in {benches:?}");
    }
    for row in &rows {
        let obj = row.as_object().unwrap();
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["baseline", "baseline_ns", "bench", "pyrt_ns", "ratio"]
        );
        let (p, b, r) = (
            row["pyrt_ns"].as_f64().unwrap(),
            row["baseline_ns"].as_f64().unwrap(),
            row["ratio"].as_f64().unwrap(),
        );
        assert!(p > 0.0 && b > 0.0, "positive figures in {row}");
        assert!(
            (r - p / b).abs() <= 0.002 + 0.001 * r,
            "ratio is pyrt/baseline in {row}"
        );
        assert!(["glibc", "mimalloc", "bumpalo"].contains(&row["baseline"].as_str().unwrap()));
    }
}
