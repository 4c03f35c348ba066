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
use pyrt_objects::types::cfunction::{self, CFunction, MethodDef, MethodDescr};
use pyrt_objects::types::datastack::DataStack;
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
    fn items(&mut self, close: u8) -> PyResult<(Vec<Obj<'h>>, Vec<(String, Obj<'h>)>)> {
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
    let heap = Heap::new();
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
