//! `str` methods (`Objects/unicodeobject.c` with `Objects/stringlib/split.h`): `split`,
//! `rsplit`, `strip`/`lstrip`/`rstrip`, `upper`, `lower`, `replace`,
//! `startswith`/`endswith`, `find`/`rfind`/`index`/`rindex`/`count` — as plain functions on
//! the receiver, with CPython 3.12's results, errors and object identities. (`join` is in
//! [`super::unicode_join`]; the `isdigit`, `isalpha`, `isspace` and `isidentifier` tests are in
//! [`super::unicode_classes`] and re-exported here.)
//!
//! # Which object comes back
//! CPython's methods differ in how they build results, and `is` and `sys.getsizeof` show it:
//! * *unchanged* results are the receiver itself when it is an exact `str`
//!   (`unicode_result_unchanged`): `s.strip()` with nothing to strip, `s.replace(a, b)` with no
//!   match, no count or `a is b`, `s.split()` without a split, `''.join([s])`;
//! * *substrings* (`strip`, the pieces of `split`) go through `PyUnicode_Substring`, so an empty
//!   or one-character Latin-1 piece is the cached singleton ([`unicode::new_str`]);
//! * results *built in place* (`upper`, `lower`, `replace`, and `join`) come from `PyUnicode_New`:
//!   a fresh object even for one character ([`unicode::new_str_fresh`]) — `'é'.upper()` is 58
//!   bytes where the singleton `'É'` is 61 — and only the empty string is shared.
//!
//! The list from `split` is preallocated as CPython's is (`PREALLOC_SIZE`: `maxsplit + 1`
//! slots, at most 12, then `append` growth; without `maxsplit` the bound is `(len - 1) / 2 + 1`
//! for whitespace and `len / len(sep) + 1` for a separator), so `sys.getsizeof('a b c'.split())`
//! is 88.
//!
//! Whitespace is `str.isspace`'s (Unicode 15.0.0, as CPython 3.12's). Case mapping is Rust's full mapping (`char::to_uppercase`,
//! `str::to_lowercase` with the final sigma rule), the same rules as CPython's, with the few
//! mappings that newer Unicode versions added taken out.

use core::ptr;

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::types::list::{self, List, RawStorage, swap_storage};
use crate::types::long::{self, new_bool};
use crate::types::unicode::{self, STR_TYPE, Str, str_value};
pub(crate) use crate::types::unicode_classes::is_alpha;
pub use crate::types::unicode_classes::{is_identifier, isalpha, isdigit, isidentifier, isspace};
/// `sep.join(items)`: [`super::unicode_join::join_array`], under its old path.
pub use crate::types::unicode_join::join_array as join;
use crate::types::{NONE_TYPE, list_sort, tuple};
use crate::unicode_data::is_py_space;

// ---------------------------------------------------------------------------------------------
// Arguments and results.
// ---------------------------------------------------------------------------------------------

fn is_exact_str(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), STR_TYPE.get())
}

fn is_none(o: &PyObject) -> bool {
    ptr::eq(o.ob_type(), NONE_TYPE.get())
}

fn chars(o: &Str) -> Vec<char> {
    str_value(o).chars().collect()
}

fn to_string(c: &[char]) -> String {
    c.iter().collect()
}

/// A new reference to an object the caller holds.
fn new_ref<'h>(heap: &'h Heap, o: &PyObject) -> Obj<'h> {
    // SAFETY: `o` is a live object of `heap` (the caller holds it).
    unsafe { Obj::from_borrowed(heap, o) }
}

/// `unicode_result_unchanged`: the string itself when it is an exact `str`, else an exact copy.
pub(crate) fn unchanged<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    if is_exact_str(s) {
        return Ok(new_ref(heap, s));
    }
    unicode::new_str_fresh(heap, &str_value(s))
}

/// `PyUnicode_Substring(s, start, end)`: the string itself for all of it, else a new string
/// (the singleton when it is empty or one Latin-1 character).
pub(crate) fn substring<'h>(
    heap: &'h Heap,
    s: &Str,
    c: &[char],
    start: usize,
    end: usize,
) -> PyResult<Obj<'h>> {
    let end = end.min(c.len());
    if start == 0 && end == c.len() {
        return unchanged(heap, s);
    }
    if start >= c.len() || end < start {
        return unicode::new_str(heap, "");
    }
    unicode::new_str(heap, &to_string(&c[start..end]))
}

