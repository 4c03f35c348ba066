//! The caret lines of tracebacks against the live CPython 3.12.
//!
//! Each case is a small script that ends in an uncaught exception. CPython runs it twice:
//! once as `python3.12 case.py`, whose traceback (printed by the C path,
//! `Python/traceback.c`) gives the innermost frame's source line and caret line; once
//! under a wrapper that catches the exception and prints the innermost traceback entry's
//! source line and its instruction's positions (`co_positions()[tb_lasti // 2]`). Our
//! [`caret_line`] gets that line and those positions, and must print what CPython printed
//! (or print nothing where CPython printed nothing).

use pyrt_compiler::carets::{WIDE_RANGES, caret_line, shown_source_line};
use pyrt_compiler::instr::Location;
use pyrt_tests::cpython::cross_check;

/// Scripts whose last traceback frame is the line under test.
const CASES: &[&str] = &[
    // Binary operations of every operator, as statements and inside assignments.
    "a = None\na + 1\n",
    "x = None\ny = x - 1\n",
    "x = None\ny = x * 2\n",
    "x = 1\ny = x / 0\n",
    "x = 1\ny = x // 0\n",
    "x = 1\ny = x % 0\n",
    "x = None\ny = x ** 2\n",
    "x = None\ny = x @ 2\n",
    "x = None\ny = x << 2\n",
    "x = None\ny = x >> 2\n",
    "x = None\ny = x & 2\n",
    "x = None\ny = x | 2\n",
    "x = None\ny = x ^ 2\n",
    "x = 1\ny = x/0\n",
    "x = 1\ny = x//0\n",
    "x = None\ny = x**2\n",
    "x = 10.0\ny = x ** 1000\n",
    "y = 1 + None\n",
    "y = 'a' * 'b'\n",
    "x = None\ny = x**-1\n",
    "x = None\nx += 1\n",
    "y = [0]\ny[0] += None\n",
    "x = None\ny = 2 - -x\n",
    // Nested operations and parentheses.
    "a, b = 1, 0\ny = (a + 1) / (b * 2)\n",
    "a, b = 1, 0\ny = a + b / b\n",
    "a, b = 1, 0\ny = a + b // b - 1\n",
    "y = 1 + 2 * (3 - 3) and 1 / (2 - 2)\n",
    "a = None\n(a) + 1\n",
    "a = None\n(a)+1\n",
    "a = None\n((a))+1\n",
    "a = None\nb = 1\nx = a+(b)\n",
    "a = None\nx = (a  ) +  1\n",
    "a = None\nx = (a + 1)\n",
    "1 +     (2//0)\n",
    "a, b, c, d, e = 1, 2, None, 4, 5\ny = a + b + c + d + e\n",
    "y = (z := None) + 1\n",
    "y = (None if True else 1) + 1\n",
    // The brief's example and other mixes of subscripts, attributes and operators.
    "class B:\n    c = 1\na, b, d = [0, 1], B(), 0\ny = a[1] + b.c / d\n",
    "a = {}\nb = None\ny = a.get(1) or b[1]\n",
    // Comments and trailing blanks after the failing expression.
    "x = 1\ny = x / 0 # comment\n",
    "x = None\nx + 1  # the whole expression, then a comment\n",
    "x = None\ny = x  + 1   \n",
    "x = None\nx + 1   \n",
    "x = None\nx.y  \n",
    // Ranges over several lines.
    "x = None\ny = (x\n     + 1)\n",
    "x = None\ny = (x +\n     1)\n",
    "x = None\ny = x + \\\n    1\n",
    "x = None\ny = (x  # a comment\n     + 1)\n",
    "y = [\n    1,\n    None + 1,\n]\n",
    "x = None\ny = (\n  x.y)\n",
    "x = 1\ny = x(\n 1)\n",
    "x = 1\ny = [1, 2, x(\n 1)]\n",
    "int(\n'x')\n",
    "raise ValueError(\n 1)\n",
    "a = None\ny = a[\n  1]\n",
    "a = None\ny = a[1\n  ]\n",
    // Subscripts.
    "a = None\na[1]\n",
    "a = None\nx = a[1]\n",
    "a = None\nx = a[ 1 ]\n",
    "a = None\nx = (a)[1]\n",
    "a = None\nx = a[1:2]\n",
    "a = None\nx = a[::2]\n",
    "a = None\nx = a[1, 2]\n",
    "a = None\nx = a[\t1\t]\n",
    "a = None\nx = a[1]  \n",
    "x = {}\nx['a']\n",
    "x = {}\ny = x['key']\n",
    "a, b = [0], [5]\ny = a[b[0]]\n",
    "a = [[0]]\ny = a[0][2]\n",
    "a = [[[0]]]\ny = a[0][0][3]\n",
    "y = [1, 2][5]\n",
    "y = (1, 2)[5]\n",
    "y = 'abc'[10]\n",
    "y = 'abc'[1:2][5]\n",
    "y = None[0]\n",
    "x = {}\nmatch = x\nmatch[0]\n",
    "d = {}\ndef f(v):\n    return v\ny = d[f(1)]\n",
    "a = None\ny = a [1]\n",
    // Attributes, calls and names: no anchors in 3.12.
    "x = None\nx.y\n",
    "x = None\nz = x.y\n",
    "class A:\n    y = None\nx = A()\nz = x.y.z\n",
    "x = None\nz = x . y\n",
    "def f():\n    return None\nz = f().y\n",
    "x = None\nz = (x).y\n",
    "int('x')\n",
    "y = int('x')\n",
    "y = len(5)\n",
    "print(1, int('z'), 2)\n",
    "y = 'abc'.index('z')\n",
    "x = 1\ny = x()\n",
    "y = undefined_name + 1\n",
    "undefined_name\n",
    "x = 1\ndel x\ndel x\n",
    "y = -None\n",
    "y = ~None\n",
    "y = 1 < None\n",
    "y = dict(**None)\n",
    "y = [*None]\n",
    "y = {[]: 1}\n",
    "y = {1, []}\n",
    "a, b = 1\n",
    "@None\ndef f(): pass\n",
    "with None: pass\n",
    "for x in None: pass\n",
    // raise and assert statements.
    "raise ValueError('x')\n",
    "raise ValueError('x')  # c\n",
    "if True: raise ValueError\n",
    "def f():\n    raise KeyError(1)\nf()\n",
    "raise ValueError from None\n",
    "assert 1 == 2, 'no'\n",
    "x = 0\nassert x\n",
    // Non-ASCII text: byte columns become characters, wide characters take two columns.
    "x = 'é' + 1 # ééé\n",
    "x = '😀' + 1\n",
    "x = '中文' + 1\n",
    "é = None\ny = é + 1\n",
    "中 = None\nx = 中[0]\n",
    "中 = None\nx = 中.attr\n",
    "x = ['中', None][1] + 1\n",
    "x = {}\ny = x['é'] # é\n",
    "x = {}\nx['中文']\n",
    "y = ('ü', None)[1] + 1\n",
    "é = None\nx = (é +\n 1)\n",
    "é = None\nx = [é, é, é, é + \n 1]\n",
    "中 = None\nx = [中, 中 + \n 1]\n",
    "x = 1\ny = [1, 2, xé(\n 1)]\n",
    "y = f'é{1/0}'\n",
    "y = f'中{1/0}'\n",
    "s = 'ñññ'\ny = s + 1\n",
    "中 = 0\ny = 1 / 中 # 中文\n",
    // Tabs and form feeds.
    "def f():\n\tx = None\n\treturn x + 1\nf()\n",
    "a = None\nx = a\t+\t1\n",
    "def f():\n\tif True:\n\t\ty = None\n\t\treturn y[0]\nf()\n",
    "\x0cy = None + 1\n",
    "def f():\n \t x = None\n \t return x.y\nf()\n",
    "def f():\n\tx = None\n\tx + 1\nf()\n",
    // Functions, lambdas, comprehensions, generators, classes, f-strings.
    "def f(x):\n    return f'{x}' + x\nf(1)\n",
    "y = [x + 1 for x in [None]]\n",
    "y = list(map(lambda v: v + 1, [None]))\n",
    "def g():\n    yield 1/0\nlist(g())\n",
    "class C:\n    x = 1/0\n",
    "def f():\n    def g():\n            return None + 1\n    return g()\nf()\n",
    "def f():\n    return {}[\n        'k']\nf()\n",
    "y = f'{None + 1}'\n",
];

