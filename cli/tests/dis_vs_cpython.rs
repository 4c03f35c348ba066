//! `pyrt dis FILE.py` and the `dis` module against a live CPython 3.12.1 (issue 13).
//!
//! `pyrt dis NAME` must print what `python3.12 -m dis NAME` prints, for a dozen scripts of
//! the language corpus (`cli/tests/lang/`) that cover every kind of statement: functions,
//! closures, `match`, `with`, `try`, generators, comprehensions, classes and imports.
//! `cli/tests/dis/*.py` call `dis.dis` on a function, a class, a bound method, a code object
//! and a source string, run as `PYRT_VM=1 pyrt run NAME` and as `python3.12 NAME`. Code object
//! addresses (`0x...`) differ from run to run and are replaced by `ADDR` on both sides before
//! the comparison; everything else is compared byte for byte. Both run with
//! `PYTHONHASHSEED=0`, so that frozensets of strs print in the same order. Skipped with a
//! notice without a CPython.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Corpus scripts disassembled by both.
const CORPUS_FILES: &[&str] = &[
    "001_assign_names.py",
    "039_lambda.py",
    "046_closures_late_binding.py",
    "048_nonlocal.py",
    "055_match_sequences.py",
    "069_with_several_items.py",
    "077_finally_return_break_continue.py",
    "091_generator_expressions.py",
    "094_generator_throw_close.py",
    "105_fstring_basics.py",
    "130_multiple_inheritance_mro.py",
    "150_import_star_all.py",
    "202_type_alias_statement.py",
];

fn lang_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

fn dis_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dis")
}

/// `text` with every `0x` hexadecimal address replaced by `ADDR`.
fn without_addresses(text: &[u8]) -> String {
    pyrt_tests::mask_addresses(&String::from_utf8_lossy(text), "ADDR")
}

/// The first line where the two listings differ, for the failure message.
fn first_difference(expected: &str, got: &str) -> String {
    let (e, g): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let at = (0..e.len().max(g.len()))
        .find(|&i| e.get(i) != g.get(i))
        .unwrap_or(0);
    format!(
        "line {}: CPython {:?} / pyrt {:?}",
        at + 1,
        e.get(at).unwrap_or(&"<end>"),
        g.get(at).unwrap_or(&"<end>")
    )
}

#[test]
fn pyrt_dis_prints_what_python_m_dis_prints() {
    let Some(check) = pyrt_tests::cpython::cross_check(CORPUS_FILES.len()) else {
        eprintln!("dis_vs_cpython: no CPython 3.12, pyrt dis not compared");
        return;
    };
    let mut failures = Vec::new();
    for name in CORPUS_FILES {
        let cpython = check
            .python()
            .command()
            .args(["-m", "dis", name])
            .current_dir(lang_dir())
            .output()
            .expect("CPython runs");
        let pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"))
            .args(["dis", name])
            .current_dir(lang_dir())
            .output()
            .expect("pyrt runs");
        assert!(cpython.status.success(), "CPython disassembles {name}");
        let (expected, got) = (
            without_addresses(&cpython.stdout),
            without_addresses(&pyrt.stdout),
        );
        assert!(expected.lines().count() > 5, "{name}: a real listing");
        if expected != got || !pyrt.status.success() {
            failures.push(format!("{name}: {}", first_difference(&expected, &got)));
        }
    }
    check.compared(CORPUS_FILES.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pyrt_dis_reports_a_syntax_error_as_cpython_words_it() {
    let name = "211_nonlocal_syntax_error.py";
    let Some(check) = pyrt_tests::cpython::cross_check(1) else {
        eprintln!("dis_vs_cpython: no CPython 3.12, syntax error not compared");
        return;
    };
    let cpython = check
        .python()
        .command()
        .args(["-m", "dis", name])
        .current_dir(lang_dir())
        .output()
        .expect("CPython runs");
    let pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["dis", name])
        .current_dir(lang_dir())
        .output()
        .expect("pyrt runs");
    // CPython's stderr starts with the traceback of its own dis.py; the error itself (its
    // location, the line, the carets and the message) is the last four lines.
    let tail = |b: &[u8]| -> Vec<String> {
        let text = String::from_utf8_lossy(b).into_owned();
        let lines: Vec<String> = text.lines().map(str::to_string).collect();
        lines[lines.len().saturating_sub(4)..].to_vec()
    };
    assert_eq!(pyrt.status.code(), Some(1));
    assert_eq!(cpython.status.code(), Some(1));
    assert_eq!(tail(&pyrt.stderr), tail(&cpython.stderr));
    check.compared(1);
}

#[test]
fn the_dis_module_prints_what_cpythons_prints() {
    let mut names: Vec<String> = std::fs::read_dir(dis_dir())
        .expect("cli/tests/dis is readable")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".py"))
        .collect();
    names.sort();
    let Some(check) = pyrt_tests::cpython::cross_check(names.len()) else {
        eprintln!("dis_vs_cpython: no CPython 3.12, the dis module not compared");
        return;
    };
    let mut failures = Vec::new();
    for name in &names {
        let cpython = check
            .python()
            .command()
            .arg(name)
            .current_dir(dis_dir())
            .output()
            .expect("CPython runs");
        let pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"))
            .args(["run", name])
            .env("PYRT_VM", "1")
            .current_dir(dis_dir())
            .output()
            .expect("pyrt runs");
        let (expected, got) = (
            without_addresses(&cpython.stdout),
            without_addresses(&pyrt.stdout),
        );
        assert!(expected.lines().count() > 20, "{name}: real listings");
        if expected != got || pyrt.status.code() != cpython.status.code() {
            failures.push(format!(
                "{name}: {} (pyrt stderr: {})",
                first_difference(&expected, &got),
                String::from_utf8_lossy(&pyrt.stderr)
            ));
        }
    }
    check.compared(names.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
