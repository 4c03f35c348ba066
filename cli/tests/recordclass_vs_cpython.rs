//! The shipped `recordclass` (interp/lib/recordclass/) against the real package: each script
//! of `cli/tests/recordclass/` (and the script of `pyrt demo recordclass`) runs in `pyrt run` and in a CPython 3.12.1 virtual environment
//! with `recordclass==0.24.1` installed, and stdout, stderr and the exit status must be equal.
//!
//! The environment is `$PYRT_RECORDCLASS_VENV` when set (a venv folder with the package), or
//! `target/recordclass-venv`, made once with the live CPython's `venv` and `pip`. Where there is
//! no CPython 3.12 or the package cannot be installed (no network), the test prints a notice
//! and skips.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The scripts, `NN_topic.py`, sorted.
fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/recordclass");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("cli/tests/recordclass is readable")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    // `pyrt demo recordclass`'s script.
    names.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/demos/records.py"));
    names
}

fn run(mut cmd: Command, script: &Path) -> Output {
    cmd.arg(script.file_name().expect("a file name"))
        .current_dir(script.parent().expect("a folder"))
        .env_remove("PYTHONPATH")
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .output()
        .expect("the interpreter runs")
}

#[test]
fn recordclass_scripts_match_the_package_on_cpython() {
    let names = scripts();
    assert!(names.len() >= 8, "the recordclass scripts are there");
    let Some(cpython) = pyrt_tests::cpython::cpython() else {
        eprintln!(
            "recordclass: no CPython 3.12, {} scripts skipped",
            names.len()
        );
        return;
    };
    let python = match pyrt_tests::recordclass_venv::python(cpython) {
        Ok(p) => p,
        Err(why) => {
            eprintln!("recordclass: {why}; {} scripts skipped", names.len());
            return;
        }
    };
    let check = pyrt_tests::cpython::cross_check(names.len()).expect("CPython was found above");
    let mut failures = Vec::new();
    for script in &names {
        let expected = run(Command::new(&python), script);
        let mut pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"));
        pyrt.arg("run");
        let got = run(pyrt, script);
        let name = script.file_name().expect("a name").to_string_lossy();
        for (what, e, g) in [
            ("stdout", &expected.stdout, &got.stdout),
            ("stderr", &expected.stderr, &got.stderr),
        ] {
            if e != g {
                let (e, g) = (String::from_utf8_lossy(e), String::from_utf8_lossy(g));
                let at = e
                    .lines()
                    .zip(g.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(e.lines().count().min(g.lines().count()));
                failures.push(format!(
                    "{name}: {what} line {}: package {:?} / pyrt {:?}",
                    at + 1,
                    e.lines().nth(at),
                    g.lines().nth(at)
                ));
            }
        }
        if expected.status.code() != got.status.code() {
            failures.push(format!(
                "{name}: exit status package {:?} / pyrt {:?}",
                expected.status.code(),
                got.status.code()
            ));
        }
    }
    check.compared(names.len());
    eprintln!(
        "recordclass: {} scripts, {} differ from recordclass 0.24.1 on CPython",
        names.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