/// Cases with made-up positions: `(positions, script)`. CPython runs the script with every
/// instruction of its module code given these positions (its `co_linetable` rewritten:
/// line, end line, start and end column in UTF-8 bytes, `-` for none), so the traceback
/// shows the line `positions` names with carets for them: columns inside a multi-byte
/// character, past the end of the line, before the indentation, reversed.
const MADE_UP_POSITIONS: &[(&str, &str)] = &[
    ("2 2 5 7", "x = 1\ny = 'é' + None\n"),
    ("2 2 6 8", "x = 1\ny = 'é' + None\n"),
    ("2 2 4 6", "x = 1\ny = 'é' + None\n"),
    ("1 1 4 40", "y = 'é' + None\n"),
    ("1 1 4 16", "y = 'é' + None\n"),
    ("1 1 4 15", "y = 'é' + None\n"),
    ("2 2 0 3", "if 1:\n    y = None + 1\n"),
    ("2 2 1 12", "if 1:\n    y = None + 1\n"),
    ("1 1 8 4", "y = None + 1\n"),
    ("1 1 4 4", "y = None + 1\n"),
    ("1 1 - -", "y = None + 1\n"),
    ("1 2 4 0", "y = None + 1\n"),
    ("1 3 0 9", "y = '中中' + None\n"),
    ("1 1 4 25", "y = '中中' + None + '中'\n"),
    ("1 1 6 22", "y = '中中' + None + '中'\n"),
    ("2 2 0 3", "if 1:\n\ty = None + 1\n"),
    ("2 3 1 1", "if 1:\n\t\ty = None + 1   \n"),
    ("2 2 2 14", "if 1:\n\t\ty = None + 1   \n"),
    ("2 2 3 9", "if 1:\n    y = None + 1\n"),
    ("2 2 4 5", "if 1:\n    y = None + 1\n"),
    ("1 1 5 4", "y = None + 1\n"),
    ("1 1 0 1", "y = None + 1\n"),
    ("1 2 13 0", "y = None + 1\n"),
    ("1 2 11 0", "y = None + 1\n"),
    ("1 1 11 40", "y = None + 1\n"),
    ("1 1 12 40", "y = None + 1\n"),
    ("1 1 13 40", "y = None + 1\n"),
    ("1 2 12 0", "y = 'é' + None\n"),
    ("1 2 16 0", "y = 'é' + None\n"),
    ("1 1 11 40", "y = 'é' + None\n"),
    ("1 1 4 11", "y = a [ b ]\n"),
];

