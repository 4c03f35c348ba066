//! The parts of a printed exception (`Lib/traceback.py`'s `StackSummary.format` and
//! `format_exception_only`): a traceback's entries outermost first with their source line and
//! 3.12's caret line, `[Previous line repeated N more times]` after three identical entries,
//! and the `Type: message` line with the exception's notes. [`super::print_exc`] puts them
//! together for a chain of exceptions and exception groups.

use pyrt_compiler::carets;
use pyrt_compiler::linetable;
use pyrt_objects::Obj;
use pyrt_objects::abstract_;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::frameobject::FrameObject;
use pyrt_objects::types::traceback::Traceback;
use pyrt_objects::types::{list, none, tuple, unicode};

use super::super::Interp;
use super::super::exceptions::{self, Exception};

impl<'py> Interp<'py> {
    /// The traceback of `exc` as `StackSummary.format()` gives it: one block per entry
    /// (outermost first) with its source line and caret line, and `[Previous line repeated N
    /// more times]` after three identical entries; empty without a traceback.
    pub(crate) fn format_stack(&self, exc: &Obj<'py>) -> String {
        let tb = Exception::cast(exc.object()).and_then(|e| e.traceback(self.heap));
        self.format_tb_blocks(tb).concat()
    }

    /// One entry of a traceback as `StackSummary.format()` shows it: `File "...", line N, in
    /// name`, then its source line and caret line; `lasti` is the code unit the frame was at.
    /// None for an object that is not a code object.
    pub(crate) fn format_entry(&self, code: &Obj<'py>, lasti: isize, line: i32) -> Option<String> {
        let code = Code::cast(code.object())?;
        let filename = unicode::str_value(code.filename());
        let name = unicode::str_value(code.name());
        let mut s = format!("  File \"{filename}\", line {line}, in {name}\n");
        self.source_lines(&mut s, code, &filename, lasti);
        Some(s)
    }

    /// The blocks `StackSummary.format()` gives for the traceback `tb` (a `traceback` object
    /// or None): one per entry, outermost first, with its source line and caret line, and a
    /// `[Previous line repeated N more times]` block after three identical entries.
    fn format_tb_blocks(&self, tb: Option<Obj<'py>>) -> Vec<String> {
        let mut blocks = Vec::new();
        let mut previous: Option<(String, i32, String)> = None;
        let mut repeats = 0usize;
        for (code, lasti, line) in self.tb_entries(tb) {
            let Some(code) = Code::cast(code.object()) else {
                continue;
            };
            let filename = unicode::str_value(code.filename());
            let name = unicode::str_value(code.name());
            let key = (filename.clone(), line, name.clone());
            if previous.as_ref() == Some(&key) {
                repeats += 1;
            } else {
                let mut s = String::new();
                flush_repeats(&mut s, repeats);
                if !s.is_empty() {
                    blocks.push(s);
                }
                previous = Some(key);
                repeats = 1;
            }
            if repeats > 3 {
                continue;
            }
            let mut s = format!("  File \"{filename}\", line {line}, in {name}\n");
            self.source_lines(&mut s, code, &filename, lasti);
            blocks.push(s);
        }
        let mut s = String::new();
        flush_repeats(&mut s, repeats);
        if !s.is_empty() {
            blocks.push(s);
        }
        blocks
    }

    /// The entries of a traceback, outermost first: each frame's code, the code unit
    /// it was at and its line (`tb_frame.f_code`, `tb_lasti / 2`, `tb_lineno`).
    fn tb_entries(&self, tb: Option<Obj<'py>>) -> Vec<(Obj<'py>, isize, i32)> {
        let heap = self.heap;
        let mut entries = Vec::new();
        let mut tb = tb;
        while let Some(t) = tb {
            let Some(view) = Traceback::cast(t.object()) else {
                break;
            };
            let frame = view.frame(heap);
            if let Some(code) =
                FrameObject::cast(frame.object()).and_then(|f| f.frame().code_obj(heap))
                && !is_hidden(&code)
            {
                entries.push((code, (view.lasti() / 2) as isize, view.lineno(heap)));
            }
            tb = view.next(heap);
        }
        entries
    }

    /// The source line of an entry and its caret line.
    fn source_lines(&self, s: &mut String, code: &Code, filename: &str, lasti: isize) {
        // CPython's `linecache` cannot read `<string>` or `<stdin>`: no source line for them.
        // The shipped library's sources are in `sources` like a file's.
        if filename.starts_with('<') && !filename.starts_with("<pyrt-lib>/") {
            return;
        }
        let sources = self.vm.sources.borrow();
        let Some(lines) = sources.get(filename) else {
            return;
        };
        let positions = linetable::positions(code.linetable(), code.firstlineno());
        let Some(&at) = usize::try_from(lasti).ok().and_then(|i| positions.get(i)) else {
            return;
        };
        if at.lineno < 1 {
            return;
        }
        let text = lines.text_of(at.lineno as usize);
        let shown = carets::shown_source_line(text);
        if shown.is_empty() {
            return;
        }
        s.push_str(&format!("    {shown}\n"));
        if let Some(c) = carets::caret_line(text, at) {
            s.push_str(&c);
            s.push('\n');
        }
    }

