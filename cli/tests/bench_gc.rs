//! `pyrt bench gc` end to end, in its quick mode: the JSON rows with the keys of `pyrt bench
//! alloc --json` (against the CPython of the cross-checks, see `pyrt_tests::cpython`, when one
//! is installed), the table and notice without
//! CPython, and a CPython whose collected counts disagree reported as an error.

use std::process::Command;

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

fn pyrt(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the pyrt binary runs")
}

const GC_QUICK_ROWS: [&str; 4] = [
    "garbage/plain x 1000",
    "garbage/slots x 1000",
    "alive/plain x 1000",
    "alive/slots x 1000",
];

/// With the CPython the cross-checks find (each row is one cross-check: `bench gc` fails when
/// CPython's `gc.collect()` returns another count than pyrt's), figures and ratios; without
/// one, nulls.
#[test]
fn bench_gc_json_rows_have_the_keys_of_bench_alloc() {
    let check = pyrt_tests::cross_check(GC_QUICK_ROWS.len());
    let env: Vec<(&str, &str)> = match &check {
        Some(check) => vec![("PYRT_CPYTHON", check.python().executable())],
        None => Vec::new(),
    };
    let out = pyrt(&["bench", "gc", "--json", "--quick"], &env);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON row"))
        .collect();
    let benches: Vec<&str> = rows.iter().map(|r| r["bench"].as_str().unwrap()).collect();
    assert_eq!(benches, GC_QUICK_ROWS);
    for row in &rows {
        let mut keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["baseline", "baseline_ns", "bench", "pyrt_ns", "ratio"]
        );
        assert_eq!(row["baseline"], "cpython");
        let p = row["pyrt_ns"].as_f64().unwrap();
        assert!(p > 0.0, "positive figure in {row}");
        match (row["baseline_ns"].as_f64(), row["ratio"].as_f64()) {
            (Some(b), Some(r)) => {
                assert!(b > 0.0, "positive figure in {row}");
                assert!(
                    (r - p / b).abs() <= 0.002 + 0.001 * r,
                    "ratio is pyrt/baseline in {row}"
                );
            }
            _ => {
                assert!(
                    check.is_none(),
                    "CPython was found but {row} has no figures"
                );
                assert!(row["baseline_ns"].is_null() && row["ratio"].is_null());
            }
        }
        if let Some(check) = &check {
            check.compared(1);
        }
    }
}

#[test]
fn bench_gc_without_cpython_measures_pyrt_and_says_so() {
    let out = pyrt(
        &["bench", "gc", "--quick"],
        &[("PYRT_CPYTHON", "/nonexistent/python3.12")],
    );
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CPython 3.12 not found: $PYRT_CPYTHON (/nonexistent/python3.12) did not run"),
        "{err}"
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("bench "), "{text}");
    for (line, name) in lines[1..5].iter().zip(GC_QUICK_ROWS) {
        assert!(line.starts_with(name), "{line}");
        assert!(line.ends_with("  cpython              -       -"), "{line}");
    }
    assert_eq!(
        lines[5..],
        ["", "CPython 3.12 not found: no CPython figures or ratios."]
    );
}

#[test]
fn bench_gc_reports_counts_that_disagree() {
    // A stand-in for CPython that passes the version probe and then collects 7 objects.
    let dir = std::env::temp_dir().join(format!("pyrt-bench-gc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fake = dir.join("python3.12");
    // Written and made executable by a child shell, so that no file descriptor open for
    // writing can leak into a process another test forks meanwhile (ETXTBSY at exec).
    let script = r#"case "$2" in import*) echo cpython 3.12.1 ;; *) echo 7 1.5 ;; esac"#;
    let written = Command::new("sh")
        .arg("-c")
        .arg(r#"printf '#!/bin/sh\n%s\n' "$1" > "$2" && chmod 755 "$2""#)
        .args(["sh", script, fake.to_str().unwrap()])
        .status()
        .expect("sh runs");
    assert!(written.success());
    let out = pyrt(
        &["bench", "gc", "--quick", "--json"],
        &[("PYRT_CPYTHON", fake.to_str().unwrap())],
    );
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(
            "garbage/plain x 1000: gc.collect() returned 1000 in pyrt and 7 in CPython (expected 1000)"
        ),
        "{err}"
    );
}
