//! `pyrt bench interp` end to end on tiny scripts of its own (no timing is asserted): the rows
//! and the geometric mean against the CPython of the cross-checks (see `pyrt_tests::cpython`),
//! a script pyrt cannot run reported in its row, pyrt alone without CPython, and a checksum
//! mismatch reported with exit status 1.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn pyrt(args: &[&str], env: &[(&str, &str)]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(args)
        .envs(env.iter().copied())
        .output()
        .expect("the pyrt binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("utf-8 output")
}

/// A fresh directory with two scripts: `sum.py` (runs in pyrt and CPython, prints a checksum
/// of its size argument) and `waiter.py` (a coroutine, which pyrt does not run).
fn scripts(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrt-bench-interp-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("sum.py"),
        "import sys\nn = int(sys.argv[1]) if len(sys.argv) > 1 else 10\nprint(sum(range(n)))\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("waiter.py"),
        "async def g():\n    pass\nprint(1)\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not a script\n").unwrap();
    dir
}

fn args(dir: &Path) -> Vec<String> {
    [
        "bench", "interp", "--rounds", "2", "--size", "1000", "--dir",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([dir.to_string_lossy().into_owned()])
    .collect()
}

#[test]
fn bench_interp_reports_each_script_and_the_geometric_mean() {
    let Some(check) = pyrt_tests::cross_check(1) else {
        return;
    };
    let dir = scripts("cpython");
    let args = args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = pyrt(&args, &[("PYRT_CPYTHON", check.python().executable())]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5, "{text}");
    assert!(lines[0].starts_with("script  ") && lines[0].ends_with("pyrt / CPython  note"));
    // sum.py: both ran, printed 499500, and the row has its ratio.
    assert!(lines[1].starts_with("sum.py     1000  "), "{}", lines[1]);
    assert!(
        lines[1].ends_with('x') && lines[1].matches(" s ").count() >= 3,
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("waiter.py  1000          -            -  "));
    assert!(
        lines[2].ends_with(
            "-  pyrt failed: SyntaxError: async/await are not supported ('async def'): pyrt has no coroutines"
        ),
        "{}",
        lines[2]
    );
    assert_eq!(lines[3], "");
    assert!(
        lines[4].starts_with("geometric mean of pyrt / CPython: ")
            && lines[4].ends_with("x over 1 of 2 scripts"),
        "{}",
        lines[4]
    );
    check.compared(1);
}

#[test]
fn bench_interp_without_cpython_measures_pyrt_and_says_so() {
    let dir = scripts("alone");
    let args = args(&dir);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = pyrt(&args, &[("PYRT_CPYTHON", "/nonexistent/python3.12")]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("CPython 3.12 not found: $PYRT_CPYTHON (/nonexistent/python3.12) did not run"),
        "{err}"
    );
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[1].starts_with("sum.py") && lines[1].ends_with("-               -  no CPython"));
    assert!(lines[2].ends_with(
        "pyrt failed: SyntaxError: async/await are not supported ('async def'): pyrt has no coroutines"
    ));
    assert_eq!(
        lines[4],
        "geometric mean of pyrt / CPython: - (no script ran in both with the same checksum)"
    );
}

#[test]
fn bench_interp_reports_checksums_that_differ() {
    // A stand-in for CPython that passes the version probe and then prints 7 for any script.
    let dir = scripts("mismatch");
    let fake = dir.join("python3.12");
    // Written and made executable by a child shell, so that no file descriptor open for
    // writing can leak into a process another test forks meanwhile (ETXTBSY at exec).
    let script = r#"case "$2" in import*) echo cpython 3.12.1 ;; *) echo 7 ;; esac"#;
    let written = Command::new("sh")
        .arg("-c")
        .arg(r#"printf '#!/bin/sh\n%s\n' "$1" > "$2" && chmod 755 "$2""#)
        .args(["sh", script, fake.to_str().unwrap()])
        .status()
        .expect("sh runs");
    assert!(written.success());
    let mut args = args(&dir);
    args.extend(["--python".to_string(), fake.to_string_lossy().into_owned()]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = pyrt(&args, &[]);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(
        text.lines()
            .nth(1)
            .unwrap()
            .ends_with("-  checksums differ: pyrt printed \"499500\", CPython \"7\""),
        "{text}"
    );
}

#[test]
fn bench_interp_without_scripts_is_a_usage_error() {
    let out = pyrt(
        &["bench", "interp", "--dir", "/nonexistent/scripts"],
        &[("PYRT_CPYTHON", "/nonexistent/python3.12")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/scripts"));
}
