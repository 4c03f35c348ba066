//! Exceptions on their way through frames: the exception table (`get_exception_handler` in
//! `Python/ceval.c`, the table format of `Objects/exception_handling_notes.txt`), traceback
//! entries (`PyTraceBack_Here`) and the implicit `__context__` (`_PyErr_SetObject`).

use pyrt_compiler::dis::parse_exception_table;
use pyrt_objects::Obj;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::{list, long, tuple};

use super::super::Interp;
use super::super::exceptions::{self, Exception, Link};

/// Where an exception raised at code unit `lasti` is handled: `(handler unit, stack depth,
/// push lasti)`.
pub(crate) fn handler(code: &Code, lasti: usize) -> Option<(usize, usize, bool)> {
    let offset = (lasti * 2) as u32;
    parse_exception_table(code.exceptiontable())
        .into_iter()
        .find(|e| e.start <= offset && offset < e.end)
        .map(|e| ((e.target / 2) as usize, e.depth as usize, e.lasti))
}

impl<'py> Interp<'py> {
    /// `PyTraceBack_Here`: records that `exc` passed through `code` at unit `lasti` (its
    /// `__traceback__` list gets `(code, lasti)`, innermost first).
    pub(crate) fn add_traceback(&self, exc: &Obj<'py>, code: Obj<'py>, lasti: usize) {
        let heap = self.heap;
        let Some(e) = Exception::cast(exc.object()) else {
            return;
        };
        let entry = match long::int_from_i64(heap, lasti as i64)
            .and_then(|l| tuple::new_tuple(heap, vec![code, l]))
        {
            Ok(t) => t,
            Err(_) => return,
        };
        let tb = match exceptions::link(heap, e, Link::Traceback) {
            Some(tb) => tb,
            None => match list::new_list(heap, Vec::new()) {
                Ok(l) => {
                    exceptions::set_link(heap, e, Link::Traceback, Some(l.clone()));
                    l
                }
                Err(_) => return,
            },
        };
        if let Some(l) = list::List::cast(tb.object()) {
            let _ = list::append(heap, l, entry);
        }
    }

    /// `_PyErr_SetObject`'s chaining: a new exception raised while `handled` is being handled
    /// gets it as `__context__` (cycles through the context chain are cut, as CPython cuts them).
    pub(crate) fn set_context(&self, exc: &Obj<'py>) {
        let heap = self.heap;
        let Some(handled) = self.vm.exc_info.borrow().clone() else {
            return;
        };
        if handled.is(exc) {
            return;
        }
        let Some(e) = Exception::cast(exc.object()) else {
            return;
        };
        // Cut a cycle: if `exc` is in `handled`'s context chain, unlink it there.
        let mut o = handled.clone();
        let mut steps = 0;
        while let Some(oe) = Exception::cast(o.object()) {
            let Some(next) = exceptions::link(heap, oe, Link::Context) else {
                break;
            };
            if next.is(exc) {
                exceptions::set_link(heap, oe, Link::Context, None);
                break;
            }
            o = next;
            steps += 1;
            if steps > 100_000 {
                break;
            }
        }
        exceptions::set_link(heap, e, Link::Context, Some(handled));
    }
}
