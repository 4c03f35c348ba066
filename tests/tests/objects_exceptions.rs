//! The exception classes, traceback objects and built-in function objects of `pyrt-objects`
//! against CPython 3.12.1: the whole built-in hierarchy (names, bases, `__module__`, MRO,
//! sizes), instances of every class built through the Rust API from the same arguments as a
//! CPython expression (`str`, `repr`, `sys.getsizeof`, every attribute), the attribute
//! setters' checks, context chaining with cycles, tracebacks and `builtin_function_or_method`.
//!
//! The instance cases are Python expressions of a small literal language (ints, strs, bytes,
//! `None`, bools, tuples, lists, nested exception calls, keyword arguments) that CPython
//! evaluates and this file parses into Rust API calls.

use pyrt_objects::abstract_::{self, getsizeof};
use pyrt_objects::methods::Params;
use pyrt_objects::types::cfunction::{self, CFunction, MethodDef};
use pyrt_objects::types::datastack::DataStack;
use pyrt_objects::types::descrobject::{self, MethodDescr};
use pyrt_objects::types::exceptions::{self as exc, Exception};
use pyrt_objects::types::traceback::{self, Traceback};
use pyrt_objects::types::{
    LIST_TYPE, bytes, code, dict, function, list, long, module, none, tuple, unicode,
};
use pyrt_objects::{ExcDetail, ExcKind, Heap, Obj, PyErr, PyResult};
use pyrt_tests::cpython::cross_check;

fn s<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::new_str(heap, text).unwrap()
}

fn int(heap: &Heap, v: i64) -> Obj<'_> {
    long::int_from_i64(heap, v).unwrap()
}

/// The built-in exception class called `name`.
fn class(name: &str) -> &'static pyrt_objects::PyTypeObject {
    exc::builtins_names()
        .into_iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no class {name}"))
        .1
        .get()
}

/// Positional and keyword arguments.
type Items<'h> = (Vec<Obj<'h>>, Vec<(String, Obj<'h>)>);

/// A parser of the case language.
struct Parser<'a, 'h> {
    heap: &'h Heap,
    text: &'a [u8],
    at: usize,
}

impl<'h> Parser<'_, 'h> {
    fn peek(&self) -> u8 {
        self.text.get(self.at).copied().unwrap_or(0)
    }

    fn skip_ws(&mut self) {
        while self.peek() == b' ' {
            self.at += 1;
        }
    }

    fn eat(&mut self, c: u8) -> bool {
        self.skip_ws();
        if self.peek() == c {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> String {
        self.skip_ws();
        let start = self.at;
        while self.peek().is_ascii_alphanumeric() || self.peek() == b'_' {
            self.at += 1;
        }
        String::from_utf8(self.text[start..self.at].to_vec()).unwrap()
    }

    fn quoted(&mut self) -> Vec<u8> {
        let q = self.peek();
        self.at += 1;
        let start = self.at;
        while self.peek() != q {
            self.at += 1;
        }
        self.at += 1;
        self.text[start..self.at - 1].to_vec()
    }

    /// Items up to `close`: positional values and `name=value` keywords.
    fn items(&mut self, close: u8) -> PyResult<Items<'h>> {
        let (mut args, mut kwargs) = (Vec::new(), Vec::new());
        while !self.eat(close) {
            let save = self.at;
            let name = self.ident();
            if !name.is_empty() && self.eat(b'=') {
                kwargs.push((name, self.value()?));
            } else {
                self.at = save;
                args.push(self.value()?);
            }
            self.eat(b',');
        }
        Ok((args, kwargs))
    }

    fn value(&mut self) -> PyResult<Obj<'h>> {
        self.skip_ws();
        let heap = self.heap;
        match self.peek() {
            b'\'' | b'"' => Ok(s(heap, core::str::from_utf8(&self.quoted()).unwrap())),
            b'b' if self.text.get(self.at + 1) == Some(&b'\'') => {
                self.at += 1;
                Ok(bytes::new_bytes(heap, &self.quoted()).unwrap())
            }
            b'(' => {
                self.at += 1;
                let (items, _) = self.items(b')')?;
                tuple::new_tuple(heap, items)
            }
            b'[' => {
                self.at += 1;
                let (items, _) = self.items(b']')?;
                list::new_list(heap, items)
            }
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                self.at += 1;
                while self.peek().is_ascii_digit() {
                    self.at += 1;
                }
                let t = core::str::from_utf8(&self.text[start..self.at]).unwrap();
                Ok(int(heap, t.parse().unwrap()))
            }
            _ => {
                let name = self.ident();
                match name.as_str() {
                    "None" => Ok(none(heap)),
                    "True" => Ok(long::new_bool(heap, true)),
                    "False" => Ok(long::new_bool(heap, false)),
                    _ => {
                        assert!(self.eat(b'('), "a call of {name}");
                        let (args, kwargs) = self.items(b')')?;
                        exc::call_class(heap, class(&name), &args, &kwargs)
                    }
                }
            }
        }
    }
}

fn eval<'h>(heap: &'h Heap, text: &str) -> PyResult<Obj<'h>> {
    Parser {
        heap,
        text: text.as_bytes(),
        at: 0,
    }
    .value()
}

/// `!TypeError: message` as the case scripts print errors.
fn err_text(e: &PyErr) -> String {
    format!("!{e}")
}

