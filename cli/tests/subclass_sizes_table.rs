//! The table of `sys.getsizeof` of built-in subclasses' instances in README.md is what pyrt
//! prints and what CPython 3.12.1 prints (issue 14).
//!
//! `cli/tests/lang/590_subclass_sizes_table.py` prints, as a Markdown table, the size of an
//! instance of every built-in type (int of several magnitudes, float, complex, str of each
//! kind, bytes, tuple, list, dict, set, frozenset, object, exceptions), of a subclass, of a
//! subclass with `__slots__ = ()`, with `__slots__ = ('a',)` (CPython's error where the base
//! has items), and with a filled instance `__dict__`. This test runs it in pyrt and checks
//! that README.md holds exactly that table between its two markers; with a CPython 3.12
//! installed, it also checks that CPython prints the same table (without one, that half is
//! skipped with a notice; the README half always runs).

use std::path::{Path, PathBuf};
use std::process::Command;

/// The script that prints the table.
const SCRIPT: &str = "590_subclass_sizes_table.py";

/// The lines around the table in README.md.
const BEGIN: &str = "<!-- subclass sizes: begin (cli/tests/lang/590_subclass_sizes_table.py) -->";
const END: &str = "<!-- subclass sizes: end -->";

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

/// What pyrt prints for the script.
fn pyrt_table() -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run", SCRIPT])
        .current_dir(corpus())
        .output()
        .expect("pyrt runs");
    assert!(
        out.status.success(),
        "pyrt failed on {SCRIPT}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The table between the markers of README.md (each line ending in a newline).
fn readme_table() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    let text = std::fs::read_to_string(&path).expect("README.md is readable");
    let start = text
        .find(BEGIN)
        .expect("README.md has the subclass sizes table's begin marker")
        + BEGIN.len();
    let end = text[start..]
        .find(END)
        .expect("README.md has the subclass sizes table's end marker")
        + start;
    text[start..end].trim_start_matches('\n').to_string()
}

#[test]
fn readme_table_is_what_pyrt_prints() {
    let printed = pyrt_table();
    assert!(
        printed.lines().count() > 30,
        "the table has a row per case:\n{printed}"
    );
    assert_eq!(
        readme_table(),
        printed,
        "README.md's subclass sizes table differs from what pyrt prints for {SCRIPT}"
    );
}

#[test]
fn cpython_prints_the_same_table() {
    let Some(check) = pyrt_tests::cpython::cross_check(1) else {
        eprintln!("subclass_sizes_table: no CPython 3.12, the comparison with CPython skipped");
        return;
    };
    let out = check
        .python()
        .command()
        .arg(SCRIPT)
        .current_dir(corpus())
        .output()
        .expect("CPython runs");
    assert!(out.status.success(), "CPython failed on {SCRIPT}");
    let expected = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(
        pyrt_table(),
        expected,
        "pyrt's subclass sizes table differs from CPython's"
    );
    check.compared(1);
}
