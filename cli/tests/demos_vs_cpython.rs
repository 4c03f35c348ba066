//! The scripts of the demos built for issue 15 (`pyrt demo tracemalloc`, `pyrt demo
//! pymalloc-layers`) print in `pyrt demo` what CPython 3.12.1 prints running them: each
//! script's section of the demo (after `prints:`) against CPython running the same source,
//! compiled under the same file name (`NAME.py`, as the demo runs it), in a fresh namespace.
//! Without a CPython 3.12 the comparison is skipped with a notice (`pyrt_tests::cpython`).

use std::process::Command;

/// The demos whose script this test compares: (demo name, the file name the demo runs its
/// script as, the script).
const DEMOS: &[(&str, &str, &str)] = &[
    (
        "tracemalloc",
        "tracemalloc.py",
        include_str!("../src/demos/tracemalloc.py"),
    ),
    (
        "pymalloc-layers",
        "pymalloc_layers.py",
        include_str!("../src/demos/pymalloc_layers.py"),
    ),
];

/// What `pyrt demo NAME` prints.
fn demo(name: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["demo", name])
        .output()
        .expect("the pyrt binary runs");
    assert!(out.status.success(), "pyrt demo {name} succeeds");
    String::from_utf8(out.stdout).expect("utf-8 output")
}

/// The lines the script printed in a demo's transcript: those after `prints:`, up to the first
/// line that is not indented as the script's output is (a native demo's own text).
fn printed_lines(transcript: &str) -> Vec<String> {
    let (_, after) = transcript
        .split_once("\n  prints:\n\n")
        .expect("the transcript shows what the script prints");
    after
        .lines()
        .take_while(|l| l.is_empty() || l.starts_with("    "))
        .map(|l| l.strip_prefix("    ").unwrap_or(l).to_string())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .skip_while(String::is_empty)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect()
}

/// A CPython program running `source` as `file` in a fresh `__main__`-like namespace.
fn driver(file: &str, source: &str) -> String {
    format!(
        "import sys\nsys.path = [p for p in sys.path if p not in ('', '.')]\n\
         code = compile({source:?}, {file:?}, 'exec')\n\
         exec(code, {{'__name__': '__main__', '__builtins__': __builtins__}})\n",
        source = PyStr(source),
        file = PyStr(file),
    )
}

/// A Rust string as a Python string literal (`Debug` escapes the same characters Python reads
/// back: quotes, backslashes, newlines).
struct PyStr<'a>(&'a str);

impl std::fmt::Debug for PyStr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        assert!(self.0.is_ascii(), "the demo scripts are ASCII");
        write!(f, "{:?}", self.0)
    }
}

#[test]
fn the_issue_15_demo_scripts_print_what_cpython_prints() {
    let Some(check) = pyrt_tests::cpython::cross_check(DEMOS.len()) else {
        return;
    };
    for (name, file, source) in DEMOS {
        let ours = printed_lines(&demo(name));
        assert!(
            ours.len() >= 5,
            "{name}: the script printed its lines: {ours:?}"
        );
        let theirs = check.python().run(&driver(file, source));
        assert_eq!(
            ours, theirs,
            "pyrt demo {name}: the script's output against CPython's"
        );
        check.compared(1);
    }
}

#[test]
fn printed_lines_stop_at_the_native_part() {
    let transcript = "    x = 1\n\n  prints:\n\n    a\n\n    b\n\nThe same blocks\n  c\n";
    assert_eq!(printed_lines(transcript), ["a", "", "b"]);
}
