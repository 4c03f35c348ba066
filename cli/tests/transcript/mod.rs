//! Shared by the `faults*.rs` tests: run code through the `pyrt` binary and compare its output
//! with what CPython 3.12.1 printed for the same code.

use std::process::{Command, Output};

/// `pyrt run -c code`.
pub fn run_code(code: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run", "-c", code])
        .output()
        .expect("the pyrt binary runs")
}

/// Runs `code` and checks stdout and the exit status (0) against CPython's.
pub fn check(code: &str, cpython_stdout: &str) {
    let out = run_code(code);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        cpython_stdout,
        "stdout of:\n{code}\nstderr:\n{stderr}"
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "exit status of:\n{code}\n{stderr}"
    );
}
