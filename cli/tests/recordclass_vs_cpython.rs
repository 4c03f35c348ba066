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

/// Whether `python` imports recordclass 0.24.1.
fn has_package(python: &Path) -> bool {
    Command::new(python)
        .args([
            "-c",
            "import recordclass, sys; sys.exit(recordclass.__version__ != '0.24.1')",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// The venv's interpreter, made if needed; `Err` says why there is none.
fn venv_python(cpython: &pyrt_tests::cpython::CPython) -> Result<PathBuf, String> {
    if let Some(dir) = std::env::var_os("PYRT_RECORDCLASS_VENV") {
        let python = Path::new(&dir).join("bin/python");
        return if has_package(&python) {
            Ok(python)
        } else {
            Err(format!(
                "PYRT_RECORDCLASS_VENV={} has no recordclass 0.24.1",
                python.display()
            ))
        };
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/recordclass-venv");
    let python = dir.join("bin/python");
    if has_package(&python) {
        return Ok(python);
    }
    let made = Command::new(cpython.executable())
        .args(["-m", "venv"])
        .arg(&dir)
        .output()
        .map_err(|e| format!("venv did not run ({e})"))?;
    if !made.status.success() {
        return Err(format!(
            "venv failed: {}",
            String::from_utf8_lossy(&made.stderr)
        ));
    }
    let pip = Command::new(&python)
        .args([
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "recordclass==0.24.1",
        ])
        .output()
        .map_err(|e| format!("pip did not run ({e})"))?;
    if !pip.status.success() || !has_package(&python) {
        return Err(format!(
            "pip could not install recordclass==0.24.1: {}",
            String::from_utf8_lossy(&pip.stderr).trim()
        ));
    }
    Ok(python)
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
    let python = match venv_python(cpython) {
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
