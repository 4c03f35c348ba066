//! `sep.join(items)` and the joining of an f-string's pieces (`BUILD_STRING`): CPython's
//! `_PyUnicode_JoinArray` (`Objects/unicodeobject.c`). The pieces are checked and measured
//! first — their total length and the widest kind among them — and the result is allocated
//! once in its final kind, the characters copied straight from the pieces; no Rust `String`
//! is built on the way, whatever the pieces' kinds.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::types::unicode::{self, Str};

/// `sep.join(items)` over the items of the iterable (which the caller has collected, as
/// `PySequence_Fast` does), or the pieces of an f-string with the empty separator
/// (`BUILD_STRING`). No items give `''`; one exact `str` is returned itself; otherwise the
/// result is a new string (`PyUnicode_New`: a fresh object even for one character, only the
/// empty result is the singleton), in the narrowest kind that holds every piece's kind.
///
/// # Errors
/// `TypeError: sequence item 1: expected str instance, int found`;
/// `OverflowError: join() result is too long`; `MemoryError`.
pub fn join_array<'h>(heap: &'h Heap, sep: &Str, items: &[Obj<'h>]) -> PyResult<Obj<'h>> {
    match items {
        [] => return unicode::new_str(heap, ""),
        [only] if unicode::is_exact_str(only.object()) => return Ok(only.clone()),
        _ => {}
    }
    // With one piece (a str subclass) the separator takes no part, in the length or the kind.
    let (sep_len, mut max) = if items.len() > 1 {
        (unicode::str_len(sep), unicode::max_char_value(sep))
    } else {
        (0, 0)
    };
    let too_long = || PyErr::overflow_error("join() result is too long");
    let mut size = 0usize;
    for (i, item) in items.iter().enumerate() {
        let Some(piece) = Str::cast(item.object()) else {
            return Err(PyErr::type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.ob_type().name()
            )));
        };
        let add = unicode::str_len(piece) + if i == 0 { 0 } else { sep_len };
        size = size
            .checked_add(add)
            .filter(|&n| n <= isize::MAX as usize)
            .ok_or_else(too_long)?;
        max = max.max(unicode::max_char_value(piece));
    }
    unicode::join_pieces(heap, sep, items, size, max)
}

/// The pieces of an f-string joined (`BUILD_STRING`: `_PyUnicode_JoinArray` with the empty
/// string as the separator): one piece that is an exact `str` comes back itself, otherwise
/// the result is one fresh string in its final kind.
///
/// # Errors
/// `TypeError` for a piece that is not a str (the compiler only emits str pieces), or
/// `OverflowError`/`MemoryError` as [`join_array`].
pub fn join_pieces<'h>(heap: &'h Heap, pieces: &[Obj<'h>]) -> PyResult<Obj<'h>> {
    // SAFETY: the empty-string singleton is an object of this heap, alive as long as it is.
    let empty = unsafe { heap.singletons().empty_str().as_ref() };
    let empty = Str::cast(empty).expect("the empty-string singleton is a str");
    join_array(heap, empty, pieces)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::long;

    fn new<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
        unicode::new_str(heap, text).unwrap()
    }

    fn text(o: &Obj<'_>) -> String {
        unicode::str_value(Str::cast(o.object()).unwrap())
    }

    #[test]
    fn one_exact_piece_is_returned_itself() {
        let heap = Heap::new();
        let a = new(&heap, "abc");
        assert!(
            join_pieces(&heap, core::slice::from_ref(&a))
                .unwrap()
                .is(&a)
        );
    }

    #[test]
    fn pieces_join_into_a_fresh_string_of_the_widest_kind() {
        // CPython: x, e = 'é', ''; f'{x}{e}' is not x, and sys.getsizeof of it is 58 (a fresh
        // Latin-1 string), where the cached 'é' is 61.
        let heap = Heap::new();
        let (x, e) = (new(&heap, "é"), new(&heap, ""));
        let r = join_pieces(&heap, &[x.clone(), e.clone()]).unwrap();
        assert!(!r.is(&x));
        assert_eq!(text(&r), "é");
        assert_eq!(crate::abstract_::sizeof(r.object()), 58);
        // f'{e}{e}' is the empty singleton.
        assert!(join_pieces(&heap, &[e.clone(), e.clone()]).unwrap().is(&e));
        // 'a', 'é', 'Ж', '😀' widen to UCS-4: 56 + 4 * (6 + 1) = 84.
        let parts = ["ab", "é", "Ж", "😀", "z"].map(|t| new(&heap, t));
        let r = join_pieces(&heap, &parts).unwrap();
        assert_eq!(text(&r), "abéЖ😀z");
        assert_eq!(crate::abstract_::sizeof(r.object()), 84);
    }

    #[test]
    fn a_non_str_item_is_named_in_the_type_error() {
        let heap = Heap::new();
        let sep = new(&heap, ", ");
        let items = [new(&heap, "a"), long::int_from_i64(&heap, 1).unwrap()];
        let err = join_array(&heap, Str::cast(sep.object()).unwrap(), &items).unwrap_err();
        assert_eq!(err.kind(), crate::error::ExcKind::TypeError);
        assert_eq!(
            err.message(),
            "sequence item 1: expected str instance, int found"
        );
    }
}
