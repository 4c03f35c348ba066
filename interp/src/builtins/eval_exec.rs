//! `eval()`, `exec()` and `compile()` (`Python/bltinmodule.c`'s `builtin_eval_impl`,
//! `builtin_exec_impl`, `builtin_compile_impl`, with `Python/pythonrun.c`'s
//! `_Py_SourceAsString` and `run_eval_code_obj`).
//!
//! A source string is compiled under the file name `<string>` in the mode the built-in needs
//! (`eval`: one expression whose value is returned, after leading spaces and tabs are
//! skipped; `exec`: statements, `None` returned; `single`: the REPL's form), or a code object
//! from `compile()` is run as it is. It runs in a frame of its own with the given globals and
//! locals:
//! - neither given: the caller's globals and locals (in a function, a snapshot dict of its
//!   locals, so assignments do not reach them, as in CPython);
//! - only globals: they are the locals too;
//! - `globals` must be a dict, `locals` a mapping (pyrt runs dicts only);
//! - a globals dict without `__builtins__` gets the current builtins under that key before
//!   the code runs, as CPython inserts them.
//!
//! A syntax error is raised as a `SyntaxError` whose arguments are CPython's
//! `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.

use super::super::vm::load::ConstantPool;
use std::rc::Rc;

use pyrt_compiler::parse::{self, Lines, ParseFailure};
use pyrt_objects::Obj;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::{bytes, dict, function, long, none, tuple, unicode};

use super::super::exceptions;
use super::super::vm::eval::{Entry, Run};
use super::super::{Interp, R};

/// What a source is compiled as (`compile()`'s `mode`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Exec,
    Eval,
    Single,
}

/// `eval(source, globals=None, locals=None, /)`.
pub(super) fn eval<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    run_builtin(interp, "eval", Mode::Eval, bound)
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)`: `None`.
pub(super) fn exec<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    if bound
        .get(3)
        .is_some_and(|c| c.as_ref().is_some_and(|c| !c.is(&none(interp.heap))))
    {
        return Err(interp.raise(
            &exceptions::NOT_IMPLEMENTED_ERROR,
            "pyrt does not run exec() with a closure yet",
        ));
    }
    run_builtin(interp, "exec", Mode::Exec, bound)?;
    Ok(none(interp.heap))
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`: a code
/// object.
pub(super) fn compile<'py>(
    interp: &Interp<'py>,
    _: &str,
    bound: &[Option<Obj<'py>>],
    _: &[(String, Obj<'py>)],
) -> R<'py, Obj<'py>> {
    let arg = |i: usize| bound.get(i).cloned().flatten();
    let (Some(source), Some(filename), Some(mode)) = (arg(0), arg(1), arg(2)) else {
        return Err(interp.err(pyrt_objects::view::bad_internal_call()));
    };
    let filename = match unicode::Str::cast(filename.object()) {
        Some(s) => unicode::str_value(s),
        None => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "compile() argument 'filename' must be str, bytes or os.PathLike, not {}",
                    filename.ob_type().name()
                ),
            ));
        }
    };
    let mode = match unicode::Str::cast(mode.object()).map(unicode::str_value) {
        Some(m) if m == "exec" => Mode::Exec,
        Some(m) if m == "eval" => Mode::Eval,
        Some(m) if m == "single" => Mode::Single,
        Some(_) => {
            return Err(interp.raise(
                &exceptions::VALUE_ERROR,
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
        None => {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "compile() argument 'mode' must be str, not {}",
                    mode.ob_type().name()
                ),
            ));
        }
    };
    if Code::cast(source.object()).is_some() {
        return Ok(source);
    }
    let text = source_text(interp, "compile", &source, "string, bytes or AST object")?;
    // The compiler's constants are dropped when `compile()` returns (its arena is freed).
    compile_text(interp, &text, &filename, mode, &mut ConstantPool::new())
}

/// `eval`/`exec`: the source compiled (or the code object taken), then run with the
/// namespaces the arguments give.
fn run_builtin<'py>(
    interp: &Interp<'py>,
    name: &str,
    mode: Mode,
    bound: &[Option<Obj<'py>>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let given = |i: usize| {
        bound
            .get(i)
            .cloned()
            .flatten()
            .filter(|v| !v.is(&none(heap)))
    };
    let Some(source) = bound.first().cloned().flatten() else {
        return Err(interp.err(pyrt_objects::view::bad_internal_call()));
    };
    let (globals, locals) = namespaces(interp, given(1), given(2))?;
    // A source string's constants stay in the parser's arena while its code runs
    // (`_PyRun_StringFlagsWithName` frees the arena after `run_mod`): one more reference each.
    let mut pool = ConstantPool::new();
    let code = if Code::cast(source.object()).is_some() {
        source
    } else {
        let text = source_text(interp, name, &source, "string, bytes or code object")?;
        compile_text(interp, &text, "<string>", mode, &mut pool)?
    };
    let result = interp.run_code_in(&code, &globals, &locals);
    drop(pool);
    result
}