/// The attributes every instance case prints.
const ATTRS: &[&str] = &[
    "args",
    "msg",
    "filename",
    "lineno",
    "offset",
    "text",
    "end_lineno",
    "end_offset",
    "print_file_and_line",
    "name",
    "path",
    "name_from",
    "errno",
    "strerror",
    "filename2",
    "characters_written",
    "value",
    "code",
    "encoding",
    "object",
    "start",
    "end",
    "reason",
    "obj",
    "message",
    "exceptions",
    "__suppress_context__",
    "__context__",
    "__cause__",
    "__traceback__",
    "__notes__",
];

const PY_HELPERS: &str = r#"
import sys, builtins
def err(x):
    return '!%s: %s' % (type(x).__name__, x) if str(x) else '!%s' % type(x).__name__
def attr(e, a):
    try: return repr(getattr(e, a))
    except Exception as x: return err(x)
"#;

/// What a case prints: name, str, repr, size, then each attribute, tab-separated.
fn describe(heap: &Heap, e: &Obj<'_>) -> String {
    let mut out = vec![
        e.ob_type().name().to_string(),
        abstract_::str(heap, e.object()).unwrap_or_else(|x| err_text(&x)),
        abstract_::repr(heap, e.object()).unwrap_or_else(|x| err_text(&x)),
        getsizeof(e.object()).to_string(),
    ];
    for a in ATTRS {
        out.push(match abstract_::getattr(heap, e.object(), a) {
            Ok(v) => abstract_::repr(heap, v.object()).unwrap_or_else(|x| err_text(&x)),
            Err(x) => err_text(&x),
        });
    }
    out.join("\t")
}

/// The hand-written instance cases (the special rules of each class).
const CASES: &[&str] = &[
    "KeyError('k')",
    "KeyError(1)",
    "KeyError()",
    "KeyError('a', 'b')",
    "KeyError(('t', 1))",
    "KeyError('')",
    "LookupError('k')",
    "SyntaxError('m', ('a/b/f.py', 3, 4, 'txt'))",
    "SyntaxError('m', ('f.py', 3, 4, 'txt', 3, 7))",
    "SyntaxError('m', ('a/b/f.py', None, 4, 'txt'))",
    "SyntaxError('m', (None, 3, 4, None))",
    "SyntaxError('m', ('a/b/f.py', 3, 4))",
    "SyntaxError('m', ('a/b/f.py', 3, 4, 'txt', 3))",
    "SyntaxError('m', ('f', 1, 2, 3, 4, 5, 6))",
    "SyntaxError('m', 1)",
    "SyntaxError('m')",
    "SyntaxError()",
    "SyntaxError(1, 2, 3)",
    "SyntaxError('m', ('x/', True, 4, 't'))",
    "IndentationError('bad', ('in.py', 9, 1, 'x'))",
    "TabError('t', ('/d/t.py', 2, 1, 'y'))",
    "SyntaxError('m', ['f.py', 1, 2, 't'])",
    "SyntaxError(None, ('a/b', 1, 2, 3))",
    "ImportError('no module')",
    "ImportError('m', name='n', path='p', name_from='f')",
    "ImportError()",
    "ImportError(1)",
    "ImportError('a', 'b')",
    "ImportError(name='x')",
    "ImportError('m', x=1)",
    "ModuleNotFoundError(\"No module named 'q'\", name='q')",
    "ModuleNotFoundError('m', nope=2)",
    "OSError(2, 'No such file')",
    "OSError(2, 'No such file', 'f.txt')",
    "OSError(2, 'x', 'f', None, 'g')",
    "OSError(13, 'denied', 'f')",
    "OSError(17, 'exists')",
    "OSError(1, 'perm')",
    "OSError(3, 'srch')",
    "OSError(4, 'intr')",
    "OSError(10, 'child')",
    "OSError(11, 'again')",
    "OSError(114, 'already')",
    "OSError(115, 'progress')",
    "OSError(20, 'notdir')",
    "OSError(21, 'isdir')",
    "OSError(32, 'pipe')",
    "OSError(108, 'shutdown')",
    "OSError(103, 'aborted')",
    "OSError(104, 'reset')",
    "OSError(110, 'timeout')",
    "OSError(111, 'refused')",
    "OSError(99, 'other')",
    "OSError(True, 'x')",
    "OSError('2', 'x')",
    "OSError(2)",
    "OSError()",
    "OSError(2, 'x', 1, 2, 3, 4)",
    "OSError(None, None, 'f')",
    "OSError('a', 'b', 'f')",
    "OSError(2, 'x', k=1)",
    "FileNotFoundError(13, 'x')",
    "FileNotFoundError('just a message')",
    "BlockingIOError(11, 'x', 3)",
    "BlockingIOError(11, 'x', 'f')",
    "BlockingIOError(11, 'x')",
    "BlockingIOError(11, 'x', -5)",
    "BlockingIOError(11, 'x', True)",
    "ConnectionError(104, 'r', 'host', None, 'other')",
    "PermissionError(1, 'p', None, None, 'g')",
    "StopIteration()",
    "StopIteration(1)",
    "StopIteration(1, 2)",
    "StopIteration(None)",
    "StopAsyncIteration(3)",
    "SystemExit()",
    "SystemExit(1)",
    "SystemExit(1, 2)",
    "SystemExit('bye')",
    "KeyboardInterrupt()",
    "GeneratorExit('g')",
    "NameError('n')",
    "NameError('a', 'b', name='x')",
    "NameError(name='x')",
    "NameError(x=1)",
    "UnboundLocalError('u', name='v')",
    "UnboundLocalError(x=1)",
    "AttributeError('a', name='x', obj=1)",
    "AttributeError('a')",
    "AttributeError(x=1)",
    "AttributeError(obj=(1, 2))",
    "UnicodeDecodeError('utf-8', b'abc', 1, 2, 'invalid start byte')",
    "UnicodeDecodeError('utf-8', b'abc', 0, 3, 'bad')",
    "UnicodeDecodeError('ascii', b'ab', 5, 7, 'r')",
    "UnicodeDecodeError('utf-8', b'', 0, 1, 'r')",
    "UnicodeDecodeError()",
    "UnicodeDecodeError('a', 'b', 1, 2, 'r')",
    "UnicodeDecodeError(1, b'b', 1, 2, 'r')",
    "UnicodeDecodeError('a', b'b', 'x', 2, 'r')",
    "UnicodeDecodeError('a', b'b', 1, 2, 3)",
    "UnicodeEncodeError('ascii', 'aé', 1, 2, 'ordinal not in range(128)')",
    "UnicodeEncodeError('ascii', 'a€b', 1, 2, 'r')",
    "UnicodeEncodeError('ascii', 'a😀', 1, 2, 'r')",
    "UnicodeEncodeError('latin-1', 'abcdef', 1, 4, 'r')",
    "UnicodeEncodeError('a', 1, 1, 2, 'r')",
    "UnicodeEncodeError('a', 'b', 1, 2)",
    "UnicodeTranslateError('abc', 0, 1, 'r')",
    "UnicodeTranslateError('aé', 1, 2, 'r')",
    "UnicodeTranslateError('abc', 0, 3, 'r')",
    "UnicodeTranslateError('a', 1, 2)",
    "UnicodeError('u')",
    "UnicodeError()",
    "BaseExceptionGroup('eg', [ValueError(1), TypeError(2)])",
    "BaseExceptionGroup('eg', [KeyboardInterrupt()])",
    "BaseExceptionGroup('eg', (ValueError(1),))",
    "ExceptionGroup('eg', [ValueError(1)])",
    "ExceptionGroup('eg', [KeyboardInterrupt()])",
    "ExceptionGroup('eg', [])",
    "ExceptionGroup('eg', 1)",
    "ExceptionGroup('eg', [1])",
    "ExceptionGroup('eg', [ValueError(), 3])",
    "ExceptionGroup(1, [ValueError()])",
    "ExceptionGroup('eg')",
    "ExceptionGroup('eg', [ValueError()], k=1)",
    "ExceptionGroup('eg', 'ab')",
    "BaseExceptionGroup('x', [ExceptionGroup('in', [ValueError(2)])])",
    "ValueError('x')",
    "ValueError('x', 2)",
    "ValueError()",
    "ValueError(None)",
    "ValueError(('t',))",
    "ValueError([1, 'a'])",
    "ValueError(x=1)",
    "TypeError(1, 2, 3)",
    "Exception('', '')",
    "RuntimeWarning('w')",
    "UserWarning()",
    "EncodingWarning('e', 1)",
];

