//! `pyrt run -X tracemalloc[=N]` and `PYTHONTRACEMALLOC=N` against a live CPython 3.12.1:
//! the same script runs under each setting in both, and the exit status, stdout and stderr are
//! compared byte for byte (skipped with a notice without CPython; see `pyrt_tests::cpython`).
//! The `tracemalloc` module itself is tested by the language corpus (`lang/710`–`718`).

use std::path::Path;
use std::process::{Command, Output};

/// What the script prints: whether tracing is on and its limit, and the traceback of one of
/// its own allocations (as many frames as the limit allows). Sizes are left to the corpus:
/// tracing from the start also traces the interpreters' own start, which differs.
const SCRIPT: &str = "\
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())


def inner():
    return [str(i) * 10 for i in range(50)]


def outer():
    return inner()


if tracemalloc.is_tracing():
    data = outer()
    tb = tracemalloc.get_object_traceback(data[-1])
    print(len(tb), tb.total_nframe, tb)
    for line in tb.format():
        print(line)
    traces = tracemalloc.take_snapshot().traces
    print(sorted({len(t.traceback) for t in traces if t.traceback[-1] == tb[-1]}))
";

/// `(-X options, PYTHONTRACEMALLOC)` of each case.
const CASES: &[(&[&str], Option<&str>)] = &[
    (&[], None),
    (&["tracemalloc"], None),
    (&["tracemalloc=1"], None),
    (&["tracemalloc=2"], None),
    (&["tracemalloc=25"], None),
    (&["tracemalloc=0"], None),
    (&["tracemalloc="], None),
    (&["tracemalloc= +3"], None),
    (&["tracemalloc=x"], None),
    (&["tracemalloc=-1"], None),
    (&["tracemalloc=99999999999"], None),
    (&["utf8", "tracemalloc=2", "dev"], None),
    (&[], Some("3")),
    (&[], Some("0")),
    (&[], Some("")),
    (&[], Some("nope")),
    (&[], Some("-2")),
    (&["tracemalloc=2"], Some("5")),
    (&["tracemalloc"], Some("x")),
];

fn run(mut cmd: Command, dir: &Path, xoptions: &[&str], env: Option<&str>) -> Output {
    for x in xoptions {
        cmd.arg("-X").arg(x);
    }
    cmd.arg("script.py")
        .current_dir(dir)
        .env_remove("PYTHONTRACEMALLOC");
    if let Some(v) = env {
        cmd.env("PYTHONTRACEMALLOC", v);
    }
    cmd.output().expect("the interpreter runs")
}

#[test]
fn tracemalloc_options_as_cpython_reads_them() {
    let Some(check) = pyrt_tests::cpython::cross_check(CASES.len()) else {
        eprintln!(
            "tracemalloc options: no CPython 3.12, {} cases skipped",
            CASES.len()
        );
        return;
    };
    let dir = std::env::temp_dir().join(format!("pyrt-tracemalloc-x-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    std::fs::write(dir.join("script.py"), SCRIPT).expect("the script is written");
    let mut failures = Vec::new();
    for (xoptions, env) in CASES {
        let expected = run(check.python().command(), &dir, xoptions, *env);
        let mut pyrt = Command::new(env!("CARGO_BIN_EXE_pyrt"));
        pyrt.arg("run");
        let got = run(pyrt, &dir, xoptions, *env);
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let same = expected.status.code() == got.status.code()
            && expected.stdout == got.stdout
            // CPython's failure to start tracing ends with its thread's address: the lines
            // before it are compared.
            && text(&expected.stderr).starts_with(&text(&got.stderr))
            && (expected.stderr.is_empty() == got.stderr.is_empty());
        if !same {
            failures.push(format!(
                "-X {xoptions:?} PYTHONTRACEMALLOC={env:?}\n--- CPython ({:?})\n{}{}\n--- pyrt ({:?})\n{}{}",
                expected.status.code(),
                text(&expected.stdout),
                text(&expected.stderr),
                got.status.code(),
                text(&got.stdout),
                text(&got.stderr),
            ));
        }
    }
    check.compared(CASES.len());
    let _ = std::fs::remove_dir_all(&dir);
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