/// The globals and locals code runs with, checked as `builtin_eval_impl` checks them, and the
/// builtins put in the globals when missing.
fn namespaces<'py>(
    interp: &Interp<'py>,
    globals: Option<Obj<'py>>,
    locals: Option<Obj<'py>>,
) -> R<'py, (Obj<'py>, Obj<'py>)> {
    let heap = interp.heap;
    if let Some(l) = &locals
        && dict::Dict::cast(l.object()).is_none()
    {
        return Err(interp.raise(&exceptions::TYPE_ERROR, "locals must be a mapping"));
    }
    if let Some(g) = &globals
        && dict::Dict::cast(g.object()).is_none()
    {
        let message = if locals.is_some() {
            "globals must be a real dict; try eval(expr, {}, mapping)"
        } else {
            "globals must be a dict"
        };
        return Err(interp.raise(&exceptions::TYPE_ERROR, message));
    }
    let (globals, locals) = match (globals, locals) {
        (Some(g), Some(l)) => (g, l),
        (Some(g), None) => (g.clone(), g),
        (None, l) => {
            let g = super::introspection::globals(interp, "globals", &[], &[])?;
            let l = match l {
                Some(l) => l,
                None => super::introspection::locals(interp, "locals", &[], &[])?,
            };
            (g, l)
        }
    };
    let view = dict::Dict::cast(globals.object())
        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
    let key = interp.name_str("__builtins__")?;
    if dict::get_item(heap, view, key.object())
        .map_err(|e| interp.err(e))?
        .is_none()
    {
        dict::set_item(heap, view, key, interp.builtins.clone()).map_err(|e| interp.err(e))?;
    }
    Ok((globals, locals))
}

/// `_Py_SourceAsString`: the text of a `str` or UTF-8 `bytes` source, without NUL characters.
fn source_text<'py>(
    interp: &Interp<'py>,
    name: &str,
    source: &Obj<'py>,
    kinds: &str,
) -> R<'py, String> {
    let text = if let Some(s) = unicode::Str::cast(source.object()) {
        unicode::str_value(s)
    } else if bytes::Bytes::cast(source.object()).is_some() {
        // The tokenizer decodes the bytes as UTF-8; a failure is `(unicode error) ...`.
        match interp.call_method(source, "decode", Vec::new(), Vec::new()) {
            Ok(s) => unicode::Str::cast(s.object()).map_or_else(String::new, unicode::str_value),
            Err(super::super::Unwind::Raise(r)) => {
                let why = pyrt_objects::abstract_::str(interp.heap, r.exc.object())
                    .map_err(|e| interp.err(e))?;
                return Err(
                    interp.raise(&exceptions::SYNTAX_ERROR, format!("(unicode error) {why}"))
                );
            }
        }
    } else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{name}() arg 1 must be a {kinds}"),
        ));
    };
    if text.contains('\0') {
        return Err(interp.raise(
            &exceptions::SYNTAX_ERROR,
            "source code string cannot contain null bytes",
        ));
    }
    Ok(text)
}