#[test]
fn every_class_matches_cpython_in_name_bases_module_mro_and_size() {
    let names = exc::builtins_names();
    let Some(check) = cross_check(names.len() * 5) else {
        return;
    };
    let script = format!(
        "{PY_HELPERS}\nfor n, v in vars(builtins).items():\n    if isinstance(v, type) and issubclass(v, BaseException):\n        print(n, v.__name__, ','.join(b.__name__ for b in v.__bases__), v.__module__, ','.join(c.__name__ for c in v.__mro__), v.__basicsize__)"
    );
    let out = check.python().run(&script);
    assert_eq!(
        out.len(),
        names.len(),
        "every class is in builtins: {out:?}"
    );
    for line in out {
        let f: Vec<&str> = line.split(' ').collect();
        let ty = class(f[0]);
        let ours = [
            ty.name().to_string(),
            exc::bases(ty)
                .iter()
                .map(|b| b.name())
                .collect::<Vec<_>>()
                .join(","),
            exc::MODULE.to_string(),
            exc::mro(ty)
                .iter()
                .map(|c| c.name())
                .collect::<Vec<_>>()
                .join(","),
            ty.basicsize().to_string(),
        ];
        assert_eq!(ours.join(" "), f[1..].join(" "), "{}", f[0]);
        assert!(exc::is_exception_class(&ty.ob_base.ob_base));
        check.compared(5);
    }
}

/// The generated cases: every class called with 0, 1 and 3 arguments.
fn generated_cases() -> Vec<String> {
    let mut cases = Vec::new();
    for (name, _) in exc::builtins_names() {
        cases.push(format!("{name}()"));
        cases.push(format!("{name}('a')"));
        cases.push(format!("{name}(1, 'b', 'c')"));
    }
    cases
}

