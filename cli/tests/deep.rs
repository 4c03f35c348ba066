//! Deep sources end as CPython 3.12 ends them, never in a crash: the tokenizer's limits
//! (`too many nested parentheses`, `too many levels of indentation`), the parser's stack
//! (`MemoryError: Parser stack overflowed`), the compiler's recursion limit (`RecursionError:
//! maximum recursion depth exceeded during compilation`), and the chains CPython runs.
//!
//! Each source is generated here; the snapshots hold pyrt's transcript, which is CPython
//! 3.12.1's. When a CPython 3.12 is found (`$PYRT_CPYTHON`, else `python3.12` with
//! `PYENV_VERSION=3.12.1`), each transcript is also compared with the one it prints.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrt-deep-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

/// Stdout, then stderr and the exit status, as one transcript; CPython's absolute script path
/// is shown as given (`dir` removed).
fn transcript(out: &Output, dir: &Path) -> String {
    let text = |b: &[u8]| String::from_utf8_lossy(b).replace(&format!("{}/", dir.display()), "");
    format!(
        "{}--- stderr ---\n{}--- exit {:?}",
        text(&out.stdout),
        text(&out.stderr),
        out.status.code()
    )
}

/// A command running CPython 3.12, as the other cross-checks find it.
fn python() -> Command {
    let program = std::env::var_os("PYRT_CPYTHON").unwrap_or_else(|| "python3.12".into());
    let mut cmd = Command::new(program);
    if std::env::var_os("PYRT_CPYTHON").is_none() {
        cmd.env("PYENV_VERSION", "3.12.1");
    }
    cmd
}

/// Whether a CPython 3.12 is there to compare with (a notice is printed when not).
fn have_cpython() -> bool {
    let probe = python()
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 12))"])
        .output();
    let found = probe.is_ok_and(|out| String::from_utf8_lossy(&out.stdout).trim() == "True");
    if !found {
        println!("notice: no CPython 3.12 found; deep sources are checked against snapshots only");
    }
    found
}

fn pyrt() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
}

/// The deep sources: a name and the script.
fn sources() -> Vec<(&'static str, String)> {
    let chain = |n: usize, link: &str, end: &str| format!("x = {}{end}\n", link.repeat(n));
    let nested = |n: usize, open: &str, inner: &str, close: &str| {
        format!("x = {}{inner}{}\n", open.repeat(n), close.repeat(n))
    };
    let indented = |n: usize| {
        let mut s: String = (0..n)
            .map(|i| format!("{}if True:\n", " ".repeat(i)))
            .collect();
        s.push_str(&format!("{}print('deep')\n", " ".repeat(n)));
        s
    };
    let elifs = |n: usize| {
        let clauses: String = (1..=n)
            .map(|i| format!("elif x == {i}:\n    pass\n"))
            .collect();
        format!("x = 0\nif x == -1:\n    pass\n{clauses}print('done')\n")
    };
    let joined = |n: usize, item: &str, sep: &str| vec![item; n].join(sep);
    let minus = |n: usize| format!("{}1", "-".repeat(n));
    vec![
        ("minus_150k", chain(150_000, "-", "1")),
        ("minus_1m", chain(1_000_000, "-", "1")),
        ("minus_5000", chain(5_000, "-", "1")),
        ("minus_2998", chain(2_998, "-", "1") + "print(x)\n"),
        ("minus_2999", chain(2_999, "-", "1") + "print(x)\n"),
        ("minus_5966_parses", chain(5_966, "-", "1")),
        ("minus_5967", chain(5_967, "-", "1")),
        ("not_100k", chain(100_000, "not ", "x")),
        ("not_2998", chain(2_998, "not ", "True") + "print(x)\n"),
        ("tilde_plus_100k", chain(50_000, "~+", "1")),
        (
            "power_100k",
            format!("x = {}\n", joined(100_000, "1", "**")),
        ),
        ("conditional_100k", chain(100_000, "1 if x else ", "1")),
        ("lambda_10k", chain(10_000, "lambda: ", "1")),
        ("parens_200", nested(200, "(", "1", ")") + "print(x)\n"),
        ("parens_201", nested(201, "(", "1", ")")),
        ("lists_200", nested(200, "[", "", "]") + "print(len(x))\n"),
        ("lists_100k_lines", nested(100_000, "[\n", "", "]")),
        (
            "parens_100_minus_3184",
            nested(100, "(", &minus(3_184), ")"),
        ),
        (
            "parens_100_minus_3185",
            nested(100, "(", &minus(3_185), ")"),
        ),
        ("sum_3000", format!("x = {}\n", joined(3_000, "1", "+"))),
        ("sum_100k", format!("x = {}\n", joined(100_000, "1", "+"))),
        ("sum_1m", format!("x = {}\n", joined(1_000_000, "1", "+"))),
        (
            "attributes_100k",
            format!("x = a{}\n", ".b".repeat(100_000)),
        ),
        ("calls_100k", format!("x = print{}\n", "()".repeat(100_000))),
        (
            "subscripts_100k",
            format!("x = [0]{}\n", "[0]".repeat(100_000)),
        ),
        (
            "and_100k",
            format!("x = {}\nprint(x)\n", joined(100_000, "1", " and ")),
        ),
        (
            "compare_100k",
            format!("x = {}\nprint(x)\n", joined(100_000, "1", " < ")),
        ),
        (
            "strings_100k",
            format!("x = {}\nprint(len(x))\n", joined(100_000, "'a'", " ")),
        ),
        ("indent_99", indented(99)),
        ("indent_100", indented(100)),
        ("indent_1000", indented(1_000)),
        ("elif_2000", elifs(2_000)),
        ("elif_3000", elifs(3_000)),
        ("elif_100k", elifs(100_000)),
    ]
}

