//! The whole Python 3.12 language, script by script, against a live CPython 3.12.1 (issue 13).
//!
//! `cli/tests/lang/` holds a corpus of small scripts (`NNN_topic.py`) of the everyday Python
//! that memory lessons are written in, grouped by feature: statements and expressions,
//! functions and their parameters, closures, `match`, decorators, `with`, exceptions,
//! generators, formatting, `del`, iterators, classes, imports, tracebacks, recursion, and the
//! `async` constructs pyrt refuses. Helper modules the scripts import sit beside them as
//! `mod_*.py` and are not run on their own.
//!
//! Each script runs twice, as `pyrt run NAME` and as `python3.12 NAME`, both with the working
//! directory set to the corpus folder, and the exit status, stdout and stderr are compared byte
//! for byte. CPython's output is the expectation: nothing is recorded or edited by hand.
//!
//! Two lists name the scripts allowed to differ, each with a one-line reason:
//! - [`PENDING`]: not yet supported. The test fails if a script outside the lists differs,
//!   and also if a pending script now matches, so the list only shrinks and cannot hide a
//!   fixed script.
//! - [`DIFFERS_BY_DESIGN`]: `async`/`await`, which CPython runs and pyrt refuses with an
//!   error naming the construct.
//!
//! Without a CPython 3.12 the test skips with a notice (see `pyrt_tests::cpython`).
//! `PYRT_LANG_ONLY=TEXT` runs only the scripts whose name contains `TEXT` (the size and
//! coverage checks of the whole corpus then do not apply).

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Scripts that pyrt does not run as CPython does yet, with what is missing. The list may only
/// shrink: a pending script that matches CPython fails the test until it is taken off.
const PENDING: &[(&str, &str)] = &[];

/// Scripts that differ from CPython on purpose: pyrt refuses `async`/`await` with a clear
/// error naming the construct, where CPython runs them.
const DIFFERS_BY_DESIGN: &[(&str, &str)] = &[];

/// The fewest scripts the corpus must hold.
const MIN_SCRIPTS: usize = 220;

/// How long one script may run in either interpreter before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The folder of the corpus.
fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/lang")
}

/// The scripts of the corpus, sorted: `NNN_*.py` (helper modules `mod_*.py` are left out).
fn corpus() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("the corpus folder cli/tests/lang is readable")
        .map(|entry| {
            entry
                .expect("a corpus entry")
                .file_name()
                .into_string()
                .expect("UTF-8 file names")
        })
        .filter(|name| is_script(name))
        .collect();
    names.sort();
    names
}

/// Whether a file of the corpus folder is a script to run (`NNN_topic.py`).
fn is_script(name: &str) -> bool {
    name.ends_with(".py") && name.len() > 4 && name.as_bytes()[..3].iter().all(u8::is_ascii_digit)
}

/// What one interpreter did with one script.
#[derive(Debug, PartialEq)]
struct Outcome {
    /// The exit code, or `None` when killed by a signal or by the timeout.
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs `cmd` (already given its arguments) in the corpus folder with stdout and stderr sent to
/// files in `scratch`, killing it after [`TIMEOUT`].
fn run(mut cmd: Command, scratch: &Path, tag: &str) -> Outcome {
    let out_path = scratch.join(format!("{tag}.stdout"));
    let err_path = scratch.join(format!("{tag}.stderr"));
    let out = File::create(&out_path).expect("a scratch file for stdout");
    let err = File::create(&err_path).expect("a scratch file for stderr");
    let mut child = cmd
        .current_dir(corpus_dir())
        .env_remove("PYTHONPATH")
        .env_remove("PYTHONSTARTUP")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .unwrap_or_else(|e| panic!("{tag}: the interpreter starts ({e})"));
    let started = Instant::now();
    let status: Option<ExitStatus> = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            // The child may have exited meanwhile; either way it is reaped below.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let mut stderr = std::fs::read(&err_path).expect("the stderr file");
    if status.is_none() {
        stderr.extend_from_slice(format!("\n[killed after {TIMEOUT:?}]\n").as_bytes());
    }
    Outcome {
        code: status.and_then(|s| s.code()),
        stdout: std::fs::read(&out_path).expect("the stdout file"),
        stderr,
    }
}

/// The first line where `expected` and `got` differ, shown side by side.
fn first_difference(what: &str, expected: &[u8], got: &[u8]) -> Option<String> {
    if expected == got {
        return None;
    }
    let (expected, got) = (String::from_utf8_lossy(expected), String::from_utf8_lossy(got));
    let (e_lines, g_lines): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), got.lines().collect());
    let at = (0..e_lines.len().max(g_lines.len()))
        .find(|&i| e_lines.get(i) != g_lines.get(i))
        .unwrap_or(e_lines.len().min(g_lines.len()));
    let show = |lines: &[&str]| lines.get(at).map_or("<end>".to_string(), |l| format!("{l:?}"));
    Some(format!(
        "    {what} line {}: CPython {} / pyrt {}",
        at + 1,
        show(&e_lines),
        show(&g_lines)
    ))
}

