//! The bytecode VM (issue 13) against a live CPython 3.12.1, script by script.
//!
//! `cli/tests/vm/` holds small scripts of the features the VM adds over the tree walker
//! (closures, calls with every kind of parameter, exceptions with causes and contexts,
//! generators, classes with `super()`, imports of the user's modules, `match`, 3.12's
//! tracebacks with caret lines, `RecursionError`). Each runs as `pyrt run NAME` and
//! as `python3.12 NAME` in that folder; exit status, stdout and stderr must be equal byte for
//! byte. [`PENDING`] names the scripts known to differ, with why; the list may only shrink (a
//! pending script that matches fails the test). Skipped with a notice without a CPython.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Scripts the VM does not yet run as CPython does, with what differs.
const PENDING: &[(&str, &str)] = &[];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vm")
}

fn scripts() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("cli/tests/vm is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py") && !n.starts_with("mod_"))
        .collect();
    names.sort();
    names
}

fn outcome(o: &Output) -> (Option<i32>, Vec<u8>, Vec<u8>) {
    (o.status.code(), o.stdout.clone(), o.stderr.clone())
}

#[test]
fn vm_scripts_match_cpython() {
    let names = scripts();
    let Some(check) = pyrt_tests::cpython::cross_check(names.len()) else {
        eprintln!(
            "vm_vs_cpython: no CPython 3.12, {} scripts skipped",
            names.len()
        );
        return;
    };
    let mut failures = Vec::new();
    for name in &names {
        let pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"))
            .args(["run", name])
            .current_dir(dir())
            .output()
            .expect("pyrt runs");
        let cpython = check
            .python()
            .command()
            .arg(name)
            .current_dir(dir())
            .output()
            .expect("CPython runs");
        let same = outcome(&pyrt) == outcome(&cpython);
        let pending = PENDING.iter().any(|(n, _)| n == name);
        match (same, pending) {
            (true, true) => failures.push(format!("{name} matches now: take it off PENDING")),
            (false, false) => failures.push(format!(
                "{name} differs:\n--- CPython stdout\n{}\n--- pyrt stdout\n{}\n--- CPython stderr\n{}\n--- pyrt stderr\n{}",
                String::from_utf8_lossy(&cpython.stdout),
                String::from_utf8_lossy(&pyrt.stdout),
                String::from_utf8_lossy(&cpython.stderr),
                String::from_utf8_lossy(&pyrt.stderr),
            )),
            _ => {}
        }
    }
    check.compared(names.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