/// Compiles `text` as file `filename` in `mode`: a code object of the session, its constants
/// made in `pool` (one pool per compilation: the compiler's `c_const_cache`).
fn compile_text<'py>(
    interp: &Interp<'py>,
    text: &str,
    filename: &str,
    mode: Mode,
    pool: &mut ConstantPool<'py>,
) -> R<'py, Obj<'py>> {
    let text = if mode == Mode::Eval {
        text.trim_start_matches([' ', '\t'])
    } else {
        text
    };
    // SAFETY: the text is used by this session's line tables only, which go before the
    // store (the last field of `Interp`).
    let text = unsafe { interp.texts.keep_text(text) };
    let lines = Rc::new(Lines::new(text));
    let module = match parse::parse(filename, &lines) {
        Ok(m) => m,
        Err(ParseFailure::Syntax(e)) => {
            // The tokenizer's line, with its newline when the source has one after it.
            let line_text = line_with_newline(text, e.line);
            let place = Place {
                line: e.line,
                offset: e.column,
                end_line: e.end_line as usize,
                end_offset: e.end_column as usize,
            };
            return Err(syntax_error(
                interp,
                &e.message,
                filename,
                place,
                Some(line_text),
            ));
        }
        Err(ParseFailure::TooComplex) => {
            return Err(interp.raise(
                &exceptions::MEMORY_ERROR,
                "Parser stack overflowed - Python source too complex to parse",
            ));
        }
    };
    if mode == Mode::Single && module.body.len() > 1 {
        parse::drop_body(module.body);
        return Err(interp.raise(
            &exceptions::SYNTAX_ERROR,
            "multiple statements found while compiling a single statement",
        ));
    }
    let compiled = match mode {
        Mode::Exec => pyrt_compiler::compile_module(&module, text, filename),
        Mode::Eval => pyrt_compiler::compile_eval(&module, text, filename),
        Mode::Single => pyrt_compiler::compile_interactive(&module, text, filename),
    };
    parse::drop_body(module.body);
    // The compiler's errors have no text: CPython reads it from the file, which `<string>`
    // is not.
    let code = compiled.map_err(|e| {
        // The compiler's own limits are not syntax errors (`RecursionError: maximum recursion
        // depth exceeded during compilation`, as CPython raises it).
        let plain = match e.kind {
            pyrt_compiler::ErrorKind::Recursion => Some(&exceptions::RECURSION_ERROR),
            pyrt_compiler::ErrorKind::Memory => Some(&exceptions::MEMORY_ERROR),
            pyrt_compiler::ErrorKind::System => Some(&exceptions::SYSTEM_ERROR),
            pyrt_compiler::ErrorKind::Syntax | pyrt_compiler::ErrorKind::Indentation => None,
        };
        if let Some(kind) = plain {
            return interp.raise(kind, e.message.clone());
        }
        let at = e.location;
        let place = Place {
            line: at.lineno.max(1) as usize,
            offset: at.col_offset.max(0) as usize + 1,
            end_line: at.end_lineno.max(1) as usize,
            end_offset: at.end_col_offset.max(0) as usize + 1,
        };
        syntax_error(interp, &e.message, filename, place, None)
    })?;
    // Each compilation merges its own constants only: `270` compiled twice is two objects, as
    // in CPython's REPL.
    pool.code(interp.heap, &code).map_err(|e| interp.err(e))
}

/// Line `line` (1-based) of `text`, with its newline if it has one.
fn line_with_newline(text: &str, line: usize) -> String {
    text.split_inclusive('\n')
        .nth(line.saturating_sub(1))
        .unwrap_or("")
        .to_string()
}

/// Where a syntax error is: 1-based lines and offsets.
struct Place {
    line: usize,
    offset: usize,
    end_line: usize,
    end_offset: usize,
}

/// `SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
fn syntax_error<'py>(
    interp: &Interp<'py>,
    message: &str,
    filename: &str,
    at: Place,
    text: Option<String>,
) -> super::super::Unwind<'py> {
    let heap = interp.heap;
    let details = (|| {
        let int = |v: usize| long::int_from_i64(heap, v as i64);
        let text = match text {
            Some(t) => unicode::new_str(heap, &t)?,
            None => none(heap),
        };
        let parts = vec![
            unicode::new_str(heap, filename)?,
            int(at.line)?,
            int(at.offset)?,
            text,
            int(at.end_line)?,
            int(at.end_offset)?,
        ];
        let args = vec![
            unicode::new_str(heap, message)?,
            tuple::new_tuple(heap, parts)?,
        ];
        exceptions::new_exception(heap, exceptions::SYNTAX_ERROR.get(), args, false)
    })();
    match details {
        Ok(exc) => super::super::vm::eval::raised(exc),
        Err(e) => interp.err(e),
    }
}

impl<'py> Interp<'py> {
    /// Runs code object `code` in a new frame with `globals` and `locals`
    /// (`PyEval_EvalCode`): what `eval` and `exec` return.
    pub(crate) fn run_code_in(
        &self,
        code: &Obj<'py>,
        globals: &Obj<'py>,
        locals: &Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        let func = function::new_function(
            self.heap,
            code.object(),
            globals.object(),
            None,
            self.builtins.clone(),
        )
        .map_err(|e| self.err(e))?;
        let frame = self
            .vm
            .stack
            .push(func, Some(locals.clone()))
            .map_err(|e| self.err(e))?;
        self.link_to_caller(&frame);
        Run::new(self).run_entry(Entry::Stack(frame))
    }
}