/// A `start`/`end` argument (`_PyEval_SliceIndex`): `None` or absent is `default`, an int is
/// clamped to the `Py_ssize_t` range.
///
/// # Errors
/// `TypeError: slice indices must be integers or None or have an __index__ method`.
fn slice_arg(o: Option<&PyObject>, default: isize) -> PyResult<isize> {
    match o.filter(|o| !is_none(o)) {
        Some(o) => crate::methods::slice_index(o),
        None => Ok(default),
    }
}

/// `ADJUST_INDICES`: `start` and `end` as slice bounds of a string of `len`.
fn adjust_indices(start: isize, end: isize, len: usize) -> (isize, isize) {
    let len = len as isize;
    let end = if end > len {
        len
    } else if end < 0 {
        (end + len).max(0)
    } else {
        end
    };
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start
    };
    (start, end)
}

/// `PyUnicode_KIND` of a text: 1, 2 or 4 bytes per code point.
fn kind(c: &[char]) -> u8 {
    match c.iter().map(|&c| c as u32).max().unwrap_or(0) {
        0..=0xff => 1,
        0x100..=0xffff => 2,
        _ => 4,
    }
}

/// The first occurrence of `needle` in `hay`.
fn find_in(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The last occurrence of `needle` in `hay`.
fn rfind_in(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Non-overlapping occurrences, at most `max` (`stringlib count`): `len + 1` for an empty
/// needle.
fn count_in(hay: &[char], needle: &[char], max: usize) -> usize {
    if needle.is_empty() {
        return (hay.len() + 1).min(max);
    }
    let (mut n, mut i) = (0, 0);
    while n < max {
        let Some(pos) = find_in(&hay[i..], needle) else {
            break;
        };
        n += 1;
        i += pos + needle.len();
    }
    n
}

// ---------------------------------------------------------------------------------------------
// split and rsplit.
// ---------------------------------------------------------------------------------------------

/// Most slots `split` preallocates (`MAX_PREALLOC`).
const MAX_PREALLOC: usize = 12;

/// The list `split` fills: `PyList_New(PREALLOC_SIZE(maxcount))`, items stored in place while
/// there is room (`SPLIT_ADD`), then `PyList_Append`; the length is always the item count.
struct SplitList<'h> {
    heap: &'h Heap,
    list: Obj<'h>,
    array: *mut ObjPtr,
    prealloc: usize,
    count: usize,
}

impl<'h> SplitList<'h> {
    fn new(heap: &'h Heap, maxcount: isize) -> PyResult<SplitList<'h>> {
        let prealloc = if maxcount >= MAX_PREALLOC as isize {
            MAX_PREALLOC
        } else {
            maxcount as usize + 1
        };
        let list = list::new_list(heap, Vec::new())?;
        let array = heap.alloc_bytes(8 * prealloc)?.cast::<ObjPtr>().as_ptr();
        let storage = RawStorage {
            items: array,
            len: 0,
            allocated: prealloc as isize,
        };
        // SAFETY: a new list without an array takes a fresh buffer of `prealloc` slots.
        unsafe { swap_storage(List::cast_internal(list.object())?, storage) };
        Ok(SplitList {
            heap,
            list,
            array,
            prealloc,
            count: 0,
        })
    }

    fn push(&mut self, item: Obj<'h>) -> PyResult<()> {
        if self.count < self.prealloc {
            let storage = RawStorage {
                items: self.array,
                len: self.count as isize + 1,
                allocated: self.prealloc as isize,
            };
            // SAFETY: the list's array is still the preallocated one (nothing appended yet) and
            // slot `count` is free; the list owns the new item once its length covers it.
            unsafe {
                self.array.add(self.count).write(item.into_ptr());
                swap_storage(List::cast_internal(self.list.object())?, storage);
            }
        } else {
            list::append(self.heap, List::cast_internal(self.list.object())?, item)?;
        }
        self.count += 1;
        Ok(())
    }
}

/// `s.split(sep=None, maxsplit=-1)`.
///
/// # Errors
/// `TypeError: must be str or None, not int`, `ValueError: empty separator`, and the errors of
/// an integer `maxsplit`.
pub fn split<'h>(
    heap: &'h Heap,
    s: &Str,
    sep: Option<&PyObject>,
    maxsplit: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    split_common(heap, s, sep, maxsplit, false)
}

/// `s.rsplit(sep=None, maxsplit=-1)`: splits from the right, so a `maxsplit` keeps the head.
///
/// # Errors
/// As [`split`].
pub fn rsplit<'h>(
    heap: &'h Heap,
    s: &Str,
    sep: Option<&PyObject>,
    maxsplit: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    split_common(heap, s, sep, maxsplit, true)
}

