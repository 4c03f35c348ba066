//! The crash hunt: no input a script can give may crash pyrt. A signal, a Rust panic, an abort,
//! a stack overflow or a hang where CPython answers is always a bug.
//!
//! `generated_cases_do_not_crash` generates seeded cases (`crash_hunt/generator.rs`): calls of
//! every built-in function, every method of every built-in type (CPython 3.12's lists, so
//! missing methods are tried too) and every operator, with arguments of every kind, huge and
//! negative numbers, extreme slices, self-referencing and deeply nested containers, iterables of
//! the wrong shape, keyword arguments, and objects whose `__del__` mutates the container being
//! worked on; and one case in ten is a VM scenario (`crash_hunt/vm_cases.rs`: inline caches
//! invalidated under a warm site, generators and `__init__` run inline, frames kept past their
//! run, `eval`/`exec`, `except*`, type parameters). They run in batches through the real
//! `pyrt` binary (`crash_hunt/runner.rs`), under a 1 GiB address-space limit and a 512 MiB
//! allocator limit, each operation in its own `try: ... except BaseException`; a batch that
//! crashes or stalls is narrowed down to the case at fault.
//!
//! [`KNOWN_CRASHES`] lists the crashes not fixed yet: generated cases that match one are
//! skipped, and `known_crashes_still_crash` fails as soon as one no longer crashes, so that the
//! list only shrinks (move a fixed entry to [`FIXED`]).
//!
//! Environment: `PYRT_CRASH_HUNT_SEED` (default 12), `PYRT_CRASH_HUNT_CASES` (default 6000),
//! `PYRT_CRASH_HUNT_BATCH` (cases per child, 250), `PYRT_CRASH_HUNT_TIMEOUT` (seconds a case
//! may run, 5), `PYRT_CRASH_HUNT_WRAPPER` (a command to run pyrt under, such as valgrind,
//! whose exit status 99 counts as a memcheck error), `PYRT_CRASH_HUNT_NO_SKIP=1` (run the
//! known crashes too, and name the entry each one matches), `PYRT_CRASH_HUNT_INTERP` (run the
//! scripts with another interpreter instead of `pyrt run`: with `python3.12`, every case must
//! end quickly in CPython, which checks that the generator asks only what CPython answers).

#[path = "crash_hunt/generator.rs"]
mod generator;
#[path = "crash_hunt/runner.rs"]
mod runner;
#[path = "crash_hunt/vm_cases.rs"]
mod vm_cases;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use generator::{Case, Generator};
use runner::{FaultKind, Found, Runner};

/// A crash not fixed yet.
struct Known {
    /// The smallest script that shows it (the test's header defines `K`, `SL`, ...).
    reproducer: &'static str,
    /// What it does today, in the debug build the tests run (some crashes read freed memory
    /// and end one way or another).
    faults: &'static [FaultKind],
    /// The observed message and faulting function, for the reader.
    observed: &'static str,
    /// A crash found is this one when its backtrace names this function ("" for none).
    site: &'static str,
    /// Generated cases that are this crash, skipped before they run (hangs cost a timeout
    /// each, and `{**x}` is generated often).
    skip: Option<fn(&str) -> bool>,
}

/// The crashes pyrt has today. Fix one, and `known_crashes_still_crash` asks to move it to
/// [`FIXED`].
const KNOWN_CRASHES: &[Known] = &[];

/// Crashes that were fixed: each must now end with a result or an exception.
const FIXED: &[&str] = &[
    // Issue 12's crashes, found by the generator on the code before typed views and size
    // checks (segfaults, aborts, panics and hangs), each now CPython's answer or exception.
    "c = {}\nc.update([(1, 2), (3, 4)])",
    "x = {**[(1, 2)]}",
    "class A:\n    pass\na = A()\na.__dict__.update({'x': 1})\nb = A()\nb.y = 1",
    "'a' * 10**12",
    "b'a' * 10**12",
    "[0] * 10**12",
    "l = [0]\nl *= 10**12",
    "(0,) * 10**12",
    "() * (2**63 - 1)",
    // `BINARY_OP`'s machine-word floor division overflowed `i64` (review of the speed work).
    "a = -2**63\nb = -1\nprint(a // b)",
    "range(2**63)[::2]",
    "range(2**62)[2:10**12:]",
    "'a'[::-2**63]",
    "list(range(2**62))",
    "2**99 in range(0, 2**100, 2)",
    // A __del__ that clears the dict being merged (commit c5ea804).
    "class D:\n    def __del__(self):\n        G.clear()\nG = {1: D(), 2: D()}\nr = {1: 0}\nr.update(G)",
];

