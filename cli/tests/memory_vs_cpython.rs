//! The memory surroundings against a live CPython 3.12.1: the scripts of `cli/tests/memory/`
//! (`gc.set_debug`'s reports) and the corpus script of `sys.getallocatedblocks()` run in
//! `pyrt run` and in CPython
//! under each `PYTHONMALLOC` (unset, `pymalloc`, `malloc`, `debug`, `pymalloc_debug`,
//! `malloc_debug`), and an unknown allocator name ends both the same way.
//!
//! What differs from run to run is masked before comparing, in both outputs alike: addresses
//! (`gc: collectable <list 0x7f...>`), the objects counted in each generation (the
//! interpreter's own objects differ) and the seconds a collection took.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const MODES: [Option<&str>; 6] = [
    None,
    Some("pymalloc"),
    Some("malloc"),
    Some("debug"),
    Some("pymalloc_debug"),
    Some("malloc_debug"),
];

fn scripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/memory");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("cli/tests/memory is readable")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    names.sort();
    // The corpus script of `sys.getallocatedblocks()`, under every allocator too.
    names.push(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang/780_sys_getallocatedblocks.py"),
    );
    names
}

fn run(mut cmd: Command, args: &[&str], mode: Option<&str>, dir: &Path) -> Output {
    cmd.args(args)
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONMALLOC")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null());
    if let Some(m) = mode {
        cmd.env("PYTHONMALLOC", m);
    }
    cmd.output().expect("the interpreter runs")
}

/// One stream with what differs between runs masked.
fn masked(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .lines()
        .map(|line| {
            let mut out = pyrt_tests::mask_addresses(line, "ADDR");
            if let Some(at) = out.find("generation: ") {
                out.truncate(at + "generation: ".len());
                out.push('N');
            }
            if let Some(at) = out.find(" uncollectable, ")
                && out.ends_with("s elapsed")
            {
                out.truncate(at + " uncollectable, ".len());
                out.push_str("Ts elapsed");
            }
            out + "\n"
        })
        .collect()
}

/// The first differing line of two masked streams.
fn difference(what: &str, expected: &str, got: &str) -> Option<String> {
    if expected == got {
        return None;
    }
    let at = expected
        .lines()
        .zip(got.lines())
        .position(|(a, b)| a != b)
        .unwrap_or(expected.lines().count().min(got.lines().count()));
    Some(format!(
        "{what} line {}: CPython {:?} / pyrt {:?}",
        at + 1,
        expected.lines().nth(at),
        got.lines().nth(at)
    ))
}

fn compare(name: &str, expected: &Output, got: &Output) -> Vec<String> {
    let mut diffs = Vec::new();
    if expected.status.code() != got.status.code() {
        diffs.push(format!(
            "{name}: exit status CPython {:?} / pyrt {:?}",
            expected.status.code(),
            got.status.code()
        ));
    }
    for (what, e, g) in [
        ("stdout", &expected.stdout, &got.stdout),
        ("stderr", &expected.stderr, &got.stderr),
    ] {
        if let Some(d) = difference(what, &masked(e), &masked(g)) {
            diffs.push(format!("{name}: {d}"));
        }
    }
    diffs
}

#[test]
fn masking_keeps_what_must_match() {
    let text = b"gc: collectable <list 0x7f00aa>\ngc: objects in each generation: 1 0 70\n\
gc: done, 1 unreachable, 0 uncollectable, 0.0003s elapsed\nplain 0 line\n";
    assert_eq!(
        masked(text),
        "gc: collectable <list ADDR>\ngc: objects in each generation: N\n\
gc: done, 1 unreachable, 0 uncollectable, Ts elapsed\nplain 0 line\n"
    );
}

#[test]
fn memory_scripts_match_cpython_under_every_pythonmalloc() {
    let names = scripts();
    assert!(names.len() >= 3, "the memory scripts are there");
    let cases = names.len() * MODES.len() + 1;
    let Some(check) = pyrt_tests::cpython::cross_check(cases) else {
        eprintln!("memory: no CPython 3.12, {cases} cases skipped");
        return;
    };
    let python = check.python();
    let mut failures = Vec::new();
    for script in &names {
        let dir = script.parent().expect("a folder");
        let file = script.file_name().expect("a name").to_string_lossy();
        for mode in MODES {
            let expected = run(python.command(), &[&file], mode, dir);
            let got = run(
                Command::new(env!("CARGO_BIN_EXE_pyrt")),
                &["run", &file],
                mode,
                dir,
            );
            let name = format!("{file} (PYTHONMALLOC={})", mode.unwrap_or("<unset>"));
            failures.extend(compare(&name, &expected, &got));
        }
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected = run(python.command(), &["-c", "print(1)"], Some("bogus"), here);
    let got = run(
        Command::new(env!("CARGO_BIN_EXE_pyrt")),
        &["run", "-c", "print(1)"],
        Some("bogus"),
        here,
    );
    failures.extend(compare("PYTHONMALLOC=bogus", &expected, &got));
    check.compared(cases);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
