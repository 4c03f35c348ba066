//! The whole Python 3.12 language, script by script, against a live CPython 3.12.1 (issue 13).
//!
//! `cli/tests/lang/` holds a corpus of small scripts (`NNN_topic.py`) of the everyday Python
//! that memory lessons are written in, grouped by feature: statements and expressions,
//! functions and their parameters, closures, `match`, decorators, `with`, exceptions,
//! generators, formatting, `del`, iterators, classes, imports, tracebacks, recursion, and the
//! `async` constructs pyrt refuses. Helper modules the scripts import sit beside them as
//! `mod_*.py` (or in `mod_*/` folders) and are not run on their own.
//!
//! | scripts | feature |
//! |---|---|
//! | 001–030 | statements, expressions, literals, everyday built-ins, refcounts and `gc` basics |
//! | 031–052 | `def`, defaults, keywords, `*args`/`**kwargs`, `/` and `*`, `lambda`, scopes, `global`/`nonlocal`, closures, walrus |
//! | 053–060 | `match`: literals, captures, sequences, mappings, classes, guards, or-patterns, `as` |
//! | 061–067 | decorators: function and class, stacked, with arguments, their memory |
//! | 068–074 | `with`: several items, suppressed exceptions, context managers |
//! | 075–088 | `try`/`except`/`else`/`finally`, `raise ... from`, bare `raise`, `except*` |
//! | 089–104 | generators: `yield`, `yield from`, `send`/`throw`/`close`, generator expressions, sizes |
//! | 105–112 | f-strings (`=`, `!r`, nested specs), `str.format`, `%` |
//! | 113–116 | `del` of names, items, attributes and (extended) slices |
//! | 117–126 | `iter`/`next`, `enumerate`, `zip`, `map`, `filter`, `reversed`, `gc.get_count()` in loops |
//! | 127–147 | classes: attributes, `super()`, MRO, `__slots__`, properties, class/static methods |
//! | 148–158, 244 | imports of the user's modules and packages, `sys.modules`, `sys.path`, `__name__`, `ModuleNotFoundError` |
//! | 159–196, 247 | uncaught exceptions with 3.12's carets, chaining, notes, groups, `sys.exit`, `RecursionError`, syntax errors |
//! | 197–201 | `async`/`await` (differ by design) |
//! | 202–213 | 3.12 statements and expressions: `type` aliases, generics, operators, literals, targets, evaluation order |
//! | 214–243, 245–246 | memory lessons (growth of containers, refcounts, interning, weakrefs) and everyday programs |
//! | 440–454 | issue 14's types: `C.__dict__` as a mappingproxy with its descriptors, `property`, `classmethod`/`staticmethod`, `super()`, descriptors and the attribute hooks, `type(name, bases, dict)`, `dir()`, cached lookups as classes change, class cycles in `gc`, multiple inheritance (C3) |
//! | 248–268 | issue 13's language pieces in detail: `throw`/`close` through `yield from`, function and code attributes, `slice`, `dict |`, `str.encode`/`format_map`, `eval`/`exec`/`compile`, generator frames, `object()`, PEP 695 type parameters, the 4300-digit literal limit, indentation errors, `sys._getframe`, dict views as sets |
//! | 540–545 | issue 14's metaclasses: class keywords to `__init_subclass__`, function metaclasses, `class M(type)` with `__new__`/`__init__`/`__call__`/`__prepare__`, singletons and registries, the metaclass conflict and `type.__new__`'s errors |
//! | 700–999 | issue 15's standard library: the modules pyrt ships (`interp/lib/`) and its built-in ones, module by module |
//! | 480–509 | issue 14's exceptions as classes: the built-in hierarchy, user subclasses with `__init__`/`__str__`/`__repr__`, `args`, causes and contexts, `__traceback__`, notes, `BaseException.__new__`, sizes, the classes' methods and `__doc__` |
//!
//! Each script runs twice, as `pyrt run NAME` and as `python3.12 NAME`, both with the working
//! directory set to the corpus folder, and the exit status, stdout and stderr are compared byte
//! for byte. CPython's output is the expectation: nothing is recorded or edited by hand.
//! CPython runs with `PYTHONHASHSEED=0` and both with `PYTHONDONTWRITEBYTECODE=1` (no
//! `__pycache__` in the source tree) and without `PYTHONPATH`. Note that CPython names the
//! script by its absolute path in tracebacks and warnings (`__main__.__file__` is absolute
//! since 3.9), so pyrt must too.
//!
//! Two lists name the scripts allowed to differ, each with a one-line reason:
//! - [`PENDING`]: not yet supported. The test fails if a script outside the lists differs,
//!   and also if a pending script now matches, so the list only shrinks and cannot hide a
//!   fixed script.
//! - [`DIFFERS_BY_DESIGN`]: `async`/`await`, which CPython runs and pyrt refuses. Such a
//!   script must still fail cleanly: pyrt exits with status 1 and the last line of its stderr
//!   names the construct (e.g. `async def`).
//!
//! Without a CPython 3.12 the test skips with a notice (see `pyrt_tests::cpython`).
//! `PYRT_LANG_ONLY=TEXT` runs only the scripts whose name contains `TEXT` (the size and
//! coverage checks of the whole corpus then do not apply).