#[test]
fn instances_of_every_class_match_cpython() {
    let heap = Heap::new();
    let mut cases: Vec<String> = CASES.iter().map(|c| c.to_string()).collect();
    cases.extend(generated_cases());
    let per_case = 4 + ATTRS.len();
    let Some(check) = cross_check(cases.len() * per_case) else {
        return;
    };
    let mut script = format!("{PY_HELPERS}\nATTRS = {ATTRS:?}\n");
    for c in &cases {
        script.push_str(&format!(
            "try:\n    e = {c}\n    print('\\t'.join([type(e).__name__, str(e), repr(e), str(sys.getsizeof(e))] + [attr(e, a) for a in ATTRS]))\nexcept Exception as x:\n    print(err(x))\n"
        ));
    }
    let out = check.python().run(&script);
    assert_eq!(out.len(), cases.len());
    let mut failures = Vec::new();
    for (c, want) in cases.iter().zip(&out) {
        let got = match eval(&heap, c) {
            Ok(e) => describe(&heap, &e),
            Err(x) => err_text(&x),
        };
        if &got != want {
            failures.push(format!("{c}\n  pyrt:    {got}\n  cpython: {want}"));
        }
        check.compared(per_case);
    }
    assert!(
        failures.is_empty(),
        "{} cases differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Attribute writes and deletes: `target|attr|value` (`value` `-` deletes it).
const SETS: &[&str] = &[
    "ValueError()|__context__|1",
    "ValueError()|__context__|TypeError(2)",
    "ValueError()|__context__|None",
    "ValueError()|__cause__|1",
    "ValueError()|__cause__|None",
    "ValueError()|__cause__|KeyError('c')",
    "ValueError()|__traceback__|1",
    "ValueError()|__traceback__|None",
    "ValueError()|__traceback__|-",
    "ValueError()|__context__|-",
    "ValueError()|__cause__|-",
    "ValueError()|args|-",
    "ValueError()|args|5",
    "ValueError()|args|[1, 2]",
    "ValueError()|args|'ab'",
    "ValueError()|args|(3,)",
    "ValueError()|__suppress_context__|5",
    "ValueError()|__suppress_context__|True",
    "ValueError()|__suppress_context__|-",
    "ValueError()|__dict__|5",
    "ValueError()|__dict__|-",
    "ValueError()|nope|-",
    "ValueError()|extra|7",
    "ValueError()|add_note|7",
    "ExceptionGroup('g', [ValueError()])|message|'y'",
    "ExceptionGroup('g', [ValueError()])|exceptions|-",
    "OSError(1, 'x')|characters_written|3",
    "OSError(1, 'x')|characters_written|-",
    "OSError(1, 'x')|characters_written|'a'",
    "BlockingIOError(11, 'x', 4)|characters_written|-",
    "OSError(1, 'x')|errno|-",
    "OSError(1, 'x')|filename|'f'",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|start|'x'",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|start|-",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|end|2",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|encoding|3",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|encoding|-",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|object|-",
    "UnicodeDecodeError('a', b'xy', 0, 1, 'r')|reason|-",
    "UnicodeEncodeError('a', 'xy', 0, 1, 'r')|object|'é'",
    "SyntaxError('m', ('a/f.py', 1, 2, 't'))|lineno|'x'",
    "SyntaxError('m', ('a/f.py', 1, 2, 't'))|filename|-",
    "SyntaxError('m', ('a/f.py', 1, 2, 't'))|msg|-",
    "ImportError('m')|msg|None",
    "ImportError('m')|msg|-",
    "StopIteration(1)|value|-",
    "SystemExit(3)|code|'c'",
    "NameError('n', name='x')|name|-",
    "AttributeError('a', obj=1)|obj|-",
    "KeyError('k')|args|('a', 'b')",
];

#[test]
fn attribute_setters_match_cpython() {
    let heap = Heap::new();
    let Some(check) = cross_check(SETS.len() * 2) else {
        return;
    };
    let mut script = format!("{PY_HELPERS}\n");
    for case in SETS {
        let f: Vec<&str> = case.split('|').collect();
        let action = if f[2] == "-" {
            format!("delattr(e, {:?})", f[1])
        } else {
            format!("setattr(e, {:?}, {})", f[1], f[2])
        };
        script.push_str(&format!(
            "e = {}\ntry:\n    {action}; r = 'ok'\nexcept Exception as x:\n    r = err(x)\nprint(r + '\\t' + attr(e, {:?}) + '\\t' + str(e) + '\\t' + attr(e, '__suppress_context__'))\n",
            f[0], f[1]
        ));
    }
    let out = check.python().run(&script);
    assert_eq!(out.len(), SETS.len());
    let mut failures = Vec::new();
    for (case, want) in SETS.iter().zip(&out) {
        let f: Vec<&str> = case.split('|').collect();
        let e = eval(&heap, f[0]).unwrap();
        let value = (f[2] != "-").then(|| eval(&heap, f[2]).unwrap());
        let done = match value {
            Some(v) => abstract_::setattr(&heap, e.object(), f[1], v.object()),
            None => abstract_::delattr(&heap, e.object(), f[1]),
        };
        let show = |name: &str| match abstract_::getattr(&heap, e.object(), name) {
            Ok(v) => abstract_::repr(&heap, v.object()).unwrap(),
            Err(x) => err_text(&x),
        };
        let got = [
            done.map_or_else(|x| err_text(&x), |()| "ok".into()),
            show(f[1]),
            abstract_::str(&heap, e.object()).unwrap_or_else(|x| err_text(&x)),
            show("__suppress_context__"),
        ]
        .join("\t");
        if &got != want {
            failures.push(format!("{case}\n  pyrt:    {got}\n  cpython: {want}"));
        }
        check.compared(2);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn notes_and_with_traceback_match_cpython() {
    let heap = Heap::new();
    let Some(check) = cross_check(8) else {
        return;
    };
    let out = check.python().run(&format!(
        "{PY_HELPERS}\ne = ValueError(1)\ne.add_note('n1'); e.add_note('n2')\nprint(repr(e.__notes__), repr(e.__dict__))\n\
         for f in (lambda: e.add_note(5), lambda: e.add_note(), lambda: e.add_note('a', 'b'), lambda: e.with_traceback(5), lambda: e.with_traceback()):\n    \
         try: f()\n    except Exception as x: print(err(x))\n\
         e.__notes__ = 3\ntry: e.add_note('x')\nexcept Exception as x: print(err(x))\nprint(e.with_traceback(None) is e)"
    ));
    let e = eval(&heap, "ValueError(1)").unwrap();
    let method = |name: &str| abstract_::getattr(&heap, e.object(), name).unwrap();
    let call = |name: &str, args: &[Obj<'_>]| -> String {
        let m = method(name);
        match m.cast::<CFunction>().unwrap().call(&heap, args, &[]) {
            Ok(v) => abstract_::repr(&heap, v.object()).unwrap(),
            Err(x) => err_text(&x),
        }
    };
    call("add_note", &[s(&heap, "n1")]);
    call("add_note", &[s(&heap, "n2")]);
    let notes = abstract_::getattr(&heap, e.object(), "__notes__").unwrap();
    let d = abstract_::getattr(&heap, e.object(), "__dict__").unwrap();
    let got0 = format!(
        "{} {}",
        abstract_::repr(&heap, notes.object()).unwrap(),
        abstract_::repr(&heap, d.object()).unwrap()
    );
    assert_eq!(got0, out[0]);
    let got = [
        call("add_note", &[int(&heap, 5)]),
        call("add_note", &[]),
        call("add_note", &[s(&heap, "a"), s(&heap, "b")]),
        call("with_traceback", &[int(&heap, 5)]),
        call("with_traceback", &[]),
    ];
    for (g, w) in got.iter().zip(&out[1..6]) {
        assert_eq!(g, w);
    }
    abstract_::setattr(&heap, e.object(), "__notes__", int(&heap, 3).object()).unwrap();
    assert_eq!(call("add_note", &[s(&heap, "x")]), out[6]);
    let back = method("with_traceback")
        .cast::<CFunction>()
        .unwrap()
        .call(&heap, &[none(&heap)], &[])
        .unwrap();
    assert_eq!(back.is(&e).to_string().replace("true", "True"), out[7]);
    check.compared(8);
}

/// Chaining: `raise b` while handling `a`, after the links the setup made.
#[test]
fn context_chaining_cuts_cycles_as_cpython_does() {
    let setups = [
        ("", "a, b"),
        ("a.__context__ = b", "a, b"),
        ("a.__context__ = c; c.__context__ = b", "a, b, c"),
        ("a.__context__ = c; c.__context__ = a", "a, b, c"),
        (
            "a.__context__ = c; c.__context__ = d; d.__context__ = c",
            "a, b, c, d",
        ),
        (
            "c.__context__ = b; a.__context__ = c; b.__context__ = a",
            "a, b, c",
        ),
    ];
    let Some(check) = cross_check(setups.len()) else {
        return;
    };
    let mut script = String::from("def name(x): return 'None' if x is None else x.args[0]\n");
    for (setup, _) in setups {
        script.push_str(&format!(
            "a, b, c, d = [ValueError(n) for n in 'abcd']\n{setup}\ntry:\n    try:\n        raise a\n    except ValueError:\n        raise b\nexcept ValueError:\n    pass\nprint(' '.join(name(x.__context__) for x in (a, b, c, d)))\n"
        ));
    }
    let out = check.python().run(&script);
    for ((setup, _), want) in setups.iter().zip(&out) {
        let heap = Heap::new();
        let es: Vec<Obj<'_>> = ["a", "b", "c", "d"]
            .iter()
            .map(|n| exc::new_exception(&heap, exc::VALUE_ERROR.get(), vec![s(&heap, n)]).unwrap())
            .collect();
        let by_name = |n: &str| es["abcd".find(n).unwrap()].clone();
        for stmt in setup.split("; ").filter(|x| !x.is_empty()) {
            let (lhs, rhs) = stmt.split_once(".__context__ = ").unwrap();
            let target = by_name(lhs);
            abstract_::setattr(&heap, target.object(), "__context__", by_name(rhs).object())
                .unwrap();
        }
        exc::chain_context(&heap, &es[1], Some(es[0].clone()));
        let got: Vec<String> = es
            .iter()
            .map(|e| match e.cast::<Exception>().unwrap().context(&heap) {
                Some(c) => abstract_::str(&heap, c.object()).unwrap(),
                None => "None".into(),
            })
            .collect();
        assert_eq!(&got.join(" "), want, "{setup}");
        // Break the cycles the setups made, so the heap frees everything.
        for e in &es {
            e.cast::<Exception>()
                .unwrap()
                .set_context_unchecked(&heap, None);
        }
        check.compared(1);
    }
}

#[test]
fn matching_follows_the_hierarchy_and_tuples() {
    let heap = Heap::new();
    // SAFETY: a static type is an immortal object.
    let cls = |n: &str| unsafe { Obj::from_borrowed(&heap, &class(n).ob_base.ob_base) };
    let eg = eval(&heap, "ExceptionGroup('g', [ValueError()])").unwrap();
    let ke = eval(&heap, "KeyError('k')").unwrap();
    assert!(exc::given_exception_matches(
        eg.object(),
        cls("Exception").object()
    ));
    assert!(exc::given_exception_matches(
        eg.object(),
        cls("BaseExceptionGroup").object()
    ));
    assert!(!exc::given_exception_matches(
        eg.object(),
        cls("ValueError").object()
    ));
    assert!(exc::given_exception_matches(
        ke.object(),
        cls("LookupError").object()
    ));
    let spec = tuple::new_tuple(&heap, vec![cls("TypeError"), cls("LookupError")]).unwrap();
    assert!(exc::given_exception_matches(ke.object(), spec.object()));
    assert!(exc::given_exception_matches(
        cls("IndexError").object(),
        spec.object()
    ));
    assert!(!exc::given_exception_matches(
        cls("ValueError").object(),
        spec.object()
    ));
    assert!(exc::check_except_target(spec.object()).is_ok());
    assert_eq!(
        exc::check_except_target(int(&heap, 1).object())
            .unwrap_err()
            .to_string(),
        "TypeError: catching classes that do not inherit from BaseException is not allowed"
    );
    assert_eq!(
        exc::make_raisable(&heap, int(&heap, 1))
            .unwrap_err()
            .to_string(),
        "TypeError: exceptions must derive from BaseException"
    );
    let made = exc::make_raisable(&heap, cls("KeyError")).unwrap();
    assert_eq!(abstract_::repr(&heap, made.object()).unwrap(), "KeyError()");
    let e = made.cast::<Exception>().unwrap();
    assert_eq!(
        exc::set_cause_checked(&heap, e, int(&heap, 1))
            .unwrap_err()
            .to_string(),
        "TypeError: exception causes must derive from BaseException"
    );
    exc::set_cause_checked(&heap, e, cls("ValueError")).unwrap();
    assert_eq!(
        abstract_::repr(&heap, e.cause(&heap).unwrap().object()).unwrap(),
        "ValueError()"
    );
    assert!(e.suppress_context());
}

#[test]
fn errors_become_exceptions_of_their_class() {
    let heap = Heap::new();
    let Some(check) = cross_check(7) else {
        return;
    };
    let out = check.python().run(&format!(
        "{PY_HELPERS}\nfor f in (lambda: b'a\\xff'.decode(), lambda: b'\\xe2\\x82'.decode('utf-8'), lambda: b'\\x80'.decode('ascii'), lambda: b'x'.decode('bogus'), lambda: b'\\xff'.decode('utf-8', 'nope'), lambda: {{}}['k'], lambda: {{}}[(1, 'a')]):\n    try: f()\n    except Exception as x: print(type(x).__name__, repr(x), str(x), repr(x.args))"
    ));
    let b = |data: &[u8]| bytes::new_bytes(&heap, data).unwrap();
    let decode = |data: Obj<'_>, args: &[Obj<'_>]| {
        let bv = data.cast::<bytes::Bytes>().unwrap();
        let r =
            pyrt_objects::types::bytes_methods::BYTES_METHODS.call(&heap, bv, "decode", args, &[]);
        r.unwrap().unwrap_err()
    };
    let errs = [
        decode(b(b"a\xff"), &[]),
        decode(b(b"\xe2\x82"), &[s(&heap, "utf-8")]),
        decode(b(b"\x80"), &[s(&heap, "ascii")]),
        decode(b(b"x"), &[s(&heap, "bogus")]),
        decode(b(b"\xff"), &[s(&heap, "utf-8"), s(&heap, "nope")]),
        PyErr::new(ExcKind::KeyError, "'k'"),
        exc::key_error(
            &heap,
            tuple::new_tuple(&heap, vec![int(&heap, 1), s(&heap, "a")]).unwrap(),
        ),
    ];
    assert!(matches!(
        errs[0].detail(),
        Some(ExcDetail::UnicodeDecodeError { .. })
    ));
    for (err, want) in errs.iter().zip(&out) {
        let e = exc::exception_from_pyerr(&heap, err).unwrap();
        let args = abstract_::getattr(&heap, e.object(), "args").unwrap();
        let got = format!(
            "{} {} {} {}",
            e.ob_type().name(),
            abstract_::repr(&heap, e.object()).unwrap(),
            abstract_::str(&heap, e.object()).unwrap(),
            abstract_::repr(&heap, args.object()).unwrap()
        );
        assert_eq!(&got, want);
        check.compared(1);
    }
}

/// A frame object for a tiny code object, kept after its frame finished.
fn frame_object(heap: &Heap) -> Obj<'_> {
    let parts = code::CodeParts {
        filename: s(heap, "x.py"),
        name: s(heap, "fn"),
        qualname: s(heap, "fn"),
        flags: 3,
        code: bytes::new_bytes(heap, &[151, 0, 121, 0]).unwrap(),
        firstlineno: 1,
        linetable: bytes::new_bytes(heap, &[]).unwrap(),
        consts: tuple::new_tuple(heap, vec![none(heap)]).unwrap(),
        names: tuple::new_tuple(heap, vec![]).unwrap(),
        localsplusnames: tuple::new_tuple(heap, vec![]).unwrap(),
        localspluskinds: bytes::new_bytes(heap, &[]).unwrap(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize: 1,
        exceptiontable: bytes::new_bytes(heap, &[]).unwrap(),
    };
    let c = code::new_code(heap, parts).unwrap();
    let globals = dict::new_dict(heap).unwrap();
    let f = function::new_function(
        heap,
        c.object(),
        globals.object(),
        None,
        dict::new_dict(heap).unwrap(),
    )
    .unwrap();
    let stack = DataStack::new(heap);
    let frame = stack.push(f, None).unwrap();
    let fo = frame.frame().frame_object(heap).unwrap();
    stack.pop(frame).map_err(|_| ()).unwrap();
    fo
}

#[test]
fn tracebacks_match_cpython() {
    let heap = Heap::new();
    let Some(check) = cross_check(12) else {
        return;
    };
    let out = check.python().run(&format!(
        "{PY_HELPERS}\nimport types, gc\nf = sys._getframe()\nt2 = types.TracebackType(None, f, 6, 77)\nt3 = types.TracebackType(t2, f, 8, 5)\n\
         print(sys.getsizeof(t3), gc.is_tracked(t3), t2.tb_lineno, t2.tb_lasti, t2.tb_next, t3.tb_next is t2, type(t3).__name__)\n\
         for g in (lambda: setattr(t2, 'tb_next', t3), lambda: setattr(t2, 'tb_next', 1), lambda: delattr(t2, 'tb_next'), lambda: setattr(t2, 'tb_lasti', 1), lambda: setattr(t2, 'x', 1), lambda: types.TracebackType(1, f, 0, 1), lambda: types.TracebackType(None, 1, 0, 1), lambda: types.TracebackType(None, f, 'a', 1), lambda: types.TracebackType(None, f, 2**40, 1), lambda: ValueError().with_traceback(t3).__traceback__ is t3):\n    \
         try: print(repr(g()))\n    except Exception as x: print(err(x))"
    ));
    let f = frame_object(&heap);
    let t2 = traceback::new_traceback(&heap, None, f.clone(), 6, 77).unwrap();
    let t3 = traceback::new_traceback(&heap, Some(t2.clone()), f.clone(), 8, 5).unwrap();
    let tv = t2.cast::<Traceback>().unwrap();
    let first = format!(
        "{} {} {} {} None {} {}",
        getsizeof(t3.object()),
        if heap.is_tracked(t3.object()) {
            "True"
        } else {
            "False"
        },
        tv.lineno(&heap),
        tv.lasti(),
        t3.cast::<Traceback>()
            .unwrap()
            .next(&heap)
            .unwrap()
            .is(&t2)
            .to_string()
            .replace("true", "True"),
        t3.ob_type().name()
    );
    assert_eq!(first, out[0]);
    let show = |r: PyResult<Obj<'_>>| match r {
        Ok(v) => abstract_::repr(&heap, v.object()).unwrap(),
        Err(x) => err_text(&x),
    };
    let unit = |r: PyResult<()>| r.map(|()| none(&heap));
    let got = [
        show(unit(abstract_::setattr(
            &heap,
            t2.object(),
            "tb_next",
            t3.object(),
        ))),
        show(unit(abstract_::setattr(
            &heap,
            t2.object(),
            "tb_next",
            int(&heap, 1).object(),
        ))),
        show(unit(abstract_::delattr(&heap, t2.object(), "tb_next"))),
        show(unit(abstract_::setattr(
            &heap,
            t2.object(),
            "tb_lasti",
            int(&heap, 1).object(),
        ))),
        show(unit(abstract_::setattr(
            &heap,
            t2.object(),
            "x",
            int(&heap, 1).object(),
        ))),
        show(traceback::traceback_from_args(
            &heap,
            int(&heap, 1),
            f.clone(),
            int(&heap, 0).object(),
            int(&heap, 1).object(),
        )),
        show(traceback::traceback_from_args(
            &heap,
            none(&heap),
            int(&heap, 1),
            int(&heap, 0).object(),
            int(&heap, 1).object(),
        )),
        show(traceback::traceback_from_args(
            &heap,
            none(&heap),
            f.clone(),
            s(&heap, "a").object(),
            int(&heap, 1).object(),
        )),
        show(traceback::traceback_from_args(
            &heap,
            none(&heap),
            f.clone(),
            int(&heap, 1 << 40).object(),
            int(&heap, 1).object(),
        )),
    ];
    for (g, w) in got.iter().zip(&out[1..10]) {
        assert_eq!(g, w);
    }
    let e = eval(&heap, "ValueError()").unwrap();
    let ev = e.cast::<Exception>().unwrap();
    exc::set_traceback(&heap, ev, t3.clone()).unwrap();
    assert_eq!(
        ev.traceback(&heap)
            .unwrap()
            .is(&t3)
            .to_string()
            .replace("true", "True"),
        out[10]
    );
    check.compared(12);
    // `PyTraceBack_Here` prepends; a cycle through the exception is collected.
    traceback::traceback_here(&heap, ev, f.clone(), 10, 3).unwrap();
    let head = ev.traceback(&heap).unwrap();
    assert!(
        head.cast::<Traceback>()
            .unwrap()
            .next(&heap)
            .unwrap()
            .is(&t3)
    );
    assert_eq!(head.cast::<Traceback>().unwrap().lineno(&heap), 3);
}

fn len_impl<'h>(
    heap: &'h Heap,
    _me: &pyrt_objects::PyObject,
    args: pyrt_objects::methods::Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    let n = abstract_::len(args[0].as_ref().unwrap().object())?;
    Ok(int(heap, n as i64))
}

fn append_impl<'h>(
    heap: &'h Heap,
    me: &pyrt_objects::PyObject,
    args: pyrt_objects::methods::Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    list::append(heap, me.cast_list(), args[0].clone().unwrap())?;
    Ok(none(heap))
}

