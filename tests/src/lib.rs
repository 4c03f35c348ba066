//! Shared helpers of pyrt's integration tests.
//!
//! The tests themselves live in `tests/`: `allocator_*.rs` check `pyrt-allocator` against a
//! model of live blocks and against CPython's numbers. The `pyrt` command's own tests are in
//! `runtime/tests/`, where Cargo builds the binary for them.

/// A proptest configuration with `default_cases` cases unless `PROPTEST_CASES` says otherwise
/// (set it low when running under valgrind).
pub fn proptest_cases(default_cases: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default_cases)
}

/// A command running CPython 3.12 with `PYTHONHASHSEED=0`: `$PYRT_CPYTHON`, else `python3.12`
/// with `PYENV_VERSION=3.12.1`; `None` when neither is a CPython 3.12 (the cross-checks then
/// print a notice and pass).
pub fn cpython() -> Option<std::process::Command> {
    use std::process::Command;
    let configure = |cmd: &mut Command| {
        if std::env::var_os("PYRT_CPYTHON").is_none() {
            cmd.env("PYENV_VERSION", "3.12.1");
        }
        cmd.env("PYTHONHASHSEED", "0");
    };
    let program = std::env::var_os("PYRT_CPYTHON").unwrap_or_else(|| "python3.12".into());
    let mut probe = Command::new(&program);
    configure(&mut probe);
    let out = probe
        .arg("-c")
        .arg("import sys; print(sys.version_info[:2] == (3, 12))")
        .output()
        .ok()?;
    (String::from_utf8_lossy(&out.stdout).trim() == "True").then(|| {
        let mut cmd = Command::new(&program);
        configure(&mut cmd);
        cmd
    })
}

/// Runs `script` (given on standard input) with `python` and returns its stdout lines.
///
/// # Panics
/// If CPython cannot run or the script fails (its stderr is shown).
pub fn run_cpython(python: std::process::Command, script: &str) -> Vec<String> {
    run_cpython_with_stderr(python, script).0
}

/// As [`run_cpython`], with what the script wrote on stderr too.
///
/// # Panics
/// If CPython cannot run or the script fails (its stderr is shown).
pub fn run_cpython_with_stderr(
    mut python: std::process::Command,
    script: &str,
) -> (Vec<String>, String) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = python
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("CPython runs");
    child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(script.as_bytes())
        .expect("CPython reads the script");
    let out = child.wait_with_output().expect("CPython finishes");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "CPython failed: {stderr}");
    let stdout = String::from_utf8(out.stdout).expect("CPython prints UTF-8");
    (stdout.lines().map(str::to_string).collect(), stderr)
}