struct Settings {
    seed: u64,
    cases: usize,
    batch: usize,
    timeout: Duration,
    no_skip: bool,
    runner: Runner,
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not a valid value")),
        Err(_) => default,
    }
}

/// A runner whose cases time out after `timeout` (CPython answers each known hang at once: a
/// few seconds without progress is a hang).
fn settings_with_timeout(timeout: Duration) -> Runner {
    let mut runner = settings().runner;
    runner.case_timeout = runner.case_timeout.min(timeout);
    runner
}

fn settings() -> Settings {
    let timeout = Duration::from_secs_f64(env_or("PYRT_CRASH_HUNT_TIMEOUT", 5.0));
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("crash_hunt");
    std::fs::create_dir_all(&dir).expect("a folder for the scripts");
    let wrapper: Vec<String> = std::env::var("PYRT_CRASH_HUNT_WRAPPER")
        .unwrap_or_default()
        .split_whitespace()
        .map(String::from)
        .collect();
    let interp: Vec<String> = match std::env::var("PYRT_CRASH_HUNT_INTERP") {
        Ok(cmd) => cmd.split_whitespace().map(String::from).collect(),
        Err(_) => vec![env!("CARGO_BIN_EXE_pyrt").into(), "run".into()],
    };
    let memcheck = wrapper.iter().any(|w| w.contains("valgrind"));
    let mut runner = Runner::new([wrapper.clone(), interp].concat(), timeout, dir);
    runner.memcheck = memcheck;
    if wrapper.is_empty() {
        runner.address_limit = Some(1 << 30);
    }
    runner
        .env
        .push(("PYRT_MEMORY_LIMIT".into(), (512u64 << 20).to_string()));
    Settings {
        seed: env_or("PYRT_CRASH_HUNT_SEED", 12),
        cases: env_or("PYRT_CRASH_HUNT_CASES", 6000),
        batch: env_or("PYRT_CRASH_HUNT_BATCH", 250),
        timeout,
        no_skip: std::env::var("PYRT_CRASH_HUNT_NO_SKIP").is_ok_and(|v| v == "1"),
        runner,
    }
}

/// The known crash that a generated case is, judged by its text alone (to skip it).
fn skip_rule(text: &str) -> Option<usize> {
    KNOWN_CRASHES
        .iter()
        .position(|k| k.skip.is_some_and(|skip| skip(text)))
}

/// The known crash that a crash found is: the same kind and faulting function, or a text its
/// skip rule matches.
fn known(fault: &runner::Fault, text: &str) -> Option<usize> {
    KNOWN_CRASHES.iter().position(|k| {
        let site = fault.site.as_deref().unwrap_or("");
        let same_site = !k.site.is_empty() && site.contains(k.site);
        k.faults.contains(&fault.kind) && same_site || k.skip.is_some_and(|s| s(text))
    })
}

#[test]
fn generated_cases_do_not_crash() {
    let s = settings();
    let mut g = Generator::new(s.seed);
    let cases: Vec<Case> = (0..s.cases).map(|_| g.case()).collect();
    let mut skipped = 0;
    let run: Vec<(usize, &Case)> = cases
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let skip = !s.no_skip && skip_rule(&c.text()).is_some();
            skipped += usize::from(skip);
            !skip
        })
        .collect();
    let started = Instant::now();
    let is_known = |fault: &runner::Fault, text: &str| known(fault, text).is_some();
    let (found, runs) = runner::hunt(&s.runner, &run, s.batch, &is_known);
    eprintln!(
        "crash hunt: seed {}, {} cases generated, {skipped} skipped as known crashes, {} run \
         in {runs} children in {:.1} s; {} crashes found",
        s.seed,
        cases.len(),
        run.len(),
        started.elapsed().as_secs_f64(),
        found.len(),
    );
    let new = report(&found, &cases);
    let hangs_under_load = found
        .iter()
        .filter(|f| f.flaky && f.fault.kind == FaultKind::Hang)
        .count();
    if hangs_under_load > 0 {
        eprintln!(
            "crash hunt: {hangs_under_load} batches stalled past {:?} but no case did alone \
             (a loaded machine?); not counted",
            s.timeout
        );
    }
    assert_eq!(
        new, 0,
        "the crash hunt found {new} new crashes (above); fix them, or list them in KNOWN_CRASHES"
    );
}

