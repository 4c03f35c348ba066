//! The oracle: every scenario of `tests/oracle/` (a copy of `../shared/cpython/oracle/`) is run
//! by pyrt's interpreter and its stdout compared with CPython 3.12.1's, byte for byte. The test
//! prints how many match and lists the others; it fails when fewer match than
//! `tests/oracle/MATCHES` says (a number that may only go up).

use std::path::{Path, PathBuf};

use pyrt_interp::RunScripts as _;

fn oracle_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("PYRT_ORACLE_DIR") {
        return dir.into();
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = here.join("../../shared/cpython/oracle");
    if shared.is_dir() {
        shared
    } else {
        here.join("oracle")
    }
}

/// Runs one scenario in a fresh runtime: its stdout, or a description of the failure.
fn run(path: &Path) -> Result<String, String> {
    let source = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    std::panic::catch_unwind(|| pyrt::Runtime::new().with(|py| py.run_capture(&name, &source)))
        .map_err(|_| "pyrt panicked".to_string())
        .map(|(out, err)| match err {
            None => out,
            Some(e) => format!("{out}<stderr>\n{e}"),
        })
}

#[test]
fn oracle_scenarios_print_what_cpython_printed() {
    let dir = oracle_dir();
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the oracle folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    scripts.sort();
    let mut matched = 0;
    let mut mismatched = Vec::new();
    for script in &scripts {
        let expected =
            std::fs::read_to_string(script.with_extension("out")).expect("the expected output");
        match run(script) {
            Ok(out) if out == expected => matched += 1,
            Ok(out) => {
                let line = out
                    .lines()
                    .zip(expected.lines())
                    .position(|(a, b)| a != b)
                    .unwrap_or(out.lines().count().min(expected.lines().count()));
                let got = out.lines().nth(line).unwrap_or("<end>");
                let want = expected.lines().nth(line).unwrap_or("<end>");
                mismatched.push(format!(
                    "{}: line {}: pyrt `{got}`, CPython `{want}`",
                    script.file_name().unwrap().to_string_lossy(),
                    line + 1
                ));
            }
            Err(e) => mismatched.push(format!("{}: {e}", script.display())),
        }
    }
    println!(
        "oracle: {matched} of {} scenarios match CPython 3.12.1 ({})",
        scripts.len(),
        dir.display()
    );
    for m in &mismatched {
        println!("  differs: {m}");
    }
    let floor: usize =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("oracle/MATCHES"))
            .expect("tests/oracle/MATCHES")
            .trim()
            .parse()
            .expect("MATCHES holds a number");
    assert!(
        matched >= floor,
        "only {matched} scenarios match; tests/oracle/MATCHES requires {floor}"
    );
}
