//! A CPython 3.12 virtual environment with `recordclass==0.24.1`, the package whose behaviour
//! pyrt's shipped `recordclass` copies: `$PYRT_RECORDCLASS_VENV` when set (a venv folder with
//! the package), else `target/recordclass-venv`, made once with the live CPython's `venv` and
//! `pip` (it needs the package registry).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

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
fn make(cpython: &crate::cpython::CPython) -> Result<PathBuf, String> {
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

/// The venv's interpreter, made on first use in this process; `Err` says why there is none
/// (no network for `pip`, an unusable `$PYRT_RECORDCLASS_VENV`).
///
/// # Errors
/// The reason there is no such interpreter.
pub fn python(cpython: &crate::cpython::CPython) -> Result<PathBuf, String> {
    static MADE: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    MADE.get_or_init(|| make(cpython)).clone()
}