use std::fs::File;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Scripts that pyrt does not run as CPython does yet, with what is missing. The list may only
/// shrink: a pending script that matches CPython fails the test until it is taken off.
const PENDING: &[(&str, &str)] = &[(
    "015_tuple_basics.py",
    "stdout line 8: CPython 'False False True' / pyrt 'False True True' (CPython's compile of the script passes the gen-0 threshold, and the collection at the first RESUME untracks the constant)",
)];

/// Scripts that differ from CPython on purpose: (script, the construct pyrt's error must name,
/// reason). pyrt refuses `async`/`await` with a clear error naming the construct, where
/// CPython runs them; in each script the first such construct is an `async def`.
const DIFFERS_BY_DESIGN: &[(&str, &str, &str)] = &[
    (
        "197_async_def_run.py",
        "async def",
        "a coroutine run by asyncio.run: pyrt refuses async def",
    ),
    (
        "198_async_gather.py",
        "async def",
        "asyncio.gather and tasks: pyrt refuses async def",
    ),
    (
        "199_async_for_generator.py",
        "async def",
        "an async generator and async for: pyrt refuses async def",
    ),
    (
        "200_async_with.py",
        "async def",
        "async with (__aenter__/__aexit__): pyrt refuses async def",
    ),
    (
        "201_await_outside_async.py",
        "async def",
        "a coroutine function beside a plain one: pyrt refuses async def",
    ),
];

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
    let (expected, got) = (
        String::from_utf8_lossy(expected),
        String::from_utf8_lossy(got),
    );
    let (e_lines, g_lines): (Vec<&str>, Vec<&str>) =
        (expected.lines().collect(), got.lines().collect());
    let at = (0..e_lines.len().max(g_lines.len()))
        .find(|&i| e_lines.get(i) != g_lines.get(i))
        .unwrap_or(e_lines.len().min(g_lines.len()));
    let show = |lines: &[&str]| {
        lines
            .get(at)
            .map_or("<end>".to_string(), |l| format!("{l:?}"))
    };
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
    if cpython.stderr != pyrt.stderr {
        let stderr = String::from_utf8_lossy(&pyrt.stderr);
        if let Some(last) = stderr.lines().rev().find(|l| !l.trim().is_empty()) {
            diffs.push(format!("    pyrt's stderr ends with {last:?}"));
        }
    }
    diffs
}

/// The reason a list gives for `name`, if it lists it.
fn listed(list: &[(&str, &'static str)], name: &str) -> Option<&'static str> {
    list.iter().find(|(n, _)| *n == name).map(|(_, why)| *why)
}

#[test]
fn the_lists_name_scripts_of_the_corpus_once() {
    let names = corpus();
    let by_design: Vec<(&str, &str)> = DIFFERS_BY_DESIGN
        .iter()
        .map(|&(name, _, why)| (name, why))
        .collect();
    for (list, title) in [(PENDING, "PENDING"), (&by_design[..], "DIFFERS_BY_DESIGN")] {
        for (i, (name, why)) in list.iter().enumerate() {
            assert!(
                names.iter().any(|n| n == name),
                "{title}: {name} is not a script of the corpus"
            );
            assert!(!why.trim().is_empty(), "{title}: {name} needs a reason");
            assert!(
                list[..i].iter().all(|(n, _)| n != name),
                "{title}: {name} is listed twice"
            );
        }
    }
    for (name, construct, _) in DIFFERS_BY_DESIGN {
        assert!(
            listed(PENDING, name).is_none(),
            "{name} is both pending and differing by design"
        );
        let source = std::fs::read_to_string(corpus_dir().join(name)).expect("a UTF-8 script");
        assert!(
            source.contains(construct),
            "{name} does not contain `{construct}`"
        );
    }
}

#[test]
fn every_script_is_small_and_prints_no_addresses() {
    let names = corpus();
    assert!(
        names.len() >= MIN_SCRIPTS,
        "the corpus holds {} scripts, fewer than {MIN_SCRIPTS}",
        names.len()
    );
    for name in &names {
        let source = std::fs::read_to_string(corpus_dir().join(name)).expect("a UTF-8 script");
        let lines = source.lines().count();
        assert!(
            (10..=40).contains(&lines),
            "{name}: {lines} lines, not a small script"
        );
        // Addresses differ from run to run: a script must not print them.
        assert!(!source.contains("print(id("), "{name} prints an address");
    }
    let numbers: std::collections::BTreeSet<&str> = names.iter().map(|n| &n[..3]).collect();
    assert_eq!(numbers.len(), names.len(), "two scripts share a number");
}

#[test]
fn the_corpus_folder_holds_only_scripts_and_their_helper_modules() {
    for entry in std::fs::read_dir(corpus_dir()).expect("the corpus folder") {
        let name = entry
            .expect("an entry")
            .file_name()
            .into_string()
            .expect("UTF-8");
        assert!(
            is_script(&name) || name.starts_with("mod_") || name == "__pycache__",
            "{name}: the corpus holds NNN_topic.py scripts and mod_* helper modules only"
        );
    }
}

/// One script run by both interpreters.
struct Compared {
    name: String,
    /// How pyrt's outcome differs from CPython's (see [`differences`]); empty when it matches.
    diffs: Vec<String>,
    /// What pyrt did, to check the refusals of [`DIFFERS_BY_DESIGN`].
    pyrt: Outcome,
}

/// Runs every script of `names` in CPython and in pyrt, on as many threads as there are cores,
/// and returns the comparisons sorted by name.
fn compare_all(python: &pyrt_tests::cpython::CPython, names: &[String]) -> Vec<Compared> {
    let scratch = std::env::temp_dir().join(format!("pyrt-lang-corpus-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).expect("a scratch folder");
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Compared>> = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(name) = names.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let mut cpython = python.command();
                    cpython.arg(name);
                    let mut pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"));
                    pyrt.args(["run", name]);
                    // The VM runs the corpus; the tree walker is on its way out (until the VM
                    // is the default, it is chosen by this variable).
                    pyrt.env("PYRT_VM", "1");
                    let expected = run(cpython, &scratch, &format!("{name}.cpython"));
                    let got = run(pyrt, &scratch, &format!("{name}.pyrt"));
                    let diffs = differences(&expected, &got);
                    let compared = Compared {
                        name: name.clone(),
                        diffs,
                        pyrt: got,
                    };
                    results.lock().expect("no thread panicked").push(compared);
                }
            });
        }
    });
    let _ = std::fs::remove_dir_all(&scratch);
    let mut results = results.into_inner().expect("no thread panicked");
    results.sort_by(|a, b| a.name.cmp(&b.name));
    results
}

