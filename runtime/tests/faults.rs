//! Issue 12's classes of fault, one exact transcript each: scripts that used to crash pyrt
//! (abort, segfault, panic, hang) or answer wrongly, with what CPython 3.12.1 prints for them.
//! The expectations were produced by `python3.12` (3.12.1, 64-bit, `PYTHONHASHSEED=0`).

use std::process::{Command, Output};

fn run_code(code: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run", "-c", code])
        .output()
        .expect("the pyrt binary runs")
}

/// Runs `code` and checks stdout and the exit status against CPython's.
fn check(code: &str, cpython_stdout: &str) {
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

#[test]
fn list_repetition_past_memory_is_a_memory_error() {
    check(
        "\
try:
    x = [0] * 10**12
except MemoryError as e:
    print('MemoryError', repr(e))
m = [1, 2]
try:
    m *= 10**12
except MemoryError:
    print('MemoryError', m)
m *= 2
print(m)
m *= -1
print(m)
try:
    [1] * (2**63)
except OverflowError as e:
    print('OverflowError', e)
try:
    [1] * 2.0
except TypeError as e:
    print('TypeError', e)
print([] * (2**63 - 1), [1, 2] + [3])
",
        "\
MemoryError MemoryError()
MemoryError [1, 2]
[1, 2, 1, 2]
[]
OverflowError cannot fit 'int' into an index-sized integer
TypeError can't multiply sequence by non-int of type 'float'
[] [1, 2, 3]
",
    );
}

#[test]
fn list_sort_calls_its_key_and_propagates_what_it_raises() {
    check(
        "\
l = [3, 20, 100]
l.sort(key=str)
print(l)
l.sort(key=None, reverse=True)
print(l)
def bad(x):
    return 1 / 0
try:
    l.sort(key=bad)
except ZeroDivisionError as e:
    print('ZeroDivisionError', e, l)
try:
    l.sort(1)
except TypeError as e:
    print(e)
try:
    l.sort(cmp=1)
except TypeError as e:
    print(e)
",
        "\
[100, 20, 3]
[100, 20, 3]
ZeroDivisionError division by zero [100, 20, 3]
sort() takes no positional arguments
'cmp' is an invalid keyword argument for sort()
",
    );
}

#[test]
fn an_exception_from_a_key_function_keeps_its_traceback() {
    let out = run_code("def key(x):\n    return 1 / 0\n[1, 2].sort(key=key)\n");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // CPython 3.12.1 also prints the caret line under `1 / 0`, which pyrt does not yet.
    let want = [
        "Traceback (most recent call last):",
        "  File \"<string>\", line 3, in <module>",
        "  File \"<string>\", line 2, in key",
        "ZeroDivisionError: division by zero",
    ];
    let got: Vec<&str> = stderr
        .lines()
        .filter(|l| !l.trim().starts_with('~'))
        .collect();
    assert_eq!(got, want, "{stderr}");
}