/// Runs every case through CPython and prints, for each, the wrapper's view and the
/// traceback's lines (hex-encoded, `-` for "absent"); see the module doc.
const DRIVER: &str = r#"
import os, subprocess, sys, tempfile
cases = [bytes.fromhex(h).decode() for h in sys.stdin.readline().split()]
RUNNER = r"""
import linecache, sys
path, catch, positions = sys.argv[1], sys.argv[2] == 'catch', sys.argv[3:]
with open(path, encoding='utf-8') as f:
    code = compile(f.read(), path, 'exec')
if positions:
    def varint(v):
        out = []
        while v >= 64:
            out.append(0x40 | (v & 63))
            v >>= 6
        return out + [v]
    line, end_line, col, end_col = positions
    delta = int(line) - code.co_firstlineno
    table = []
    for unit in range(len(code.co_code) // 2):
        sdelta = (-delta << 1) | 1 if delta < 0 else delta << 1
        if col == '-':
            table += [0x80 | (13 << 3)] + varint(sdelta)
        else:
            table += [0x80 | (14 << 3)] + varint(sdelta) + varint(int(end_line) - int(line))
            table += varint(int(col) + 1) + varint(int(end_col) + 1)
        delta = 0
    code = code.replace(co_linetable=bytes(table))
try:
    exec(code, {'__name__': '__main__', '__file__': path})
except BaseException as e:
    if not catch:
        raise
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    pos = list(tb.tb_frame.f_code.co_positions())[tb.tb_lasti // 2]
    assert tb.tb_frame.f_code.co_filename == path
    line = linecache.getline(path, tb.tb_lineno)
    print(line.encode().hex(), *('-' if p is None else p for p in pos))
"""
def enc(s):
    return 'x' + s.encode().hex() if s is not None else '-'