#[test]
fn deep_sources_end_as_cpython_ends_them() {
    let dir = scratch();
    let compare = have_cpython();
    for (name, source) in sources() {
        let file = format!("{name}.py");
        std::fs::write(dir.join(&file), &source).expect("the script is written");
        let out = pyrt()
            .current_dir(&dir)
            .args(["run", &file])
            .output()
            .expect("pyrt runs");
        let ours = transcript(&out, &dir);
        insta::assert_snapshot!(name, ours);
        if compare {
            let theirs = python()
                .current_dir(&dir)
                .arg(&file)
                .output()
                .expect("CPython runs");
            assert_eq!(ours, transcript(&theirs, &dir), "{name}");
        }
    }
}

#[test]
fn deep_code_given_with_c_ends_as_in_a_file() {
    let dir = scratch();
    let compare = have_cpython();
    let cases = [
        (
            "x = ".to_string() + &"-".repeat(100_000) + "1",
            "MemoryError",
        ),
        (
            format!("x = {}", vec!["1"; 20_000].join("+")),
            "RecursionError",
        ),
    ];
    for (code, error) in cases {
        let out = pyrt()
            .args(["run", "-c", &code])
            .output()
            .expect("pyrt runs");
        let ours = transcript(&out, &dir);
        assert_eq!(out.status.code(), Some(1), "{ours}");
        assert!(ours.contains(error), "{ours}");
        if compare {
            let theirs = python().args(["-c", &code]).output().expect("CPython runs");
            assert_eq!(ours, transcript(&theirs, &dir));
        }
    }
}

#[test]
fn the_repl_reports_a_deep_input_and_goes_on() {
    let mut child = pyrt()
        .arg("repl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("pyrt runs");
    let input = format!(
        "x = {}1\ny = {}\nprint('after')\n",
        "-".repeat(150_000),
        vec!["1"; 100_000].join("+")
    );
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("the input is written");
    let out = child.wait_with_output().expect("the repl ends");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert_eq!(
        stderr,
        "MemoryError: Parser stack overflowed - Python source too complex to parse\n\
         RecursionError: maximum recursion depth exceeded during compilation\n"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("after"));
}
