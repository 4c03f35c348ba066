//! The cross-checks against a live CPython 3.12, shared by every test binary that runs one.
//!
//! A cross-check runs cases through pyrt and through CPython and compares what each printed.
//! CPython is looked up once per test binary:
//!
//! - `PYRT_CPYTHON=PATH`: that interpreter, which must be a CPython 3.12 — if it does not run,
//!   or is another version, every cross-check **fails** (a typo must not turn the checks off);
//! - `PYRT_CPYTHON=none`: no CPython, by request (the valgrind run uses it): the cross-checks
//!   skip;
//! - unset: `python3.12` with `PYENV_VERSION=3.12.1`; when it does not run (or is not a 3.12),
//!   the cross-checks skip.
//!
//! Every cross-check goes through [`cross_check`], which counts its cases. When CPython was
//! found, a case that was planned but not compared fails the test (a skipped cross-check is a
//! failure); without CPython, the cases are counted as skipped. When the test binary exits it
//! prints one line on stderr, visible in `cargo test`'s output below the binary's result:
//!
//! ```text
//! cpython cross-checks (gc_vs_cpython): 142 ran, 0 skipped (CPython 3.12.1 at /usr/bin/python3.12)
//! ```

use std::cell::Cell;
use std::ffi::OsString;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Once, OnceLock};

/// A CPython 3.12 that answered the version probe.
#[derive(Debug)]
pub struct CPython {
    /// What was run: `$PYRT_CPYTHON` or `python3.12`.
    program: OsString,
    /// Whether `PYENV_VERSION=3.12.1` is set for it (when found as `python3.12`).
    pyenv: bool,
    /// `sys.version`'s first word, e.g. `3.12.1`.
    version: String,
    /// `sys.executable`: the interpreter itself, runnable without pyenv.
    executable: String,
}

impl CPython {
    /// A command running this CPython with `PYTHONHASHSEED=0` (and `PYENV_VERSION=3.12.1`
    /// when it was found through pyenv).
    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        if self.pyenv {
            cmd.env("PYENV_VERSION", "3.12.1");
        }
        cmd.env("PYTHONHASHSEED", "0");
        cmd
    }

    /// `sys.version`'s first word, e.g. `3.12.1`.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The path of the interpreter (`sys.executable`).
    pub fn executable(&self) -> &str {
        &self.executable
    }

    /// Runs `script` (given on standard input) and returns its stdout lines.
    ///
    /// # Panics
    /// If CPython cannot run or the script fails (its stderr is shown).
    pub fn run(&self, script: &str) -> Vec<String> {
        self.run_with_stderr(script).0
    }

    /// As [`CPython::run`], with what the script wrote on stderr too.
    ///
    /// # Panics
    /// If CPython cannot run or the script fails (its stderr is shown).
    pub fn run_with_stderr(&self, script: &str) -> (Vec<String>, String) {
        use std::io::Write;
        let mut child = self
            .command()
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
}

/// The outcome of the lookup, made once per test binary.
#[derive(Debug)]
enum Lookup {
    Found(CPython),
    /// No CPython 3.12 is installed (or `PYRT_CPYTHON=none`): the cross-checks skip.
    Absent(String),
    /// `PYRT_CPYTHON` names something that is not a working CPython 3.12: they fail.
    Refused(String),
}

/// Runs the version probe of `program`.
fn probe(program: &OsString, pyenv: bool) -> Result<CPython, String> {
    let mut cmd = Command::new(program);
    if pyenv {
        cmd.env("PYENV_VERSION", "3.12.1");
    }
    let script = "import sys; print(sys.implementation.name, sys.version.split()[0]); \
                  print(sys.executable)";
    let out = cmd
        .args(["-c", script])
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("did not run ({e})"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(format!("failed ({})", err.trim()));
    }
    let stdout = String::from_utf8_lossy(&out.stdout);
    let mut lines = stdout.lines();
    let (first, executable) = (lines.next().unwrap_or(""), lines.next().unwrap_or(""));
    let version = match first.split_once(' ') {
        Some(("cpython", v)) if v.starts_with("3.12.") => v,
        _ => return Err(format!("is {first:?}, not CPython 3.12")),
    };
    Ok(CPython {
        program: program.clone(),
        pyenv,
        version: version.to_string(),
        executable: executable.to_string(),
    })
}