/// Where one script stands against the lists.
enum Verdict {
    Matches,
    Pending,
    DiffersByDesign,
    /// A broken rule, with the message to show.
    Broken(String),
}

/// Whether pyrt refused the script cleanly: exit status 1, and the last line of stderr names
/// `construct`.
fn refuses_cleanly(pyrt: &Outcome, construct: &str) -> bool {
    let stderr = String::from_utf8_lossy(&pyrt.stderr);
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    pyrt.code == Some(1) && last.contains(construct)
}

fn judge(c: &Compared) -> Verdict {
    let name = &c.name;
    let design = DIFFERS_BY_DESIGN.iter().find(|(n, _, _)| n == name);
    match (c.diffs.is_empty(), listed(PENDING, name), design) {
        (true, None, None) => Verdict::Matches,
        (true, Some(why), _) => Verdict::Broken(format!(
            "{name} now matches CPython: take it off PENDING (was: {why})"
        )),
        (true, None, Some((_, _, why))) => Verdict::Broken(format!(
            "{name} matches CPython but is listed as differing by design ({why})"
        )),
        (false, Some(_), _) => Verdict::Pending,
        (false, None, Some((_, construct, _))) if refuses_cleanly(&c.pyrt, construct) => {
            Verdict::DiffersByDesign
        }
        (false, None, Some((_, construct, _))) => Verdict::Broken(format!(
            "{name} must be refused with exit status 1 and an error naming `{construct}`, \
             but pyrt exited {:?}, stderr ending {:?}",
            c.pyrt.code,
            String::from_utf8_lossy(&c.pyrt.stderr)
                .lines()
                .last()
                .unwrap_or("")
        )),
        (false, None, None) => Verdict::Broken(format!(
            "{name} differs from CPython:\n{}",
            c.diffs.join("\n")
        )),
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
        eprintln!(
            "language corpus: no CPython 3.12, {} scripts skipped",
            names.len()
        );
        return;
    };
    let results = compare_all(check.python(), &names);
    check.compared(results.len());

    let mut failures = Vec::new();
    let (mut matched, mut pending, mut by_design) = (0, 0, 0);
    for compared in &results {
        match judge(compared) {
            Verdict::Matches => matched += 1,
            Verdict::Pending => pending += 1,
            Verdict::DiffersByDesign => by_design += 1,
            Verdict::Broken(message) => failures.push(message),
        }
    }
    // Written to stderr directly, not through `eprintln!`, so that the test harness does not
    // capture it: the summary shows in `cargo test`'s output whether the test passes or not.
    let summary = format!(
        "language corpus: {} scripts, {matched} match CPython, {pending} pending, \
         {by_design} differ by design\n",
        results.len()
    );
    let _ = std::io::stderr().write_all(summary.as_bytes());
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