fn split_common<'h>(
    heap: &'h Heap,
    s: &Str,
    sep: Option<&PyObject>,
    maxsplit: Option<&PyObject>,
    right: bool,
) -> PyResult<Obj<'h>> {
    let maxcount = maxsplit
        .map(crate::methods::ssize_arg)
        .transpose()?
        .unwrap_or(-1);
    let sep = match sep.filter(|o| !is_none(o)) {
        None => None,
        Some(o) => Some(Str::cast(o).ok_or_else(|| {
            PyErr::type_error(format!("must be str or None, not {}", o.ob_type().name()))
        })?),
    };
    if let (Some(text), Some(sep_text)) =
        (unicode::ascii_text(s), sep.and_then(unicode::ascii_text))
        && !sep_text.is_empty()
        && text.len() >= sep_text.len()
    {
        let maxcount = if maxcount < 0 {
            (text.len() / sep_text.len()) as isize + 1
        } else {
            maxcount
        };
        return split_sep_ascii(heap, s, text.as_bytes(), sep_text, maxcount, right);
    }
    let c = chars(s);
    let Some(sep) = sep else {
        let maxcount = if maxcount < 0 {
            (c.len() as isize - 1) / 2 + 1
        } else {
            maxcount
        };
        return split_whitespace(heap, s, &c, maxcount, right);
    };
    let sepc = chars(sep);
    let maxcount = match (maxcount, sepc.len()) {
        (0.., _) => maxcount,
        (_, 0) => 0,
        (_, n) => (c.len() / n) as isize + 1,
    };
    if kind(&c) < kind(&sepc) || c.len() < sepc.len() {
        return list::new_list(heap, vec![new_ref(heap, s)]);
    }
    if sepc.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    split_sep(heap, s, &c, &sepc, maxcount, right)
}

/// `split_whitespace` / `rsplit_whitespace`: runs of non-space characters; when the whole
/// string is one run, the string itself.
fn split_whitespace<'h>(
    heap: &'h Heap,
    s: &Str,
    c: &[char],
    maxcount: isize,
    right: bool,
) -> PyResult<Obj<'h>> {
    let mut out = SplitList::new(heap, maxcount)?;
    let piece = |a: usize, b: usize| unicode::new_str(heap, &to_string(&c[a..b]));
    let sp = |i: usize| is_py_space(c[i]);
    let n = c.len();
    // Work on positions from the end when splitting from the right.
    let at = |k: usize| if right { n - 1 - k } else { k };
    let (mut i, mut left) = (0, maxcount);
    while left > 0 {
        left -= 1;
        while i < n && sp(at(i)) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !sp(at(i)) {
            i += 1;
        }
        if j == 0 && i == n && is_exact_str(s) {
            out.push(new_ref(heap, s))?;
            break;
        }
        let (a, b) = if right { (n - i, n - j) } else { (j, i) };
        out.push(piece(a, b)?)?;
    }
    if i < n {
        while i < n && sp(at(i)) {
            i += 1;
        }
        if i != n {
            let (a, b) = if right { (0, n - i) } else { (i, n) };
            out.push(piece(a, b)?)?;
        }
    }
    finish_split(out, right)
}

