//! Exceptions on their way through frames: the exception table (`get_exception_handler` in
//! `Python/ceval.c`, the table format of `Objects/exception_handling_notes.txt`), traceback
//! entries (`PyTraceBack_Here`) and the implicit `__context__` (`_PyErr_SetObject`).

use pyrt_objects::Obj;
use pyrt_objects::types::code::{Code, addr2line};
use pyrt_objects::types::exceptions::chain_context;
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::traceback;

use super::super::Interp;
use super::super::exceptions::Exception;

/// Where an exception raised at code unit `lasti` is handled: `(handler unit, stack depth,
/// push lasti)`.
pub(crate) fn handler(code: &Code, lasti: usize) -> Option<(usize, usize, bool)> {
    search(code.exceptiontable(), lasti)
}

/// `get_exception_handler`: the first entry of the table (`co_exceptiontable`, in
/// `Objects/exception_handling_notes.txt`'s format) whose range holds unit `at`, read in
/// place without building the entry list; the scan stops at the first entry starting past
/// `at`, as the entries are sorted by start.
fn search(table: &[u8], at: usize) -> Option<(usize, usize, bool)> {
    let mut bytes = table.iter().copied();
    let mut varint = || -> Option<usize> {
        let mut b = bytes.next()?;
        let mut value = usize::from(b & 63);
        while b & 64 != 0 {
            b = bytes.next()?;
            value = (value << 6) | usize::from(b & 63);
        }
        Some(value)
    };
    loop {
        let start = varint()?;
        let (len, target, depth_lasti) = (varint()?, varint()?, varint()?);
        if start > at {
            return None;
        }
        if at < start + len {
            return Some((target, depth_lasti >> 1, depth_lasti & 1 != 0));
        }
    }
}

impl<'py> Interp<'py> {
    /// `PyTraceBack_Here`: records that `exc` passed through `frame` at code unit `lasti`: a
    /// traceback entry for the frame's object (made now if it has none) is put in front of
    /// `exc.__traceback__`. Without memory for it the entry is left out, as CPython does.
    pub(crate) fn add_traceback(&self, exc: &Obj<'py>, frame: &InterpreterFrame, lasti: usize) {
        let heap = self.heap;
        let Some(e) = Exception::cast(exc.object()) else {
            return;
        };
        let Ok(frame_obj) = frame.frame_object(heap) else {
            return;
        };
        let lineno = frame.code().map_or(-1, |c| addr2line(c, lasti as isize));
        let lasti = i32::try_from(lasti * 2).unwrap_or(i32::MAX);
        let _ = traceback::traceback_here(heap, e, frame_obj, lasti, lineno);
    }

    /// `_PyErr_SetObject`'s chaining: a new exception raised while another is being handled
    /// gets it as `__context__` (cycles through the context chain are cut, as CPython cuts them).
    ///
    /// CPython chains an exception once, where it is raised; pyrt chains it where a run first
    /// unwinds it. So an exception that left a nested run (Python code called from Rust: a key
    /// function, a generator resumed by `next()`, `exec`) was chained there already, by the
    /// exception handled in there, and one thrown into a generator is not chained at all
    /// (`_gen_throw` restores it): [`Interp::mark_escaped`] marks such an exception, and it is
    /// left alone here.
    pub(crate) fn set_context(&self, exc: &Obj<'py>) {
        if self.vm.escaped.take() == escape_mark(exc) {
            return;
        }
        let handled = self.vm.exc_info.borrow().clone();
        chain_context(self.heap, exc, handled);
    }

    /// Marks `exc` as raised already (it leaves a run, or is thrown into a generator): the
    /// next unwind must not chain it. The mark is an address pair, kept only until that next
    /// unwind, so it holds no reference.
    pub(crate) fn mark_escaped(&self, exc: &Obj<'py>) {
        self.vm.escaped.set(escape_mark(exc));
    }
}

/// What [`Interp::mark_escaped`] remembers of `exc`: its address and its traceback's (a new
/// exception that happened to reuse a dead one's address has no traceback, or another one).
fn escape_mark(exc: &Obj<'_>) -> (usize, usize) {
    let tb = Exception::cast(exc.object())
        .and_then(|e| e.traceback(exc.heap()))
        .map_or(0, |t| t.as_ptr().as_ptr().addr());
    (exc.as_ptr().as_ptr().addr(), tb)
}

#[cfg(test)]
mod tests {
    use super::search;
    use pyrt_compiler::dis::parse_exception_table;

    /// Encodes entries `(start, len, target, depth, lasti)` as the compiler does: 6-bit groups,
    /// most significant first, bit 6 "more follows", bit 7 on an entry's first byte.
    fn encode(entries: &[(usize, usize, usize, usize, bool)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut put = |v: usize, first: bool| {
            let mut groups = vec![v & 63];
            let mut rest = v >> 6;
            while rest != 0 {
                groups.push(rest & 63);
                rest >>= 6;
            }
            for (i, g) in groups.iter().rev().enumerate() {
                let more = if i + 1 < groups.len() { 64 } else { 0 };
                let mark = if first && i == 0 { 128 } else { 0 };
                out.push((g | more | mark) as u8);
            }
        };
        for &(start, len, target, depth, lasti) in entries {
            put(start, true);
            put(len, false);
            put(target, false);
            put(depth << 1 | usize::from(lasti), false);
        }
        out
    }

    #[test]
    fn the_search_finds_what_the_parsed_table_finds() {
        let entries = [
            (2, 5, 40, 1, false),
            (7, 3, 50, 2, true),
            (12, 100, 4000, 0, true),
            (200, 70, 90, 3, false),
        ];
        let table = encode(&entries);
        let parsed = parse_exception_table(&table);
        assert_eq!(parsed.len(), entries.len());
        for at in 0..300 {
            let offset = (at * 2) as u32;
            let want = parsed
                .iter()
                .find(|e| e.start <= offset && offset < e.end)
                .map(|e| ((e.target / 2) as usize, e.depth as usize, e.lasti));
            assert_eq!(search(&table, at), want, "unit {at}");
        }
        assert_eq!(search(&table, 3), Some((40, 1, false)));
        assert_eq!(search(&table, 100), Some((4000, 0, true)));
        assert_eq!(search(&table, 150), None);
        assert_eq!(search(&[], 0), None);
    }
}
