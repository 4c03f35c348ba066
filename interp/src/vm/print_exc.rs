//! Printing an uncaught exception as CPython 3.12 prints it (`PyErr_Display`, whose output is
//! `Lib/traceback.py`'s `TracebackException.format`): the chain of causes and contexts,
//! outermost first, and exception groups drawn in boxes:
//!
//! ```text
//!   + Exception Group Traceback (most recent call last):
//!   |   File "x.py", line 3, in <module>
//!   | ExceptionGroup: two (2 sub-exceptions)
//!   +-+---------------- 1 ----------------
//!     | ValueError: a
//!     +---------------- 2 ----------------
//!     | TypeError: b
//!     +------------------------------------
//! ```
//!
//! As in 3.12's `print_exception_recursive` (`Python/pythonrun.c`), a set of the exceptions
//! already printed ends cycles and repeats: a cause or context seen before is not printed
//! again. A chain is walked with a loop; only nested groups recurse, and groups deeper than
//! `max_group_depth` (10) are not opened.

use std::collections::HashSet;

use pyrt_objects::Obj;
use pyrt_objects::types::exceptions::group;

use super::super::Interp;
use super::super::exceptions::Exception;

/// `max_group_width`: members of a group printed before `and N more exceptions`.
const MAX_GROUP_WIDTH: usize = 15;
/// `max_group_depth`: nesting of groups printed before `... (max_group_depth is 10)`.
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";

/// `struct exception_print_context`: the text so far, the group nesting, whether the
/// innermost box still needs its closing line, and the exceptions printed or being printed.
struct Printer {
    out: String,
    depth: usize,
    need_close: bool,
    seen: HashSet<usize>,
}

fn id_of(o: &Obj<'_>) -> usize {
    o.as_ptr().as_ptr().addr()
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `emit`: every line of `text` with the indent and, inside a group, the margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

impl<'py> Interp<'py> {
    /// The text CPython prints for an uncaught `exc`.
    pub(crate) fn vm_format_exception(&self, exc: &Obj<'py>) -> String {
        let mut p = Printer {
            out: String::new(),
            depth: 0,
            need_close: false,
            seen: HashSet::new(),
        };
        self.format_chain(exc, &mut p);
        p.out
    }

    /// `print_exception_recursive`: the chain of `exc`'s causes and contexts not printed yet
    /// (an exception's cause if it has one, else its context unless suppressed), outermost
    /// first, then `exc`. The chain is walked first (so all of it counts as seen before any
    /// group in it prints its members), then printed.
    fn format_chain(&self, exc: &Obj<'py>, p: &mut Printer) {
        let heap = self.heap;
        let mut chain: Vec<(Obj<'py>, Option<&str>)> = Vec::new();
        let mut cur = Some(exc.clone());
        while let Some(v) = cur {
            p.seen.insert(id_of(&v));
            let next = Exception::cast(v.object()).and_then(|e| match e.cause(heap) {
                Some(c) => Some((c, CAUSE_MESSAGE)),
                None if e.suppress_context() => None,
                None => e.context(heap).map(|c| (c, CONTEXT_MESSAGE)),
            });
            let next = next.filter(|(c, _)| !p.seen.contains(&id_of(c)));
            chain.push((v, next.as_ref().map(|n| n.1)));
            cur = next.map(|n| n.0);
        }
        for (v, link) in chain.iter().rev() {
            if let Some(m) = link {
                p.emit(m, '|');
            }
            self.format_one(v, p);
        }
    }

    /// One exception of a chain: its traceback and message, or a group's box.
    fn format_one(&self, exc: &Obj<'py>, p: &mut Printer) {
        let stack = self.format_stack(exc);
        if !group::is_group(exc.object()) {
            if !stack.is_empty() {
                p.emit("Traceback (most recent call last):\n", '|');
                p.emit(&stack, '|');
            }
            p.emit(&self.exception_only(exc), '|');
            return;
        };
        if p.depth > MAX_GROUP_DEPTH {
            p.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        let toplevel = p.depth == 0;
        if toplevel {
            p.depth += 1;
        }
        if !stack.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            p.emit(
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            p.emit(&stack, '|');
        }
        p.emit(&self.exception_only(exc), '|');
        let members = group::exceptions(self.heap, exc.object());
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        p.need_close = false;
        for k in 0..shown {
            let last = k == shown - 1;
            if last {
                p.need_close = true;
            }
            let truncated = k >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (k + 1).to_string()
            };
            let corner = if k == 0 { "+-" } else { "  " };
            p.out.push_str(&format!(
                "{}{corner}+---------------- {title} ----------------\n",
                p.indent()
            ));
            p.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                p.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else {
                self.format_chain(&members[k], p);
            }
            if last && p.need_close {
                p.out.push_str(&format!(
                    "{}+------------------------------------\n",
                    p.indent()
                ));
                p.need_close = false;
            }
            p.depth -= 1;
        }
        if toplevel {
            p.depth = 0;
        }
    }
}
