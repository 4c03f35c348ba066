//! `pyrt run` end to end: exit statuses, CPython-style tracebacks and syntax errors for a set
//! of faulty scripts (insta snapshots of stderr), and bad input of every kind ending in a clean
//! `SyntaxError`, `RecursionError` or `MemoryError`, never a crash.

use std::io::Write as _;
use std::process::{Command, Output};

fn scratch() -> std::path::PathBuf {
    std::env::temp_dir().join(format!("pyrt-run-tests-{}", std::process::id()))
}

fn run_file(name: &str, source: &[u8]) -> Output {
    let dir = scratch();
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    let path = dir.join(name);
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(source))
        .expect("the script is written");
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .current_dir(&dir)
        .args(["run", name])
        .output()
        .expect("the pyrt binary runs")
}

fn run_code(code: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run", "-c", code])
        .args(args)
        .output()
        .expect("the pyrt binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Stdout, then stderr and the exit status, as one transcript; the absolute script path
/// CPython shows (`co_filename` of a script run by name) is shown as given (the scratch folder
/// removed), as `deep.rs` does.
fn transcript(out: &Output) -> String {
    let dir = format!("{}/", scratch().display());
    format!(
        "{}--- stderr ---\n{}--- exit {:?}",
        text(&out.stdout),
        text(&out.stderr).replace(&dir, ""),
        out.status.code()
    )
}

#[test]
fn a_script_prints_and_exits_0_with_argv() {
    let out = run_code(
        "import sys\nprint(sys.argv, sys.getsizeof([]))",
        &["a", "b"],
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "['-c', 'a', 'b'] 56\n");
}

#[test]
fn uncaught_exceptions_print_a_traceback_and_exit_1() {
    let scripts: &[(&str, &str)] = &[
        (
            "type_error.py",
            "def add(a, b):\n    return a + b\n\nprint('before')\nadd(1, 'a')\n",
        ),
        ("key_error.py", "d = {'a': 1}\nprint(d['b'])\n"),
        ("name_error.py", "print(undefined_name)\n"),
        (
            "attribute_error.py",
            "class P:\n    __slots__ = ('x',)\np = P()\np.y = 1\n",
        ),
        ("index_error.py", "l = [1, 2]\nl[5]\n"),
        ("raise_value_error.py", "raise ValueError('bad value')\n"),
        ("assert.py", "assert 1 == 2, 'one is not two'\n"),
        ("recursion.py", "def f(n):\n    return f(n + 1)\nf(0)\n"),
        (
            "zero_division.py",
            "def f():\n    return g()\ndef g():\n    return 1 // 0\nf()\n",
        ),
    ];
    for (name, source) in scripts {
        let out = run_file(name, source.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{name}");
        insta::assert_snapshot!(*name, transcript(&out));
    }
}

#[test]
fn syntax_errors_name_the_file_line_and_caret() {
    let scripts: &[(&str, &str)] = &[
        ("bad_def.py", "x = 1\ndef f(:\n    pass\n"),
        ("unclosed.py", "print((1, 2)\n"),
        ("async.py", "async def f():\n    pass\n"),
        ("with.py", "with open('x') as f:\n    pass\n"),
    ];
    for (name, source) in scripts {
        let out = run_file(name, source.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{name}");
        insta::assert_snapshot!(*name, transcript(&out));
    }
}

/// Bad input ends in a clean error: the last line of stderr names it.
fn last_error_line(out: &Output) -> String {
    text(&out.stderr).lines().last().unwrap_or("").to_string()
}

#[test]
fn bad_input_never_crashes() {
    let deep_parens = format!("x = {}1{}\n", "(".repeat(100_000), ")".repeat(100_000));
    let deep_list = format!("x = {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let long_sum = format!("x = 1{}\n", " + 1".repeat(100_000));
    let nots = format!("x = {}1\n", "not ".repeat(50_000));
    let mut binary: Vec<u8> = (0..=255u8).cycle().take(4096).collect();
    binary.retain(|&b| b != 0);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "deep_parens.py",
            deep_parens.into_bytes(),
            "SyntaxError: too many nested parentheses",
        ),
        (
            "deep_list.py",
            deep_list.into_bytes(),
            "SyntaxError: too many nested parentheses",
        ),
        (
            "long_sum.py",
            long_sum.into_bytes(),
            "RecursionError: maximum recursion depth exceeded during compilation",
        ),
        (
            "nots.py",
            nots.into_bytes(),
            "MemoryError: Parser stack overflowed - Python source too complex to parse",
        ),
        (
            "nul.py",
            b"x = 1\0\n".to_vec(),
            "SyntaxError: source code cannot contain null bytes",
        ),
        (
            "binary.py",
            binary,
            "see https://peps.python.org/pep-0263/ for details",
        ),
        (
            "truncated.py",
            b"def f(a, b):\n    return [a,\n".to_vec(),
            "SyntaxError",
        ),
        (
            "runaway.py",
            b"def f():\n    return f()\nf()\n".to_vec(),
            "RecursionError: maximum recursion depth exceeded",
        ),
        (
            "huge_list.py",
            b"x = [0] * (1 << 62)\n".to_vec(),
            "MemoryError",
        ),
    ];
    for (name, source, expected) in cases {
        let out = run_file(name, &source);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out.stderr));
        let last = last_error_line(&out);
        assert!(last.contains(expected), "{name}: {last}");
    }
}

#[test]
fn the_recursion_limit_is_sys_getrecursionlimit() {
    let code = "import sys\nsys.setrecursionlimit(50)\ndepth = 0\ndef f():\n    global depth\n    depth += 1\n    f()\ntry:\n    f()\nexcept RecursionError:\n    print(depth, sys.getrecursionlimit())\n";
    let out = run_code(code, &[]);
    assert_eq!(text(&out.stdout), "49 50\n", "{}", text(&out.stderr));
}

#[test]
fn usage_errors_exit_with_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run"])
        .output()
        .expect("the pyrt binary runs");
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .args(["run", "/no/such/file.py"])
        .output()
        .expect("the pyrt binary runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_repl_echoes_values_and_survives_errors() {
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .arg("repl")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the pyrt binary runs");
    let input = "import sys\nx = [1, 2, 3]\nx\nsys.getsizeof(x)\ndef double(a):\n    return a * 2\n\ndouble(21)\n(1,\n 2)\n1/0\nNone\nx.append(4)\nlen(x), sys.getsizeof(x)\nprint('bye')\n";
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("the input is written");
    let out = child
        .wait_with_output()
        .expect("the repl ends at end of input");
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(transcript(&out));
}