trait CastList {
    fn cast_list(&self) -> &list::List;
}

impl CastList for pyrt_objects::PyObject {
    fn cast_list(&self) -> &list::List {
        <list::List as pyrt_objects::View>::cast(self).unwrap()
    }
}

static LEN: MethodDef = MethodDef {
    name: "len",
    owner: "",
    params: Params::One,
    call: len_impl,
    doc: None,
};
static APPEND: MethodDef = MethodDef {
    name: "append",
    owner: "list",
    params: Params::One,
    call: append_impl,
    doc: None,
};

#[test]
fn builtin_functions_and_method_descriptors_match_cpython() {
    let heap = Heap::new();
    let Some(check) = cross_check(16) else {
        return;
    };
    let out = check.python().run(&format!(
        "{PY_HELPERS}\nimport gc, re\nl = []\nm = l.append\n\
         for v in (sys.getsizeof(len), gc.is_tracked(len), repr(len), len.__qualname__, len.__name__, len.__module__, sys.getsizeof(m), re.sub('0x[0-9a-f]+', 'ADDR', repr(m)), m.__qualname__, m.__self__ is l, repr(list.append), sys.getsizeof(list.append), gc.is_tracked(list.append), list.append.__qualname__, list.append.__objclass__.__name__):\n    print(v)\n\
         try: m()\nexcept Exception as x: print(err(x))"
    ));
    let builtins = module::new_module(&heap, s(&heap, "builtins")).unwrap();
    let lenf =
        cfunction::new_cfunction(&heap, &LEN, Some(builtins), Some(s(&heap, "builtins"))).unwrap();
    let l = list::new_list(&heap, vec![]).unwrap();
    let m = cfunction::new_cfunction(&heap, &APPEND, Some(l.clone()), None).unwrap();
    let descr = descrobject::new_method_descriptor(&heap, LIST_TYPE.get(), &APPEND).unwrap();
    let attr = |o: &Obj<'_>, n: &str| {
        let v = abstract_::getattr(&heap, o.object(), n).unwrap();
        abstract_::str(&heap, v.object()).unwrap()
    };
    let py_bool = |b: bool| {
        if b {
            "True".to_string()
        } else {
            "False".to_string()
        }
    };
    let mrepr = abstract_::repr(&heap, m.object()).unwrap();
    let addr = mrepr
        .rsplit(' ')
        .next()
        .unwrap()
        .trim_end_matches('>')
        .to_string();
    let got = [
        getsizeof(lenf.object()).to_string(),
        py_bool(heap.is_tracked(lenf.object())),
        abstract_::repr(&heap, lenf.object()).unwrap(),
        attr(&lenf, "__qualname__"),
        attr(&lenf, "__name__"),
        attr(&lenf, "__module__"),
        getsizeof(m.object()).to_string(),
        mrepr.replace(&addr, "ADDR"),
        attr(&m, "__qualname__"),
        py_bool(
            abstract_::getattr(&heap, m.object(), "__self__")
                .unwrap()
                .is(&l),
        ),
        abstract_::repr(&heap, descr.object()).unwrap(),
        getsizeof(descr.object()).to_string(),
        py_bool(heap.is_tracked(descr.object())),
        attr(&descr, "__qualname__"),
        descr
            .cast::<MethodDescr>()
            .unwrap()
            .objclass(&heap)
            .object()
            .ob_type()
            .name()
            .to_string(),
        err_text(
            &m.cast::<CFunction>()
                .unwrap()
                .call(&heap, &[], &[])
                .unwrap_err(),
        ),
    ];
    assert_eq!(got[14], "type", "__objclass__ is a type object");
    for (i, (g, w)) in got.iter().zip(&out).enumerate() {
        if i != 14 {
            assert_eq!(g, w, "line {i}");
        }
    }
    assert_eq!(LIST_TYPE.get().name(), out[14]);
    // Calling: len(l) after appending through the bound method and the descriptor.
    m.cast::<CFunction>()
        .unwrap()
        .call(&heap, &[int(&heap, 1)], &[])
        .unwrap();
    descr
        .cast::<MethodDescr>()
        .unwrap()
        .call(&heap, &[l.clone(), int(&heap, 2)], &[])
        .unwrap();
    let n = lenf
        .cast::<CFunction>()
        .unwrap()
        .call(&heap, std::slice::from_ref(&l), &[])
        .unwrap();
    assert_eq!(abstract_::repr(&heap, n.object()).unwrap(), "2");
    assert_eq!(
        err_text(
            &descr
                .cast::<MethodDescr>()
                .unwrap()
                .call(&heap, &[int(&heap, 1), int(&heap, 2)], &[])
                .unwrap_err()
        ),
        "!TypeError: descriptor 'append' for 'list' objects doesn't apply to a 'int' object"
    );
    check.compared(16);
}