fn lookup() -> &'static Lookup {
    static LOOKUP: OnceLock<Lookup> = OnceLock::new();
    LOOKUP.get_or_init(|| match std::env::var_os("PYRT_CPYTHON") {
        Some(p) if p == "none" => Lookup::Absent("PYRT_CPYTHON=none".into()),
        Some(p) => probe(&p, false).map_or_else(
            |why| Lookup::Refused(format!("PYRT_CPYTHON={} {why}", p.to_string_lossy())),
            Lookup::Found,
        ),
        None => probe(&"python3.12".into(), true).map_or_else(
            |why| {
                Lookup::Absent(format!(
                    "no CPython 3.12: `PYENV_VERSION=3.12.1 python3.12` {why}; set PYRT_CPYTHON"
                ))
            },
            Lookup::Found,
        ),
    })
}

/// The CPython the cross-checks use, if one was found (see the [module](self) for the rules).
pub fn cpython() -> Option<&'static CPython> {
    match lookup() {
        Lookup::Found(python) => Some(python),
        _ => None,
    }
}

static RAN: AtomicUsize = AtomicUsize::new(0);
static SKIPPED: AtomicUsize = AtomicUsize::new(0);

/// Prints the summary line; registered with `atexit` by the first cross-check.
extern "C" fn print_summary() {
    let binary = std::env::args()
        .next()
        .and_then(|p| {
            let name = std::path::Path::new(&p)
                .file_name()?
                .to_string_lossy()
                .into_owned();
            // Cargo names test binaries `NAME-HASH`.
            Some(
                name.rsplit_once('-')
                    .map_or(name.clone(), |(n, _)| n.to_string()),
            )
        })
        .unwrap_or_default();
    let (ran, skipped) = (RAN.load(Ordering::SeqCst), SKIPPED.load(Ordering::SeqCst));
    let how = match lookup() {
        Lookup::Found(p) => format!("CPython {} at {}", p.version, p.executable),
        Lookup::Absent(why) | Lookup::Refused(why) => why.clone(),
    };
    eprintln!("cpython cross-checks ({binary}): {ran} ran, {skipped} skipped ({how})");
}

fn register_summary() {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // SAFETY: `print_summary` is an `extern "C" fn()` that neither unwinds (eprintln only
        // panics if stderr is gone, and a panic cannot cross `extern "C"`: it aborts) nor calls
        // `exit`; atexit only stores the pointer.
        let registered = unsafe { libc::atexit(print_summary) };
        assert_eq!(registered, 0, "atexit registers the summary");
    });
}

/// Starts a cross-check of `cases` cases against CPython.
///
/// `None` when no CPython 3.12 is installed: the cases count as skipped and the caller
/// returns (or checks pyrt alone). Otherwise the caller runs its cases through
/// [`CrossCheck::python`] and reports each comparison with [`CrossCheck::compared`].
///
/// # Panics
/// When `PYRT_CPYTHON` names something that is not a working CPython 3.12.
pub fn cross_check(cases: usize) -> Option<CrossCheck> {
    register_summary();
    match lookup() {
        Lookup::Found(python) => Some(CrossCheck {
            python,
            planned: cases,
            compared: Cell::new(0),
        }),
        Lookup::Absent(_) => {
            SKIPPED.fetch_add(cases, Ordering::SeqCst);
            None
        }
        Lookup::Refused(why) => panic!(
            "{why}: set PYRT_CPYTHON to a CPython 3.12, or to `none` to skip the cross-checks"
        ),
    }
}

/// A cross-check in progress: when it ends (is dropped), every planned case must have been
/// compared — a case left out is a skipped cross-check while CPython is installed, and fails
/// the test.
#[derive(Debug)]
pub struct CrossCheck {
    python: &'static CPython,
    planned: usize,
    compared: Cell<usize>,
}

impl CrossCheck {
    /// The CPython to compare with.
    pub fn python(&self) -> &'static CPython {
        self.python
    }

    /// Records that `n` more cases were compared with CPython's output.
    pub fn compared(&self, n: usize) {
        self.compared.set(self.compared.get() + n);
    }
}

impl Drop for CrossCheck {
    fn drop(&mut self) {
        let compared = self.compared.get();
        RAN.fetch_add(compared, Ordering::SeqCst);
        SKIPPED.fetch_add(self.planned.saturating_sub(compared), Ordering::SeqCst);
        if !std::thread::panicking() {
            assert_eq!(
                compared, self.planned,
                "cross-check: {compared} of {} planned cases were compared with CPython {}",
                self.planned, self.python.version
            );
        }
    }
}
