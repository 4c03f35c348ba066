//! Exceptions on their way through frames: the exception table (`get_exception_handler` in
//! `Python/ceval.c`, the table format of `Objects/exception_handling_notes.txt`), traceback
//! entries (`PyTraceBack_Here`) and the implicit `__context__` (`_PyErr_SetObject`).

use pyrt_objects::Obj;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::{list, long, tuple};

use super::super::Interp;
use super::super::exceptions::{self, Exception, Link};

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