env = dict(os.environ, PYTHONIOENCODING='utf-8')
run = lambda *args: subprocess.run([sys.executable, *args], capture_output=True, env=env,
                                   encoding='utf-8')
with tempfile.TemporaryDirectory() as tmp:
    for i, case in enumerate(cases):
        positions = []
        if case.startswith('#!positions '):
            first, case = case.split('\n', 1)
            positions = first.split()[1:]
        path = os.path.join(tmp, f'case{i}.py')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(case)
        wrapped = run('-c', RUNNER, path, 'catch', *positions).stdout.split()
        if positions:
            err = run('-c', RUNNER, path, 'raise', *positions).stderr.splitlines()
        else:
            err = run(path).stderr.splitlines()
        frame = max(j for j, l in enumerate(err) if l.startswith('  File "'))
        shown = err[frame + 1] if err[frame + 1:][:1] and err[frame + 1].startswith('    ') else None
        caret = None
        if shown is not None and frame + 2 < len(err):
            c = err[frame + 2]
            if c.startswith('    ') and set(c) <= set(' ~^') and set(c) & set('~^'):
                caret = c
        print('x' + wrapped[0], *wrapped[1:], enc(shown), enc(caret))
"#;

/// Every case: [`CASES`], lines too deep for Ruff's parser to take on a small stack, and
/// [`MADE_UP_POSITIONS`].
fn all_cases() -> Vec<String> {
    let mut cases: Vec<String> = CASES.iter().map(|case| case.to_string()).collect();
    let nested = |depth| format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    cases.push(format!("a = None\ny = a[{}]\n", nested(150)));
    cases.push(format!("y = {} + None\n", nested(190)));
    cases.push(format!("a = None\ny = a[{}1]\n", "-".repeat(1000)));
    cases.push(format!("y = {}None\n", "1 + ".repeat(2500)));
    cases.push(format!("y = None + ({}1)\n", "not ".repeat(300)));
    cases.push(format!(
        "a = None\ny = a[{}1]\n",
        "1 if 1 else ".repeat(400)
    ));
    for (positions, script) in MADE_UP_POSITIONS {
        cases.push(format!("#!positions {positions}\n{script}"));
    }
    cases
}

/// Decodes the driver's `x<hex>` fields (`-` is `None`).
fn decode(field: &str) -> Option<String> {
    let hex = field.strip_prefix('x')?;
    let bytes = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex digits"))
        .collect();
    Some(String::from_utf8(bytes).expect("UTF-8"))
}

/// A position field: a number, or `-` (absent) as `-1`.
fn position(field: &str) -> i32 {
    if field == "-" {
        -1
    } else {
        field.parse().expect("a position")
    }
}