    /// `format_exception_only`: the `Type: message` line, then each line of each note in
    /// `__notes__` (a `__notes__` that is not a list or tuple is shown by its repr).
    pub(crate) fn exception_only(&self, exc: &Obj<'py>) -> String {
        let heap = self.heap;
        let mut s = self.exception_line(exc);
        let Ok(notes) = self.getattr(exc, "__notes__") else {
            return s;
        };
        let items = list::List::cast(notes.object())
            .map(list::items)
            .or_else(|| tuple::Tuple::cast(notes.object()).map(tuple::items));
        // Owned references first: `str()` of a note may run code that changes the list.
        let sequence: Option<Vec<Obj<'py>>> = items.map(|ps| {
            ps.iter()
                // SAFETY: the list or tuple holds its items.
                .map(|p| unsafe { Obj::from_borrowed(heap, p.as_ref()) })
                .collect()
        });
        match sequence {
            Some(items) => {
                for note in items {
                    let text = abstract_::str(heap, note.object())
                        .unwrap_or_else(|_| "<note str() failed>".to_string());
                    for line in text.split('\n') {
                        s.push_str(line);
                        s.push('\n');
                    }
                }
            }
            None if notes.is(&none(heap)) => {}
            None => {
                let text = abstract_::repr(heap, notes.object())
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                s.push_str(&text);
                s.push('\n');
            }
        }
        s
    }

    /// `Type: message` (just `Type` for an empty message), as `print_exception_message`
    /// writes it: a class outside `builtins` and `__main__` is named `module.qualname`, and
    /// the message is `str(exc)` (a Python subclass's `__str__`), `<exception str() failed>`
    /// when that raises.
    pub(crate) fn exception_line(&self, exc: &Obj<'py>) -> String {
        let name = self.exception_type_name(exc);
        if let Some(syntax) = self.syntax_error_text(exc) {
            // `print_exception_file_and_line`: the error's own location, then its bare `msg`.
            let line = if syntax.message.is_empty() {
                format!("{name}\n")
            } else {
                format!("{name}: {}\n", syntax.message)
            };
            return syntax.location + &line;
        }
        let msg = match Exception::cast(exc.object()) {
            Some(e) if !pyrt_objects::types::class::is_heap_type(exc.ob_type()) => {
                exceptions::exception_str(self.heap, e).unwrap_or_default()
            }
            _ => abstract_::str(self.heap, exc.object())
                .unwrap_or_else(|_| "<exception str() failed>".to_string()),
        };
        let hint = self.suggestion_text(exc);
        if msg.is_empty() {
            format!("{name}{hint}\n")
        } else {
            format!("{name}: {msg}{hint}\n")
        }
    }

    /// The class of `exc` as a traceback names it: `__qualname__`, after `__module__` and a
    /// dot unless the module is `builtins` or `__main__` (`<unknown>` for either part that is
    /// not a str).
    fn exception_type_name(&self, exc: &Obj<'py>) -> String {
        let ty = exc.ob_type();
        if !pyrt_objects::types::class::is_heap_type(ty) {
            return ty.name().to_string();
        }
        // SAFETY: an object's type is alive while the object is.
        let cls = unsafe { Obj::from_borrowed(self.heap, &ty.ob_base.ob_base) };
        let text = |name: &str| {
            self.getattr(&cls, name)
                .ok()
                .and_then(|v| unicode::Str::cast(v.object()).map(unicode::str_value))
        };
        let qualname = text("__qualname__").unwrap_or_else(|| "<unknown>".to_string());
        match text("__module__") {
            Some(m) if m == "builtins" || m == "__main__" => qualname,
            Some(m) => format!("{m}.{qualname}"),
            None => format!("<unknown>{qualname}"),
        }
    }
}

/// The shipped modules that stand for C code in CPython (`_pyio.py` for `_io`, under the
/// built-in `open()`): a C function has no frame, so their frames are not printed.
const HIDDEN_SOURCES: &[&str] = &["<pyrt-lib>/_pyio.py"];

/// Whether a traceback entry's code is one of [`HIDDEN_SOURCES`].
fn is_hidden(code: &Obj<'_>) -> bool {
    Code::cast(code.object())
        .is_some_and(|c| HIDDEN_SOURCES.contains(&unicode::str_value(c.filename()).as_str()))
}

fn flush_repeats(s: &mut String, repeats: usize) {
    if repeats > 3 {
        let more = repeats - 3;
        let times = if more == 1 { "time" } else { "times" };
        s.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
    }
}
