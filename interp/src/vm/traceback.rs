//! Printing an uncaught exception as CPython 3.12 prints it (`PyErr_Display` and
//! `Lib/traceback.py`'s format): the chain of causes and contexts first, each traceback's
//! entries outermost first with their source line and 3.12's caret line, and
//! `[Previous line repeated N more times]` after three identical entries.

use pyrt_compiler::carets;
use pyrt_compiler::linetable;
use pyrt_objects::Obj;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::frameobject::FrameObject;
use pyrt_objects::types::traceback::Traceback;
use pyrt_objects::types::unicode;

use super::super::Interp;
use super::super::exceptions::{self, Exception, Link};

/// The most chained exceptions printed (CPython's `print_exception_recursive` guards the same
/// way against cycles with a seen set).
const MAX_CHAIN: usize = 1000;

impl<'py> Interp<'py> {
    /// The text CPython prints for an uncaught `exc`.
    pub(crate) fn vm_format_exception(&self, exc: &Obj<'py>) -> String {
        let heap = self.heap;
        // The chain, innermost (the one raised last) first.
        let mut chain: Vec<(Obj<'py>, &str)> = vec![(exc.clone(), "")];
        let mut seen = vec![exc.as_ptr()];
        while chain.len() < MAX_CHAIN {
            let (cur, _) = chain.last().expect("the chain has its first");
            let Some(e) = Exception::cast(cur.object()) else {
                break;
            };
            let next = if let Some(c) = exceptions::link(heap, e, Link::Cause) {
                Some((
                    c,
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                ))
            } else if !exceptions::suppress_context(e) {
                exceptions::link(heap, e, Link::Context).map(|c| {
                    (
                        c,
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    )
                })
            } else {
                None
            };
            match next {
                Some((n, why)) if !seen.contains(&n.as_ptr()) => {
                    seen.push(n.as_ptr());
                    chain.last_mut().expect("as above").1 = why;
                    chain.push((n, ""));
                }
                _ => break,
            }
        }
        let mut out = String::new();
        for j in (0..chain.len()).rev() {
            out.push_str(&self.format_one(&chain[j].0));
            if j > 0 {
                out.push_str(chain[j - 1].1);
            }
        }
        out
    }

    /// One exception: its traceback (if any) and its `Type: message` line.
    fn format_one(&self, exc: &Obj<'py>) -> String {
        let mut s = String::new();
        let entries = self.traceback_entries(exc);
        if !entries.is_empty() {
            s.push_str("Traceback (most recent call last):\n");
            let mut previous: Option<(String, i32, String)> = None;
            let mut repeats = 0usize;
            for (code, lasti, line) in entries {
                let Some(code) = Code::cast(code.object()) else {
                    continue;
                };
                let filename = unicode::str_value(code.filename());
                let name = unicode::str_value(code.name());
                let key = (filename.clone(), line, name.clone());
                if previous.as_ref() == Some(&key) {
                    repeats += 1;
                } else {
                    flush_repeats(&mut s, repeats);
                    previous = Some(key);
                    repeats = 1;
                }
                if repeats > 3 {
                    continue;
                }
                s.push_str(&format!("  File \"{filename}\", line {line}, in {name}\n"));
                self.source_lines(&mut s, code, &filename, lasti);
            }
            flush_repeats(&mut s, repeats);
        }
        s.push_str(&self.exception_line(exc));
        s
    }

    /// The entries of `exc.__traceback__`, outermost first: each frame's code, the code unit
    /// it was at and its line (`tb_frame.f_code`, `tb_lasti / 2`, `tb_lineno`).
    fn traceback_entries(&self, exc: &Obj<'py>) -> Vec<(Obj<'py>, isize, i32)> {
        let heap = self.heap;
        let mut entries = Vec::new();
        let mut tb = Exception::cast(exc.object()).and_then(|e| e.traceback(heap));
        while let Some(t) = tb {
            let Some(view) = Traceback::cast(t.object()) else {
                break;
            };
            let frame = view.frame(heap);
            if let Some(code) = FrameObject::cast(frame.object())
                .and_then(|f| f.frame().code_obj(heap))
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
        if filename.starts_with('<') {
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

    /// `Type: message` (just `Type` for an empty message).
    pub(crate) fn exception_line(&self, exc: &Obj<'py>) -> String {
        let name = exc.ob_type().name().to_string();
        let msg = Exception::cast(exc.object())
            .and_then(|e| exceptions::exception_str(self.heap, e).ok())
            .unwrap_or_default();
        if msg.is_empty() {
            format!("{name}\n")
        } else {
            format!("{name}: {msg}\n")
        }
    }
}

fn flush_repeats(s: &mut String, repeats: usize) {
    if repeats > 3 {
        let more = repeats - 3;
        let times = if more == 1 { "time" } else { "times" };
        s.push_str(&format!("  [Previous line repeated {more} more {times}]\n"));
    }
}