#[test]
fn caret_lines_match_cpython() {
    let cases = all_cases();
    let Some(check) = cross_check(cases.len()) else {
        return;
    };
    let hex_cases: Vec<String> = cases
        .iter()
        .map(|case| case.bytes().map(|b| format!("{b:02x}")).collect())
        .collect();
    let input = format!("{}\n", hex_cases.join(" "));
    let script = DRIVER.replacen(
        "sys.stdin.readline()",
        &format!("{:?}", input.trim_end()),
        1,
    );
    let lines = check.python().run(&script);
    assert_eq!(lines.len(), cases.len(), "one answer per case");

    let mut failures = Vec::new();
    for (case, answer) in cases.iter().zip(&lines) {
        let fields: Vec<&str> = answer.split(' ').collect();
        let [line, lineno, end_lineno, col, end_col, shown, caret] = fields[..] else {
            panic!("unexpected answer {answer:?} for {case:?}");
        };
        let line = decode(line).expect("the wrapper found the line");
        let location = Location {
            lineno: position(lineno),
            end_lineno: position(end_lineno),
            col_offset: position(col),
            end_col_offset: position(end_col),
        };
        let (shown, caret) = (decode(shown), decode(caret));
        let ours = caret_line(&line, location);
        let our_shown = format!("    {}", shown_source_line(&line));
        if ours != caret || shown.as_deref() != Some(our_shown.as_str()) {
            let case: String = case.chars().take(120).collect();
            failures.push(format!(
                "{case:?} at {location:?}:\n  cpython: {shown:?}\n           {caret:?}\n  \
                 ours:    {our_shown:?}\n           {ours:?}"
            ));
        }
        check.compared(1);
    }
    let passed = cases.len() - failures.len();
    eprintln!(
        "caret lines: {passed} of {} cases match CPython",
        cases.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn wide_ranges_match_unicodedata() {
    let Some(check) = cross_check(1) else { return };
    let lines = check.python().run(
        "import unicodedata\n\
         start = None\n\
         for c in range(0x110001):\n\
         \x20   wide = c < 0x110000 and unicodedata.east_asian_width(chr(c)) in 'WF'\n\
         \x20   if wide and start is None: start = c\n\
         \x20   if not wide and start is not None:\n\
         \x20       print(start, c - 1)\n\
         \x20       start = None\n",
    );
    let ours: Vec<String> = WIDE_RANGES
        .iter()
        .map(|(first, last)| format!("{first} {last}"))
        .collect();
    assert_eq!(ours, lines);
    check.compared(1);
}

/// Segments CPython's parser refuses (brackets nested past its tokenizer's 200 levels) have
/// no anchors: all `^`; and lines far past Ruff's comfortable depth neither crash nor
/// recurse without bound.
#[test]
fn deep_segments_have_no_anchors() {
    let at = |end_col_offset| Location {
        lineno: 1,
        end_lineno: 1,
        col_offset: 4,
        end_col_offset,
    };
    let nested = |depth| format!("{}1{}", "(".repeat(depth), ")".repeat(depth));
    for (expression, anchored) in [
        (format!("a[{}]", nested(199)), true),
        (format!("a[{}]", nested(200)), false),
        (format!("a[{}1]", "-".repeat(100_000)), false),
    ] {
        let line = format!("y = {expression} # c\n");
        let end = i32::try_from(4 + expression.len()).expect("a short line");
        let carets = caret_line(&line, at(end)).expect("a part of the line");
        let expected = if anchored {
            format!("    ~{}", "^".repeat(expression.len() - 1))
        } else {
            format!("    {}", "^".repeat(expression.len()))
        };
        assert_eq!(carets, format!("    {expected}"));
    }
    // The limit is CPython's: it parses the first subscript and refuses the second.
    if let Some(check) = cross_check(1) {
        let lines = check.python().run(
            "import ast\n\
             for depth in (199, 200):\n\
             \x20   try: ast.parse('a[' + '(' * depth + '1' + ')' * depth + ']'); print('ok')\n\
             \x20   except SyntaxError as e: print(e.msg)\n",
        );
        assert_eq!(lines, ["ok", "too many nested parentheses"]);
        check.compared(1);
    }
}