/// `split` / `rsplit` on a separator (`split_char` and `split` of `stringlib`, which agree):
/// the pieces between non-overlapping occurrences; with none, the string itself.
fn split_sep<'h>(
    heap: &'h Heap,
    s: &Str,
    c: &[char],
    sep: &[char],
    maxcount: isize,
    right: bool,
) -> PyResult<Obj<'h>> {
    let mut out = SplitList::new(heap, maxcount)?;
    let piece = |a: usize, b: usize| unicode::new_str(heap, &to_string(&c[a..b]));
    let (mut lo, mut hi) = (0, c.len());
    let mut left = maxcount;
    while left > 0 {
        left -= 1;
        if right {
            let Some(pos) = rfind_in(&c[..hi], sep) else {
                break;
            };
            out.push(piece(pos + sep.len(), hi)?)?;
            hi = pos;
        } else {
            let Some(pos) = find_in(&c[lo..], sep) else {
                break;
            };
            out.push(piece(lo, lo + pos)?)?;
            lo += pos + sep.len();
        }
    }
    if out.count == 0 && is_exact_str(s) {
        out.push(new_ref(heap, s))?;
    } else {
        out.push(piece(lo, hi)?)?;
    }
    finish_split(out, right)
}

/// [`split_sep`] of an ASCII string on an ASCII separator, on the bytes in place: the same
/// pieces, made straight from the bytes (no character vector, no `String`).
fn split_sep_ascii<'h>(
    heap: &'h Heap,
    s: &Str,
    text: &[u8],
    sep: &str,
    maxcount: isize,
    right: bool,
) -> PyResult<Obj<'h>> {
    let mut out = SplitList::new(heap, maxcount)?;
    let piece = |a: usize, b: usize| unicode::new_ascii(heap, &text[a..b]);
    let sep = sep.as_bytes();
    let (mut lo, mut hi) = (0, text.len());
    let mut left = maxcount;
    while left > 0 {
        left -= 1;
        if right {
            let Some(pos) = rfind_bytes(&text[lo..hi], sep) else {
                break;
            };
            out.push(piece(pos + sep.len(), hi)?)?;
            hi = pos;
        } else {
            let Some(pos) = find_bytes(&text[lo..hi], sep) else {
                break;
            };
            out.push(piece(lo, lo + pos)?)?;
            lo += pos + sep.len();
        }
    }
    if out.count == 0 && is_exact_str(s) {
        out.push(new_ref(heap, s))?;
    } else {
        out.push(piece(lo, hi)?)?;
    }
    finish_split(out, right)
}

/// The first occurrence of the non-empty `needle` in `hay` (`memchr` for one byte, else a
/// scan for the first byte then a compare, as `stringlib`'s `default_find` does).
#[inline]
pub(crate) fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    if hay.len() < needle.len() {
        return None;
    }
    let last_start = hay.len() - needle.len();
    let mut i = 0;
    while i <= last_start {
        let k = hay[i..=last_start].iter().position(|&b| b == first)?;
        i += k;
        if hay[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// The last occurrence of the non-empty `needle` in `hay`.
#[inline]
fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    (0..=hay.len() - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Non-overlapping occurrences of the non-empty `needle` in `hay`, at most `max`.
fn count_bytes(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let (mut n, mut i) = (0, 0);
    while n < max
        && let Some(pos) = find_bytes(&hay[i..], needle)
    {
        n += 1;
        i += pos + needle.len();
    }
    n
}

/// `FIX_PREALLOC_SIZE` and, for `rsplit`, `PyList_Reverse`.
fn finish_split(out: SplitList<'_>, right: bool) -> PyResult<Obj<'_>> {
    if right {
        list_sort::reverse(List::cast_internal(out.list.object())?)?;
    }
    Ok(out.list)
}

// ---------------------------------------------------------------------------------------------
// join, strip, case, replace.
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Strip {
    Left,
    Right,
    Both,
}

/// `s.strip(chars=None)`: whitespace, or any of `chars`, from both ends.
///
/// # Errors
/// `TypeError: strip arg must be None or str`.
pub fn strip<'h>(heap: &'h Heap, s: &Str, chars: Option<&PyObject>) -> PyResult<Obj<'h>> {
    do_strip(heap, s, chars, Strip::Both)
}

/// `s.lstrip(chars=None)`.
///
/// # Errors
/// `TypeError: lstrip arg must be None or str`.
pub fn lstrip<'h>(heap: &'h Heap, s: &Str, chars: Option<&PyObject>) -> PyResult<Obj<'h>> {
    do_strip(heap, s, chars, Strip::Left)
}