/// Prints the crashes grouped by fault (kind, site, message); returns how many groups are new.
fn report(found: &[Found], cases: &[Case]) -> usize {
    let mut groups: BTreeMap<_, Vec<&Found>> = BTreeMap::new();
    for f in found {
        if f.flaky && f.fault.kind == FaultKind::Hang {
            continue;
        }
        groups.entry(f.fault.key()).or_default().push(f);
    }
    let mut new = 0;
    for group in groups.values() {
        let text = |f: &Found| -> String {
            if let Some(minimal) = &f.minimal {
                return minimal.clone();
            }
            f.cases
                .iter()
                .map(|&i| cases[i].text())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let shortest = group
            .iter()
            .min_by_key(|f| text(f).len())
            .expect("a group has a crash");
        let known_as: Vec<usize> = group
            .iter()
            .filter_map(|f| known(&f.fault, &text(f)))
            .collect();
        let all_known = known_as.len() == group.len();
        if !all_known {
            new += 1;
        }
        eprintln!(
            "\n{} ({} cases){}{}\n  script: {}\n{}",
            shortest.fault.describe(),
            group.len(),
            if shortest.flaky {
                " [only in its batch]"
            } else {
                ""
            },
            if all_known {
                format!(" [known: KNOWN_CRASHES[{}]]", known_as[0])
            } else {
                String::new()
            },
            shortest.script.display(),
            indent(&text(shortest)),
        );
        let mut others: Vec<String> = group.iter().map(|f| text(f).replace('\n', "; ")).collect();
        others.sort_by_key(String::len);
        others.dedup();
        for other in others.iter().skip(1).take(12) {
            let cut: String = other.chars().take(160).collect();
            eprintln!("  also: {cut}");
        }
    }
    new
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>()
}

/// A snippet as a case of its own.
fn snippet(code: &str) -> Case {
    Case {
        setup: Vec::new(),
        ops: vec![code.to_string()],
    }
}

#[test]
fn known_crashes_still_crash() {
    // The hangs wait out their timeouts side by side; the others run one at a time (several
    // fill the memory cap before they abort) with the ordinary timeout.
    let hang_runner = settings_with_timeout(Duration::from_secs(3));
    let mut runner = settings().runner;
    runner.case_timeout = runner.case_timeout.max(Duration::from_secs(30));
    let results: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = KNOWN_CRASHES
            .iter()
            .filter(|k| k.faults == [FaultKind::Hang])
            .map(|k| {
                let runner = &hang_runner;
                scope.spawn(move || runner.run_cases(&[(0, &snippet(k.reproducer))]).fault)
            })
            .collect();
        let mut others = KNOWN_CRASHES
            .iter()
            .filter(|k| k.faults != [FaultKind::Hang])
            .map(|k| runner.run_cases(&[(0, &snippet(k.reproducer))]).fault)
            .collect::<Vec<_>>()
            .into_iter();
        let mut hangs = handles.into_iter().map(|h| h.join().unwrap());
        KNOWN_CRASHES
            .iter()
            .map(|k| {
                if k.faults == [FaultKind::Hang] {
                    hangs.next().unwrap()
                } else {
                    others.next().unwrap()
                }
            })
            .collect::<Vec<_>>()
    });
    let mut fixed = Vec::new();
    for (i, (k, fault)) in KNOWN_CRASHES.iter().zip(results).enumerate() {
        match fault {
            Some(f) if k.faults.contains(&f.kind) => {}
            other => fixed.push(format!(
                "KNOWN_CRASHES[{i}] ({} {}) now gives {:?}:\n{}",
                k.faults[0].name(),
                k.observed,
                other.map(|f| f.describe()),
                indent(k.reproducer)
            )),
        }
    }
    assert!(
        fixed.is_empty(),
        "known crashes that no longer crash as listed; move them to FIXED:\n{}",
        fixed.join("\n")
    );
}

#[test]
fn fixed_crashes_stay_fixed() {
    let s = settings();
    for code in FIXED {
        let case = snippet(code);
        let run = s.runner.run_cases(&[(0, &case)]);
        assert!(
            run.fault.is_none(),
            "a fixed crash is back: {}\n{}{}",
            run.fault.map(|f| f.describe()).unwrap_or_default(),
            indent(code),
            run.stderr
        );
    }
}