/// How pyrt's outcome differs from CPython's, one line per stream; empty when they match.
fn differences(cpython: &Outcome, pyrt: &Outcome) -> Vec<String> {
    let mut diffs = Vec::new();
    if cpython.code != pyrt.code {
        diffs.push(format!(
            "    exit status: CPython {:?} / pyrt {:?}",
            cpython.code, pyrt.code
        ));
    }
    diffs.extend(first_difference("stdout", &cpython.stdout, &pyrt.stdout));
    diffs.extend(first_difference("stderr", &cpython.stderr, &pyrt.stderr));
    diffs
}

/// The reason a list gives for `name`, if it lists it.
fn listed(list: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    list.iter().find(|(n, _)| *n == name).map(|(_, why)| *why)
}

#[test]
fn the_lists_name_scripts_of_the_corpus_once() {
    let names = corpus();
    for (list, title) in [(PENDING, "PENDING"), (DIFFERS_BY_DESIGN, "DIFFERS_BY_DESIGN")] {
        for (i, (name, why)) in list.iter().enumerate() {
            assert!(names.iter().any(|n| n == name), "{title}: {name} is not a script of the corpus");
            assert!(!why.trim().is_empty(), "{title}: {name} needs a reason");
            assert!(
                list[..i].iter().all(|(n, _)| n != name),
                "{title}: {name} is listed twice"
            );
        }
    }
    for (name, _) in DIFFERS_BY_DESIGN {
        assert!(listed(PENDING, name).is_none(), "{name} is both pending and differing by design");
    }
}

#[test]
fn every_script_is_small_and_deterministic_by_construction() {
    let names = corpus();
    assert!(
        names.len() >= MIN_SCRIPTS,
        "the corpus holds {} scripts, fewer than {MIN_SCRIPTS}",
        names.len()
    );
    for name in &names {
        let source = std::fs::read_to_string(corpus_dir().join(name)).expect("a UTF-8 script");
        let lines = source.lines().count();
        assert!((8..=45).contains(&lines), "{name}: {lines} lines, not a small script");
        // Addresses differ from run to run: a script must not print them.
        assert!(!source.contains("print(id("), "{name} prints an address");
    }
}

#[test]
fn the_language_corpus_matches_cpython() {
    let only = std::env::var("PYRT_LANG_ONLY").ok();
    let names: Vec<String> = corpus()
        .into_iter()
        .filter(|n| only.as_deref().is_none_or(|o| n.contains(o)))
        .collect();
    let Some(check) = pyrt_tests::cpython::cross_check(names.len()) else {
        eprintln!("language corpus: no CPython 3.12, {} scripts skipped", names.len());
        return;
    };
    let python = check.python();
    let scratch = std::env::temp_dir().join(format!("pyrt-lang-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");

    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<(String, Vec<String>)>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::SeqCst);
                    let Some(name) = names.get(i) else { break };
                    let mut pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"));
                    pyrt.args(["run", name]);
                    let mut cpython = python.command();
                    cpython.arg(name);
                    let expected = run(cpython, &scratch, &format!("{name}.cpython"));
                    let got = run(pyrt, &scratch, &format!("{name}.pyrt"));
                    let diffs = differences(&expected, &got);
                    results.lock().expect("no thread panicked").push((name.clone(), diffs));
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut results = results.into_inner().expect("no thread panicked");
    results.sort();
    check.compared(results.len());

    let mut failures = Vec::new();
    let (mut matched, mut pending, mut by_design) = (0, 0, 0);
    for (name, diffs) in &results {
        let pending_why = listed(PENDING, name);
        let design_why = listed(DIFFERS_BY_DESIGN, name);
        match (diffs.is_empty(), pending_why, design_why) {
            (true, None, None) => matched += 1,
            (true, Some(why), _) => failures.push(format!(
                "{name} now matches CPython: take it off PENDING (was: {why})"
            )),
            (true, None, Some(why)) => failures.push(format!(
                "{name} matches CPython but is listed as differing by design ({why})"
            )),
            (false, Some(_), _) => pending += 1,
            (false, None, Some(_)) => by_design += 1,
            (false, None, None) => {
                failures.push(format!("{name} differs from CPython:\n{}", diffs.join("\n")));
            }
        }
    }
    eprintln!(
        "language corpus: {} scripts, {matched} match CPython, {pending} pending, {by_design} differ by design",
        results.len()
    );
    if only.is_none() {
        assert!(
            results.len() >= MIN_SCRIPTS,
            "the corpus holds {} scripts, fewer than {MIN_SCRIPTS}",
            results.len()
        );
    }
    assert!(
        failures.is_empty(),
        "{} of {} scripts break the corpus rules:\n{}",
        failures.len(),
        results.len(),
        failures.join("\n")
    );
}
