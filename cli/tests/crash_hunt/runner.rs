//! Runs batches of cases in child processes and tells a crash (signal, abort, panic, stack
//! overflow, memcheck error, an exception escaping `except BaseException`) or a hang from an
//! ordinary end; then finds the case that crashed.
//!
//! Each case starts by printing a marker line padded past the 8 KiB of pyrt's buffered stdout,
//! so the last marker read before a crash or a stall names the case at fault. A batch that dies
//! is followed by a run of that case alone; a case that only crashes after others is reported
//! with the shortest run of preceding cases that still crashes.

use std::io::{BufRead as _, BufReader, Read as _};
use std::os::unix::process::{CommandExt as _, ExitStatusExt as _};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::generator::{Case, HEADER};

/// What went wrong in a child.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum FaultKind {
    /// Killed by a signal other than SIGABRT (SIGSEGV, SIGBUS, SIGILL, SIGFPE).
    Signal,
    /// SIGABRT: a failed allocation, a panic while panicking, `abort()`.
    Abort,
    /// A Rust panic (exit status 101).
    Panic,
    /// "thread 'main' has overflowed its stack".
    StackOverflow,
    /// No progress within the case timeout.
    Hang,
    /// valgrind memcheck found an error (exit status 99).
    Memcheck,
    /// The script ended early without a crash: an exception escaped `except BaseException`.
    Uncaught,
}

impl FaultKind {
    pub fn name(self) -> &'static str {
        match self {
            FaultKind::Signal => "signal",
            FaultKind::Abort => "abort",
            FaultKind::Panic => "panic",
            FaultKind::StackOverflow => "stack overflow",
            FaultKind::Hang => "hang",
            FaultKind::Memcheck => "memcheck",
            FaultKind::Uncaught => "uncaught",
        }
    }
}

/// A crash or hang, with what the child said about it.
#[derive(Clone, Debug)]
pub struct Fault {
    pub kind: FaultKind,
    /// The panic or abort message, the signal's name, valgrind's first error.
    pub message: String,
    /// The first pyrt function in the backtrace, when there is one.
    pub site: Option<String>,
}

impl Fault {
    /// One line: kind, message, site.
    pub fn describe(&self) -> String {
        let site = self.site.as_deref().unwrap_or("no backtrace");
        format!("{}: {} [{site}]", self.kind.name(), self.message)
    }

    /// What makes two faults the same bug: kind, site and message without numbers.
    pub fn key(&self) -> (FaultKind, String, String) {
        let message: String = self
            .message
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect();
        (self.kind, self.site.clone().unwrap_or_default(), message)
    }
}

/// How a child run ended.
pub struct Run {
    pub fault: Option<Fault>,
    /// The last marker printed: a case's index, and which part of it (0 for the setup, `k`
    /// for operation `k`).
    pub last_marker: Option<(usize, usize)>,
    pub stderr: String,
}

/// How to start the interpreter and how long to wait for it.
pub struct Runner {
    /// The interpreter command, before the script path (`pyrt run`, `valgrind ... pyrt run`).
    pub program: Vec<String>,
    /// The longest a single case may run without printing the next marker.
    pub case_timeout: Duration,
    /// RLIMIT_AS for the child (not under valgrind, which needs the address space).
    pub address_limit: Option<u64>,
    /// Extra environment for the child.
    pub env: Vec<(String, String)>,
    /// Where scripts are written.
    pub dir: PathBuf,
    /// valgrind wraps the interpreter: exit status 99 is a memcheck error.
    pub memcheck: bool,
}

/// Numbers the script files of every runner of the process (tests run side by side).
static SCRIPTS: AtomicUsize = AtomicUsize::new(0);

const STDERR_KEEP: usize = 64 * 1024;

impl Runner {
    pub fn new(program: Vec<String>, case_timeout: Duration, dir: PathBuf) -> Runner {
        Runner {
            program,
            case_timeout,
            address_limit: None,
            env: Vec::new(),
            dir,
            memcheck: false,
        }
    }

    /// A script running `cases` (index, case) in order, each opened by its marker.
    pub fn script(cases: &[(usize, &Case)]) -> String {
        let mut s = String::from(HEADER);
        for (i, case) in cases {
            s.push_str(&format!("print(\"@@\", {i}, 0, PAD)\nr = None\n"));
            block(&mut s, &case.setup.join("\n"));
            for (k, op) in case.ops.iter().enumerate() {
                s.push_str(&format!("print(\"@@\", {i}, {}, PAD)\n", k + 1));
                block(&mut s, op);
            }
        }
        s.push_str("gc.collect()\nprint(\"@@ done\")\n");
        s
    }