/// `s.rstrip(chars=None)`.
///
/// # Errors
/// `TypeError: rstrip arg must be None or str`.
pub fn rstrip<'h>(heap: &'h Heap, s: &Str, chars: Option<&PyObject>) -> PyResult<Obj<'h>> {
    do_strip(heap, s, chars, Strip::Right)
}

/// `do_argstrip`: `do_strip` for whitespace, `_PyUnicode_XStrip` for a set of characters.
fn do_strip<'h>(heap: &'h Heap, s: &Str, set: Option<&PyObject>, how: Strip) -> PyResult<Obj<'h>> {
    let name = match how {
        Strip::Left => "lstrip",
        Strip::Right => "rstrip",
        Strip::Both => "strip",
    };
    let set = match set.filter(|o| !is_none(o)) {
        None => None,
        Some(o) => Some(chars(Str::cast(o).ok_or_else(|| {
            PyErr::type_error(format!("{name} arg must be None or str"))
        })?)),
    };
    let strips = |ch: char| match &set {
        Some(set) => set.contains(&ch),
        None => is_py_space(ch),
    };
    let c = chars(s);
    let mut i = 0;
    if how != Strip::Right {
        while i < c.len() && strips(c[i]) {
            i += 1;
        }
    }
    let mut j = c.len();
    if how != Strip::Left {
        while j > i && strips(c[j - 1]) {
            j -= 1;
        }
    }
    substring(heap, s, &c, i, j)
}

/// `s.upper()`: always a new string (`PyUnicode_New`), by full case mapping.
///
/// # Errors
/// `MemoryError`.
pub fn upper<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    if let Some(text) = unicode::ascii_text(s) {
        return ascii_case(heap, text, <[u8]>::make_ascii_uppercase);
    }
    case_operation(heap, s, upper_text)
}

/// `s.lower()`: always a new string, by full case mapping with the final-sigma rule.
///
/// # Errors
/// `MemoryError`.
pub fn lower<'h>(heap: &'h Heap, s: &Str) -> PyResult<Obj<'h>> {
    if let Some(text) = unicode::ascii_text(s) {
        return ascii_case(heap, text, <[u8]>::make_ascii_lowercase);
    }
    case_operation(heap, s, lower_text)
}

/// `ascii_upper_or_lower`: a fresh ASCII string of the same length, each byte mapped in place.
fn ascii_case<'h>(heap: &'h Heap, text: &str, map: fn(&mut [u8])) -> PyResult<Obj<'h>> {
    unicode::new_ascii_with(heap, text.len(), |buf| {
        buf.copy_from_slice(text.as_bytes());
        map(buf);
    })
}

/// `ascii_upper_or_lower` for ASCII strings; otherwise `case_operation`, which maps into a
/// scratch buffer of 3 code points per character (allocated here too, so the allocator sees
/// what CPython's does) before making the result.
fn case_operation<'h>(heap: &'h Heap, s: &Str, map: fn(&str) -> String) -> PyResult<Obj<'h>> {
    let text = str_value(s);
    if text.is_ascii() {
        return unicode::new_str_fresh(heap, &map(&text));
    }
    let scratch = heap.alloc_bytes(12 * text.chars().count())?;
    let result = unicode::new_str_fresh(heap, &map(&text));
    // SAFETY: the scratch buffer allocated above, freed once.
    unsafe { heap.free_bytes(scratch) };
    result
}

/// `s.replace(old, new, count=-1)`: up to `count` (all when negative) non-overlapping
/// occurrences, left to right; an empty `old` inserts `new` around every character.
///
/// # Errors
/// `TypeError: replace() argument 1 must be str, not int` (or 2), the errors of an integer
/// `count`, `OverflowError: replace string is too long`.
pub fn replace<'h>(
    heap: &'h Heap,
    s: &Str,
    old: &PyObject,
    new: &PyObject,
    count: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    fn str_arg(n: usize, arg: &PyObject) -> PyResult<&Str> {
        Str::cast(arg).ok_or_else(|| {
            PyErr::type_error(format!(
                "replace() argument {n} must be str, not {}",
                arg.ob_type().name()
            ))
        })
    }
    let (old_str, new_str) = (str_arg(1, old)?, str_arg(2, new)?);
    let maxcount = count
        .map(crate::methods::ssize_arg)
        .transpose()?
        .unwrap_or(-1);
    if let (Some(text), Some(from), Some(to)) = (
        unicode::ascii_text(s),
        unicode::ascii_text(old_str),
        unicode::ascii_text(new_str),
    ) && !from.is_empty()
        && !ptr::eq(old, new)
    {
        let maxcount = usize::try_from(maxcount).unwrap_or(usize::MAX);
        return replace_ascii(
            heap,
            s,
            text.as_bytes(),
            from.as_bytes(),
            to.as_bytes(),
            maxcount,
        );
    }
    let (from, to) = (chars(old_str), chars(new_str));
    let c = chars(s);
    let maxcount = if maxcount < 0 {
        usize::MAX
    } else {
        maxcount as usize
    };
    if c.len() < from.len()
        || maxcount == 0
        || ptr::eq(old, new)
        || (from.is_empty() && to.is_empty())
    {
        return unchanged(heap, s);
    }
    let n = count_in(&c, &from, maxcount);
    if n == 0 {
        return unchanged(heap, s);
    }
    // The occurrences do not overlap, so `n * from.len() <= c.len()`.
    let size = n
        .checked_mul(to.len())
        .and_then(|grown| (c.len() - n * from.len()).checked_add(grown))
        .filter(|&size| size <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("replace string is too long"))?;
    let to = to_string(&to);
    let mut out = String::new();
    out.try_reserve_exact(size)
        .map_err(|_| PyErr::memory_error())?;
    let mut i = 0;
    for k in 0..n {
        if from.is_empty() {
            out.push_str(&to);
            if k + 1 < n {
                out.push(c[i]);
                i += 1;
            }
            continue;
        }
        let pos = i + find_in(&c[i..], &from).expect("counted occurrence");
        out.extend(&c[i..pos]);
        out.push_str(&to);
        i = pos + from.len();
    }
    out.extend(&c[i..]);
    unicode::new_str_fresh(heap, &out)
}

/// [`replace`] of ASCII text with a non-empty ASCII `from` and an ASCII `to` (`from` and `to`
/// different objects): the result is built in place, as `replace` in `unicodeobject.c` does.
fn replace_ascii<'h>(
    heap: &'h Heap,
    s: &Str,
    text: &[u8],
    from: &[u8],
    to: &[u8],
    maxcount: usize,
) -> PyResult<Obj<'h>> {
    let n = if maxcount == 0 || text.len() < from.len() {
        0
    } else {
        count_bytes(text, from, maxcount)
    };
    if n == 0 {
        return unchanged(heap, s);
    }
    // The occurrences do not overlap, so `n * from.len() <= text.len()`.
    let size = n
        .checked_mul(to.len())
        .and_then(|grown| (text.len() - n * from.len()).checked_add(grown))
        .filter(|&size| size <= isize::MAX as usize)
        .ok_or_else(|| PyErr::overflow_error("replace string is too long"))?;
    unicode::new_ascii_with(heap, size, |buf| {
        let (mut i, mut o) = (0, 0);
        for _ in 0..n {
            let pos = i + find_bytes(&text[i..], from).expect("a counted occurrence");
            buf[o..o + pos - i].copy_from_slice(&text[i..pos]);
            o += pos - i;
            buf[o..o + to.len()].copy_from_slice(to);
            o += to.len();
            i = pos + from.len();
        }
        buf[o..].copy_from_slice(&text[i..]);
    })
}

/// Characters unassigned in Unicode 15.0 that newer Unicode gives case mappings: CPython 3.12
/// leaves them alone (they are neither cased nor case-ignorable there).
const CASED_AFTER_15: [(u32, u32); 9] = [
    (0x1C89, 0x1C8A),
    (0xA7CB, 0xA7CF),
    (0xA7D2, 0xA7D2),
    (0xA7D4, 0xA7D4),
    (0xA7DA, 0xA7DC),
    (0x10D50, 0x10D65),
    (0x10D70, 0x10D85),
    (0x16EA0, 0x16EB8),
    (0x16EBB, 0x16ED3),
];