    /// Writes `source` to a fresh file and returns its path.
    pub fn write(&self, source: &str) -> PathBuf {
        let n = SCRIPTS.fetch_add(1, Ordering::Relaxed);
        let path = self.dir.join(format!("case-{}-{n}.py", std::process::id()));
        std::fs::write(&path, source).expect("the script is written");
        path
    }

    /// Runs the cases in one child.
    pub fn run_cases(&self, cases: &[(usize, &Case)]) -> Run {
        let path = self.write(&Runner::script(cases));
        let run = self.run_file(&path);
        if run.fault.is_none() {
            let _ = std::fs::remove_file(&path);
        }
        run
    }

    /// Runs a script file in one child, watching for markers, a crash or a stall.
    pub fn run_file(&self, path: &std::path::Path) -> Run {
        let mut cmd = Command::new(&self.program[0]);
        cmd.args(&self.program[1..])
            .arg(path)
            .current_dir(&self.dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("RUST_BACKTRACE", "1");
        for (k, v) in &self.env {
            cmd.env(k, v);
        }
        let address_limit = self.address_limit;
        // SAFETY: the hook runs in the forked child before exec and only calls setrlimit,
        // which is async-signal-safe; it touches no memory shared with the parent.
        unsafe {
            cmd.pre_exec(move || {
                let no_core = libc::rlimit {
                    rlim_cur: 0,
                    rlim_max: 0,
                };
                libc::setrlimit(libc::RLIMIT_CORE, &no_core);
                if let Some(bytes) = address_limit {
                    let cap = libc::rlimit {
                        rlim_cur: bytes,
                        rlim_max: bytes,
                    };
                    libc::setrlimit(libc::RLIMIT_AS, &cap);
                }
                Ok(())
            });
        }
        let mut child = cmd.spawn().expect("the interpreter starts");
        let progress = Arc::new(Mutex::new((None::<(usize, usize)>, Instant::now(), false)));
        let out = child.stdout.take().expect("piped stdout");
        let seen = Arc::clone(&progress);
        let reader = std::thread::spawn(move || {
            let mut out = BufReader::new(out);
            let mut line = Vec::new();
            while out.read_until(b'\n', &mut line).unwrap_or(0) > 0 {
                if let Some(rest) = line.strip_prefix(b"@@ ") {
                    let text = String::from_utf8_lossy(rest);
                    let mut words = text.split_whitespace();
                    let mut p = seen.lock().unwrap();
                    match (words.next(), words.next()) {
                        (Some("done"), _) => p.2 = true,
                        (Some(case), Some(part)) => {
                            if let (Ok(case), Ok(part)) = (case.parse(), part.parse()) {
                                *p = (Some((case, part)), Instant::now(), false);
                            }
                        }
                        _ => {}
                    }
                }
                line.clear();
            }
        });
        let mut err = child.stderr.take().expect("piped stderr");
        let err_reader = std::thread::spawn(move || {
            let mut kept = Vec::new();
            let _ = (&mut err).take(STDERR_KEEP as u64).read_to_end(&mut kept);
            // Drain the rest so the child never blocks on a full pipe.
            let _ = std::io::copy(&mut err, &mut std::io::sink());
            String::from_utf8_lossy(&kept).into_owned()
        });
        let mut hung = false;
        let status = loop {
            if let Some(status) = child.try_wait().expect("wait for the child") {
                break status;
            }
            let stalled = progress.lock().unwrap().1.elapsed() > self.case_timeout;
            if stalled {
                hung = true;
                let _ = child.kill();
                break child.wait().expect("wait for the killed child");
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let _ = reader.join();
        let stderr = err_reader.join().unwrap_or_default();
        let (last_marker, _, done) = *progress.lock().unwrap();
        let fault = classify(hung, status, &stderr, done, self.memcheck);
        Run {
            fault,
            last_marker,
            stderr,
        }
    }
}

/// Indents `code` under a `try:` whose handler prints the exception's type.
fn block(s: &mut String, code: &str) {
    s.push_str("try:\n    pass\n");
    for line in code.lines() {
        s.push_str("    ");
        s.push_str(line);
        s.push('\n');
    }
    s.push_str("except BaseException as e:\n    print(\"!\", type(e).__name__)\n");
}

/// Crash, hang, or a clean end.
fn classify(
    hung: bool,
    status: std::process::ExitStatus,
    stderr: &str,
    done: bool,
    memcheck: bool,
) -> Option<Fault> {
    let site = site(stderr);
    let fault = |kind, message: String| {
        Some(Fault {
            kind,
            message,
            site: site.clone(),
        })
    };
    if hung {
        return fault(
            FaultKind::Hang,
            "no progress within the case timeout".into(),
        );
    }
    if stderr.contains("has overflowed its stack") {
        return fault(FaultKind::StackOverflow, "stack overflow".into());
    }
    if let Some(message) = panic_message(stderr) {
        return fault(FaultKind::Panic, message);
    }
    if let Some(sig) = status.signal() {
        if sig == libc::SIGABRT {
            let message = stderr
                .lines()
                .find(|l| l.contains("memory allocation of"))
                .unwrap_or("SIGABRT")
                .to_string();
            return fault(FaultKind::Abort, message);
        }
        return fault(FaultKind::Signal, signal_name(sig));
    }
    if memcheck && status.code() == Some(99) {
        let first = stderr
            .lines()
            .find(|l| l.starts_with("==") && !l.trim_end().ends_with("=="))
            .unwrap_or("memcheck error");
        return fault(FaultKind::Memcheck, first.to_string());
    }
    if !done || !status.success() {
        let last = stderr.lines().last().unwrap_or("no output").to_string();
        return fault(FaultKind::Uncaught, last);
    }
    None
}

/// The panic message: the line after "panicked at FILE:LINE:COL:".
fn panic_message(stderr: &str) -> Option<String> {
    let mut lines = stderr.lines();
    while let Some(line) = lines.next() {
        if let Some(at) = line.find("panicked at ") {
            let location = line[at + "panicked at ".len()..].trim_end_matches(':');
            let message = lines.next().unwrap_or("").trim();
            return Some(format!("{message} (at {location})"));
        }
    }
    None
}

/// The first function of pyrt's own crates in a Rust backtrace.
fn site(stderr: &str) -> Option<String> {
    stderr.lines().find_map(|line| {
        let (num, name) = line.trim_start().split_once(": ")?;
        if !num.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let ours = [
            "pyrt::",
            "pyrt_objects::",
            "pyrt_gc::",
            "pyrt_allocator::",
            "<pyrt",
        ];
        ours.iter()
            .any(|p| name.starts_with(p))
            .then(|| name.trim().to_string())
    })
}

fn signal_name(sig: i32) -> String {
    match sig {
        libc::SIGSEGV => "SIGSEGV".into(),
        libc::SIGBUS => "SIGBUS".into(),
        libc::SIGILL => "SIGILL".into(),
        libc::SIGFPE => "SIGFPE".into(),
        libc::SIGKILL => "SIGKILL".into(),
        other => format!("signal {other}"),
    }
}

/// A crash found by [`hunt`]: the cases that reproduce it, in order, and the fault.
pub struct Found {
    pub cases: Vec<usize>,
    pub fault: Fault,
    /// The batch crashed but neither the case alone nor its prefix did.
    pub flaky: bool,
    /// The script that reproduces it.
    pub script: PathBuf,
    /// For a single case: the case less the operations it crashes without.
    pub minimal: Option<String>,
}

/// Runs `cases` (index, case) in batches of `batch`; returns every crash found, and the number
/// of children run. Crashes that `known` recognises (from the fault and the case's text) are
/// not minimized.
pub fn hunt(
    runner: &Runner,
    cases: &[(usize, &Case)],
    batch: usize,
    known: &dyn Fn(&Fault, &str) -> bool,
) -> (Vec<Found>, usize) {
    let mut found = Vec::new();
    let mut runs = 0;
    let mut start = 0;
    while start < cases.len() {
        let end = (start + batch).min(cases.len());
        runs += 1;
        let run = runner.run_cases(&cases[start..end]);
        let Some(fault) = run.fault else {
            start = end;
            continue;
        };
        // The case whose marker came last, and the part of it; the first case if none came.
        let (at, part) = run
            .last_marker
            .and_then(|(m, part)| {
                let p = cases[start..end].iter().position(|(i, _)| *i == m)?;
                Some((start + p, part))
            })
            .unwrap_or_else(|| (first_faulty(runner, cases, start, end), usize::MAX));
        let (f, n) = locate(runner, cases, start..end, (at, part), fault, known);
        runs += n;
        found.push(f);
        start = at + 1;
    }
    (found, runs)
}

/// The first case of `start..end` after which the run faults (when no marker came: the
/// script did not compile, or the header crashed).
fn first_faulty(runner: &Runner, cases: &[(usize, &Case)], start: usize, end: usize) -> usize {
    let (mut lo, mut hi) = (start, end - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if runner.run_cases(&cases[start..=mid]).fault.is_some() {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// The reproducer of a crash of batch `batch` whose last marker was part `part` of case `at`.
fn locate(
    runner: &Runner,
    cases: &[(usize, &Case)],
    batch: std::ops::Range<usize>,
    (at, part): (usize, usize),
    batch_fault: Fault,
    known: &dyn Fn(&Fault, &str) -> bool,
) -> (Found, usize) {
    let mut runs = 0;
    let (index, whole) = cases[at];
    // The operations after the marked one never ran.
    let mut case = whole.clone();
    case.ops.truncate(part);
    let found = |case: &Case, fault: Fault| Found {
        cases: vec![index],
        minimal: Some(case.text()),
        script: runner.write(&Runner::script(&[(index, case)])),
        fault,
        flaky: false,
    };
    if batch_fault.kind == FaultKind::Hang && part >= 1 {
        // A hang is most often the marked operation alone, and each try costs a timeout.
        let only = Case {
            setup: case.setup.clone(),
            ops: vec![case.ops[part - 1].clone()],
        };
        runs += 1;
        if let Some(fault) = runner.run_cases(&[(index, &only)]).fault {
            return (found(&only, hang_in(fault, &only)), runs);
        }
    }
    runs += 1;
    if let Some(fault) = runner.run_cases(&[(index, &case)]).fault {
        if known(&fault, &case.text()) {
            return (found(&case, fault), runs);
        }
        let (case, fault, n) = minimize(runner, &case, fault);
        let fault = hang_in(fault, &case);
        return (found(&case, fault), runs + n);
    }
    let (start, end) = (batch.start, batch.end);
    // Not alone: find the shortest run of cases before it that still crashes.
    let crashes = |from: usize| runner.run_cases(&cases[from..=at]).fault;
    runs += 1;
    if let Some(mut fault) = crashes(start) {
        let (mut lo, mut hi) = (start, at);
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            runs += 1;
            match crashes(mid) {
                Some(f) => {
                    lo = mid;
                    fault = f;
                }
                None => hi = mid,
            }
        }
        let slice = &cases[lo..=at];
        let found = Found {
            cases: slice.iter().map(|(i, _)| *i).collect(),
            fault,
            flaky: false,
            minimal: None,
            script: runner.write(&Runner::script(slice)),
        };
        return (found, runs);
    }
    let slice = &cases[start..end];
    let found = Found {
        cases: slice.iter().map(|(i, _)| *i).collect(),
        fault: batch_fault,
        flaky: true,
        minimal: None,
        script: runner.write(&Runner::script(slice)),
    };
    (found, runs)
}

/// `case` without each operation that it still crashes the same way without (hangs are left
/// whole: each try would cost a timeout).
fn minimize(runner: &Runner, case: &Case, fault: Fault) -> (Case, Fault, usize) {
    let mut case = case.clone();
    let mut fault = fault;
    let mut runs = 0;
    if fault.kind == FaultKind::Hang {
        return (case, fault, runs);
    }
    let mut i = case.ops.len();
    while i > 0 {
        i -= 1;
        let mut shorter = case.clone();
        shorter.ops.remove(i);
        runs += 1;
        match runner.run_cases(&[(0, &shorter)]).fault {
            Some(f) if f.key() == fault.key() => {
                case = shorter;
                fault = f;
            }
            _ => {}
        }
    }
    (case, fault, runs)
}

/// A hang names the operation that stalled, so that hangs group by operation.
fn hang_in(mut fault: Fault, case: &Case) -> Fault {
    if fault.kind == FaultKind::Hang {
        let op = case.ops.last().map_or("the setup", String::as_str);
        fault.message = format!("no progress within the case timeout in `{op}`");
    }
    fault
}