/// Lowercase letters of Unicode 15.0 whose uppercase was added later.
const UPPER_AFTER_15: [char; 4] = ['\u{19B}', '\u{264}', '\u{A7D3}', '\u{A7D5}'];

fn cased_after_15(c: char) -> bool {
    CASED_AFTER_15
        .iter()
        .any(|&(lo, hi)| (lo..=hi).contains(&(c as u32)))
}

/// `str.upper`'s full case mapping (`_PyUnicode_ToUpperFull`) with Unicode 15.0's data.
pub(crate) fn upper_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if cased_after_15(c) || UPPER_AFTER_15.contains(&c) {
            out.push(c);
        } else {
            out.extend(c.to_uppercase());
        }
    }
    out
}

/// `str.lower`'s full case mapping with the final-sigma rule (`handle_capital_sigma`), which
/// `str::to_lowercase` implements; characters unassigned in Unicode 15.0 stay as they are, and
/// since they are neither cased nor case-ignorable there, cutting the text at them keeps each
/// sigma's context as CPython sees it.
pub(crate) fn lower_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if cased_after_15(c) {
            out.push_str(&text[start..i].to_lowercase());
            out.push(c);
            start = i + c.len_utf8();
        }
    }
    out.push_str(&text[start..].to_lowercase());
    out
}

// ---------------------------------------------------------------------------------------------
// Searching.
// ---------------------------------------------------------------------------------------------

/// `s.startswith(prefix, start=None, end=None)`: `prefix` is a str or a tuple of str (tried in
/// order; the first match wins before later items are checked).
///
/// # Errors
/// `TypeError: startswith first arg must be str or a tuple of str, not int`,
/// `TypeError: tuple for startswith must only contain str, not int`, and the errors of the
/// slice bounds.
pub fn startswith<'h>(
    heap: &'h Heap,
    s: &Str,
    prefix: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    tailmatch_any(heap, s, prefix, start, end, "startswith")
}

/// `s.endswith(suffix, start=None, end=None)`.
///
/// # Errors
/// As [`startswith`], naming `endswith`.
pub fn endswith<'h>(
    heap: &'h Heap,
    s: &Str,
    suffix: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    tailmatch_any(heap, s, suffix, start, end, "endswith")
}

fn tailmatch_any<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
    name: &str,
) -> PyResult<Obj<'h>> {
    let (start, end) = (slice_arg(start, 0)?, slice_arg(end, isize::MAX)?);
    let c = chars(s);
    let at_end = name == "endswith";
    if let Some(sub) = tuple::Tuple::cast(sub) {
        for item in tuple::items(sub) {
            // SAFETY: the tuple holds a reference to each item.
            let item = unsafe { item.as_ref() };
            let Some(item) = Str::cast(item) else {
                return Err(PyErr::type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    item.ob_type().name()
                )));
            };
            if tailmatch(&c, &chars(item), start, end, at_end) {
                return Ok(new_bool(heap, true));
            }
        }
        return Ok(new_bool(heap, false));
    }
    let Some(sub) = Str::cast(sub) else {
        return Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            sub.ob_type().name()
        )));
    };
    Ok(new_bool(
        heap,
        tailmatch(&c, &chars(sub), start, end, at_end),
    ))
}

/// `tailmatch`: whether `s[start:end]` starts (or ends) with `sub`.
fn tailmatch(c: &[char], sub: &[char], start: isize, end: isize, at_end: bool) -> bool {
    let (start, end) = adjust_indices(start, end, c.len());
    let end = end - sub.len() as isize;
    if end < start {
        return false;
    }
    let offset = (if at_end { end } else { start }) as usize;
    c[offset..offset + sub.len()] == *sub
}

/// The search shared by `find`, `rfind`, `index`, `rindex` (`any_find_slice`): the position
/// in `s` or `None`.
fn find_common(
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
    from_right: bool,
) -> PyResult<Option<usize>> {
    let (start, end) = (slice_arg(start, 0)?, slice_arg(end, isize::MAX)?);
    if let (Some(text), Some(needle)) = (
        unicode::ascii_text(s),
        Str::cast(sub).and_then(unicode::ascii_text),
    ) && !needle.is_empty()
    {
        // ASCII in ASCII: byte positions are character positions; searched in place.
        let (start, end) = adjust_indices(start, end, text.len());
        if end - start < needle.len() as isize {
            return Ok(None);
        }
        let hay = &text.as_bytes()[start as usize..end as usize];
        let found = if from_right {
            rfind_bytes(hay, needle.as_bytes())
        } else {
            find_bytes(hay, needle.as_bytes())
        };
        return Ok(found.map(|i| i + start as usize));
    }
    let sub = ensure_str(sub)?;
    let c = chars(s);
    let (start, end) = adjust_indices(start, end, c.len());
    if end - start < sub.len() as isize {
        return Ok(None);
    }
    let hay = &c[start as usize..end as usize];
    let found = if from_right {
        rfind_in(hay, &sub)
    } else {
        find_in(hay, &sub)
    };
    Ok(found.map(|i| i + start as usize))
}

/// `ensure_unicode`: the text of a `str` argument.
fn ensure_str(o: &PyObject) -> PyResult<Vec<char>> {
    let Some(o) = Str::cast(o) else {
        return Err(PyErr::type_error(format!(
            "must be str, not {}",
            o.ob_type().name()
        )));
    };
    Ok(chars(o))
}

fn position<'h>(heap: &'h Heap, found: Option<usize>) -> PyResult<Obj<'h>> {
    long::int_from_i64(heap, found.map_or(-1, |i| i as i64))
}

fn not_found(found: Option<usize>) -> PyResult<Option<usize>> {
    found
        .map(Some)
        .ok_or_else(|| PyErr::value_error("substring not found"))
}

/// `s.find(sub, start=None, end=None)`: the lowest index of `sub` in `s[start:end]`, or -1.
///
/// # Errors
/// `TypeError: must be str, not int`, and the errors of the slice bounds.
pub fn find<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    position(heap, find_common(s, sub, start, end, false)?)
}

/// `s.rfind(sub, start=None, end=None)`: the highest index, or -1.
///
/// # Errors
/// As [`find`].
pub fn rfind<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    position(heap, find_common(s, sub, start, end, true)?)
}

/// `s.index(sub, start=None, end=None)`: as [`find`], raising when absent.
///
/// # Errors
/// `ValueError: substring not found`, and the errors of [`find`].
pub fn index<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    position(heap, not_found(find_common(s, sub, start, end, false)?)?)
}

/// `s.rindex(sub, start=None, end=None)`.
///
/// # Errors
/// As [`index`].
pub fn rindex<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    position(heap, not_found(find_common(s, sub, start, end, true)?)?)
}

/// `s.count(sub, start=None, end=None)`: non-overlapping occurrences in `s[start:end]` (one
/// more than the length for an empty `sub`).
///
/// # Errors
/// As [`find`].
pub fn count<'h>(
    heap: &'h Heap,
    s: &Str,
    sub: &PyObject,
    start: Option<&PyObject>,
    end: Option<&PyObject>,
) -> PyResult<Obj<'h>> {
    let (start, end) = (slice_arg(start, 0)?, slice_arg(end, isize::MAX)?);
    if let (Some(text), Some(needle)) = (
        unicode::ascii_text(s),
        Str::cast(sub).and_then(unicode::ascii_text),
    ) && !needle.is_empty()
    {
        let (start, end) = adjust_indices(start, end, text.len());
        let n = if end - start < needle.len() as isize {
            0
        } else {
            let hay = &text.as_bytes()[start as usize..end as usize];
            count_bytes(hay, needle.as_bytes(), usize::MAX)
        };
        return long::int_from_i64(heap, n as i64);
    }
    let sub = ensure_str(sub)?;
    let c = chars(s);
    let (start, end) = adjust_indices(start, end, c.len());
    let n = if end - start < sub.len() as isize {
        0
    } else {
        count_in(&c[start as usize..end as usize], &sub, usize::MAX)
    };
    long::int_from_i64(heap, n as i64)
}

#[cfg(test)]
#[path = "unicode_fast_tests.rs"]
mod fast_tests;
