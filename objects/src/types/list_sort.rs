//! `list.sort()`, `sorted()`, `list.reverse()`, `list.index()` and `list.count()`
//! (`Objects/listobject.c`, with the algorithm of `Objects/listsort.txt`).
//!
//! The sort is CPython 3.12's timsort ported step for step — natural runs (`count_run`),
//! binary insertion up to `minrun`, the powersort merge policy (`powerloop`), galloping merges
//! with the adaptive `min_gallop` — so it makes the same `<` comparisons in the same order, and
//! only `<` ([`abstract_::compare_bool`] with [`CompareOp::Lt`]). It is stable; `reverse=True`
//! keeps stability as CPython does: reverse, sort, reverse again.
//!
//! # The list is empty while it is sorted
//! As in CPython, the items are detached from the list for the whole sort (its storage becomes
//! no array, length 0, capacity -1), so comparisons and key functions that look at the list see
//! `[]`, and whatever they do to it cannot disturb the sort. Afterwards the sorted items go back,
//! whatever the list was given in the meantime is released, and if its capacity is no longer -1
//! the sort fails with `ValueError: list modified during sort`.
//!
//! # When a comparison raises
//! The error propagates and every item is still in the list exactly once, in some order: a merge
//! that fails copies its pending run back from the temporary array, as `merge_lo`/`merge_hi` do.

use core::ptr;

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::CompareOp;
use crate::types::list::{self, List, RawStorage, list_len, swap_storage};
use crate::types::list_sort_compare::SortCompare;
use crate::types::long;

/// `list.sort(reverse=reverse)`.
///
/// # Errors
/// What a comparison raises (`TypeError: '<' not supported between instances of 'str' and
/// 'int'`), or `ValueError: list modified during sort`.
pub fn sort(heap: &Heap, list: &List, reverse: bool) -> PyResult<()> {
    sort_impl(heap, list, Keys::Items, reverse)
}

/// `list.sort(key=key, reverse=reverse)`: `key` is called once per item, in order, while the
/// list is empty, as CPython calls the key function.
///
/// # Errors
/// What `key` raises (the list is then left as it was), and the errors of [`sort`].
pub fn sort_with_key<'h>(
    heap: &'h Heap,
    list: &List,
    key: &mut dyn FnMut(&PyObject) -> PyResult<Obj<'h>>,
    reverse: bool,
) -> PyResult<()> {
    sort_impl(heap, list, Keys::Function(key), reverse)
}

/// Sorts the items by `keys[i]`, the key of item `i`, computed beforehand (unlike CPython, whose
/// key function runs while the list is empty: prefer [`sort_with_key`] when that can matter).
///
/// # Errors
/// `SystemError` when there is not one key per item, and the errors of [`sort`].
pub fn sort_by_keys<'h>(
    heap: &'h Heap,
    list: &List,
    keys: Vec<Obj<'h>>,
    reverse: bool,
) -> PyResult<()> {
    if keys.len() != list_len(list) {
        return Err(PyErr::new(
            ExcKind::SystemError,
            format!("{} sort keys for a list of {}", keys.len(), list_len(list)),
        ));
    }
    sort_impl(heap, list, Keys::Precomputed(keys), reverse)
}

/// `sorted()` once `list(iterable)` is built (`builtin_sorted` makes the new list with
/// `PySequence_List`, then calls `list.sort` on it): sorts `list` and returns it.
///
/// # Errors
/// As [`sort`].
pub fn sorted<'h>(heap: &'h Heap, list: Obj<'h>, reverse: bool) -> PyResult<Obj<'h>> {
    let l = List::cast(list.object())
        .ok_or_else(|| crate::view::descriptor_error("sort", "list", list.object()))?;
    sort(heap, l, reverse)?;
    Ok(list)
}

/// `list.reverse()`, in place.
///
/// # Errors
/// None today; the result is kept for the method table's uniform signature.
pub fn reverse(list: &List) -> PyResult<()> {
    let n = list_len(list);
    if n < 2 {
        return Ok(());
    }
    // SAFETY: the storage is taken out and put back unchanged but for the order of its `n`
    // owned items; no other code runs in between.
    unsafe {
        let storage = swap_storage(list, DETACHED);
        core::slice::from_raw_parts_mut(storage.items, n).reverse();
        swap_storage(list, storage);
    }
    Ok(())
}

/// `list.index(value, start, stop)`: the first `i` in `start..stop` (negative values count from
/// the end) whose item `== value`; use [`INDEX_START`] and [`INDEX_STOP`] for the defaults.
///
/// # Errors
/// `ValueError: 1 is not in list`, or what a comparison raises.
pub fn index<'h>(
    heap: &'h Heap,
    list: &List,
    value: &PyObject,
    start: isize,
    stop: isize,
) -> PyResult<Obj<'h>> {
    let clamp = |i: isize| {
        if i < 0 {
            (i + list_len(list) as isize).max(0)
        } else {
            i
        }
    };
    let (mut i, stop) = (clamp(start), clamp(stop));
    while i < stop && (i as usize) < list_len(list) {
        let item = list::get_item(heap, list, i)?;
        if abstract_::compare_bool(heap, item.object(), value, CompareOp::Eq)? {
            return long::int_from_i64(heap, i as i64);
        }
        i += 1;
    }
    let text = abstract_::repr(heap, value)?;
    Err(PyErr::value_error(format!("{text} is not in list")))
}

/// `list.index`'s default `start`.
pub const INDEX_START: isize = 0;
/// `list.index`'s default `stop` (`sys.maxsize`).
pub const INDEX_STOP: isize = isize::MAX;

/// `list.count(value)`: items that are `value` or `== value`.
///
/// # Errors
/// What a comparison raises.
pub fn count<'h>(heap: &'h Heap, list: &List, value: &PyObject) -> PyResult<Obj<'h>> {
    let mut n = 0;
    let mut i = 0;
    while i < list_len(list) {
        let item = list::get_item(heap, list, i as isize)?;
        if ptr::eq(item.object(), value)
            || abstract_::compare_bool(heap, item.object(), value, CompareOp::Eq)?
        {
            n += 1;
        }
        i += 1;
    }
    long::int_from_i64(heap, n)
}

/// The storage of a list being sorted: no array, no items, capacity -1.
const DETACHED: RawStorage = RawStorage {
    items: ptr::null_mut(),
    len: 0,
    allocated: -1,
};

/// What the sort compares.
enum Keys<'a, 'h> {
    /// The items themselves.
    Items,
    /// One key per item, computed by the caller.
    Precomputed(Vec<Obj<'h>>),
    /// A key function, called while the list is empty.
    Function(&'a mut dyn FnMut(&PyObject) -> PyResult<Obj<'h>>),
}

/// `list_sort_impl`: detach, compute the keys, sort, check for modification, reattach.
fn sort_impl<'h>(heap: &'h Heap, list: &List, keys: Keys<'_, 'h>, reverse: bool) -> PyResult<()> {
    // SAFETY: the list gets an empty storage; we own the old one until it goes back below.
    let saved = unsafe { swap_storage(list, DETACHED) };
    let n = saved.len as usize;
    let items: &mut [ObjPtr] = if n == 0 {
        &mut []
    } else {
        // SAFETY: the detached array holds `n` owned items, and only this function can reach it.
        unsafe { core::slice::from_raw_parts_mut(saved.items, n) }
    };
    let keyed = match keys {
        Keys::Items => Ok(None),
        Keys::Precomputed(keys) => Ok(Some(keys)),
        Keys::Function(f) => compute_keys(items, f).map(Some),
    };
    let (sorted, check) = match keyed {
        Ok(keys) => {
            let result = sort_items(heap, items, keys, reverse);
            if reverse && n > 1 {
                items.reverse();
            }
            (result, true)
        }
        // CPython's `keyfunc_fail`: no modification check, nothing reversed.
        Err(e) => (Err(e), false),
    };
    // SAFETY: the sorted items go back; what the list was given meanwhile is ours to release.
    let meanwhile = unsafe { swap_storage(list, saved) };
    let modified = check && sorted.is_ok() && meanwhile.allocated != -1;
    release(heap, meanwhile);
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    sorted
}

/// Calls the key function on each item in order; on an error the keys computed so far are
/// released last to first.
fn compute_keys<'h>(
    items: &[ObjPtr],
    f: &mut dyn FnMut(&PyObject) -> PyResult<Obj<'h>>,
) -> PyResult<Vec<Obj<'h>>> {
    let mut keys = Vec::with_capacity(items.len());
    for item in items {
        // SAFETY: the detached array owns its items for the whole sort.
        match f(unsafe { item.as_ref() }) {
            Ok(key) => keys.push(key),
            Err(e) => {
                while let Some(key) = keys.pop() {
                    drop(key);
                }
                return Err(e);
            }
        }
    }
    Ok(keys)
}

/// Sorts the detached items, by themselves or by their keys, which are released (in their
/// final order) before this returns.
fn sort_items<'h>(
    heap: &'h Heap,
    items: &mut [ObjPtr],
    keys: Option<Vec<Obj<'h>>>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 {
        return Ok(());
    }
    let Some(keys) = keys else {
        if reverse {
            items.reverse();
        }
        // SAFETY: the detached array owns its items for the whole sort.
        let cmp = SortCompare::choose(items.iter().map(|p| unsafe { p.as_ref() }));
        return sort_slice(items, &mut |a: &ObjPtr, b: &ObjPtr| cmp.less(heap, *a, *b));
    };
    let cmp = SortCompare::choose(keys.iter().map(Obj::object));
    let mut pairs: Vec<(ObjPtr, ObjPtr)> = keys
        .into_iter()
        .map(Obj::into_ptr)
        .zip(items.iter().copied())
        .collect();
    if reverse {
        pairs.reverse();
    }
    let result = sort_slice(
        &mut pairs,
        &mut |a: &(ObjPtr, ObjPtr), b: &(ObjPtr, ObjPtr)| cmp.less(heap, a.0, b.0),
    );
    for (slot, pair) in items.iter_mut().zip(&pairs) {
        *slot = pair.1;
    }
    for (key, _) in pairs {
        // SAFETY: each key's reference was taken from its `Obj` above and is released once.
        unsafe { heap.decref(key) };
    }
    result
}

/// Releases a storage taken from a list: its items last to first, then its array.
fn release(heap: &Heap, storage: RawStorage) {
    let Some(array) = ptr::NonNull::new(storage.items) else {
        return;
    };
    // SAFETY: the storage came out of a list, which owned its array and its `len` items.
    unsafe {
        for i in (0..storage.len.max(0) as usize).rev() {
            heap.decref(array.as_ptr().add(i).read());
        }
        heap.free_bytes(array.cast());
    }
}

// ---------------------------------------------------------------------------------------------
// Timsort (`listsort.txt`), generic over what is sorted so that keys travel with their items.
// ---------------------------------------------------------------------------------------------

/// When one run wins this many times in a row, merges switch to galloping (`MIN_GALLOP`).
const MIN_GALLOP: usize = 7;

/// The comparison: `Ok(true)` when the first is less than the second.
type Less<'a, T> = &'a mut dyn FnMut(&T, &T) -> PyResult<bool>;

/// A run waiting to be merged (`s_slice`): where it starts, its length, and its powersort
/// power (set when the next run is found).
#[derive(Clone, Copy)]
struct Run {
    base: usize,
    len: usize,
    power: u32,
}

/// `MergeState`.
struct MergeState<'a, T> {
    lt: Less<'a, T>,
    min_gallop: usize,
    pending: Vec<Run>,
    temp: Vec<T>,
    listlen: usize,
}

/// Sorts `v` stably with `lt` (`a < b`), making exactly the comparisons CPython's `list.sort`
/// makes on the same input. On an error `v` is a permutation of what it was.
///
/// # Errors
/// What `lt` returns, at once.
///
/// # Example
/// ```
/// use pyrt_objects::types::list_sort::sort_slice;
/// let mut v = [(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
/// sort_slice(&mut v, &mut |x, y| Ok(x.0 < y.0)).unwrap();
/// assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_slice<T: Copy>(
    v: &mut [T],
    lt: &mut dyn FnMut(&T, &T) -> PyResult<bool>,
) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        lt,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        temp: Vec::new(),
        listlen: n,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    while lo < n {
        let (mut run, descending) = count_run(ms.lt, &v[lo..])?;
        if descending {
            v[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = (n - lo).min(minrun);
            binarysort(ms.lt, &mut v[lo..lo + force], run)?;
            run = force;
        }
        found_new_run(&mut ms, v, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
    }
    while ms.pending.len() > 1 {
        let mut i = ms.pending.len() - 2;
        if i > 0 && ms.pending[i - 1].len < ms.pending[i + 1].len {
            i -= 1;
        }
        merge_at(&mut ms, v, i)?;
    }
    Ok(())
}

/// `merge_compute_minrun`: `n` itself below 64, else a length in 32..=64 such that `n / minrun`
/// is a power of two or just below one.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// `count_run`: the length of the run at the start of `v` (at least 2 items if there are two),
/// and whether it is strictly descending.
fn count_run<T: Copy>(lt: Less<'_, T>, v: &[T]) -> PyResult<(usize, bool)> {
    if v.len() == 1 {
        return Ok((1, false));
    }
    let descending = lt(&v[1], &v[0])?;
    let mut n = 2;
    while n < v.len() && lt(&v[n], &v[n - 1])? == descending {
        n += 1;
    }
    Ok((n, descending))
}

/// `binarysort`: extends the sorted prefix `v[..start]` to all of `v` by binary insertion,
/// placing each item after those equal to it.
fn binarysort<T: Copy>(lt: Less<'_, T>, v: &mut [T], start: usize) -> PyResult<()> {
    for start in start.max(1)..v.len() {
        let pivot = v[start];
        let (mut l, mut r) = (0, start);
        while l < r {
            let p = l + ((r - l) >> 1);
            if lt(&pivot, &v[p])? {
                r = p;
            } else {
                l = p + 1;
            }
        }
        v.copy_within(l..start, l + 1);
        v[l] = pivot;
    }
    Ok(())
}

/// `powerloop`: the powersort depth of the boundary between the run `s1..s1 + n1` and the next
/// one of `n2` items, in a list of `n`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            return result;
        }
        a <<= 1;
        b <<= 1;
    }
}

/// `found_new_run`: merges the pending runs deeper than the new boundary, then records its
/// power on the run below it.
fn found_new_run<T: Copy>(ms: &mut MergeState<'_, T>, v: &mut [T], n2: usize) -> PyResult<()> {
    let Some(top) = ms.pending.last() else {
        return Ok(());
    };
    let power = powerloop(top.base, top.len, n2, ms.listlen);
    while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
        merge_at(ms, v, ms.pending.len() - 2)?;
    }
    let top = ms.pending.len() - 1;
    ms.pending[top].power = power;
    Ok(())
}

/// `merge_at`: merges pending runs `i` and `i + 1`, first skipping the items already in place
/// at the start of the first and the end of the second.
fn merge_at<T: Copy>(ms: &mut MergeState<'_, T>, v: &mut [T], i: usize) -> PyResult<()> {
    let (a, b) = (ms.pending[i], ms.pending[i + 1]);
    ms.pending[i].len = a.len + b.len;
    if i + 3 == ms.pending.len() {
        ms.pending[i + 1] = ms.pending[i + 2];
    }
    ms.pending.pop();
    let k = gallop_right(ms.lt, v[b.base], &v[a.base..a.base + a.len], 0)?;
    let (pa, na) = (a.base + k, a.len - k);
    if na == 0 {
        return Ok(());
    }
    let nb = gallop_left(ms.lt, v[pa + na - 1], &v[b.base..b.base + b.len], b.len - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(ms, v, pa, na, nb)
    } else {
        merge_hi(ms, v, pa, na, nb)
    }
}

/// `gallop_left`: where `key` goes in the sorted `a`, left of any equal items, searching from
/// `hint` outwards by doubling steps, then by bisection.
fn gallop_left<T: Copy>(lt: Less<'_, T>, key: T, a: &[T], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs) = (0, 1);
    let (mut lo, mut hi);
    if lt(&a[hint], &key)? {
        let maxofs = a.len() - hint;
        while ofs < maxofs && lt(&a[hint + ofs], &key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + lastofs + 1, hint + ofs.min(maxofs));
    } else {
        let maxofs = hint + 1;
        while ofs < maxofs && !lt(&a[hint - ofs], &key)? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + 1 - ofs.min(maxofs), hint - lastofs);
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(&a[m], &key)? {
            lo = m + 1;
        } else {
            hi = m;
        }
    }
    Ok(hi)
}

/// `gallop_right`: as [`gallop_left`], but right of any equal items.
fn gallop_right<T: Copy>(lt: Less<'_, T>, key: T, a: &[T], hint: usize) -> PyResult<usize> {
    let (mut lastofs, mut ofs) = (0, 1);
    let (mut lo, mut hi);
    if lt(&key, &a[hint])? {
        let maxofs = hint + 1;
        while ofs < maxofs && lt(&key, &a[hint - ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + 1 - ofs.min(maxofs), hint - lastofs);
    } else {
        let maxofs = a.len() - hint;
        while ofs < maxofs && !lt(&key, &a[hint + ofs])? {
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        (lo, hi) = (hint + lastofs + 1, hint + ofs.min(maxofs));
    }
    while lo < hi {
        let m = lo + ((hi - lo) >> 1);
        if lt(&key, &a[m])? {
            hi = m;
        } else {
            lo = m + 1;
        }
    }
    Ok(hi)
}

/// How a merge ended (the labels of `merge_lo` and `merge_hi`).
enum MergeEnd {
    /// `Succeed` or `Fail`: the rest of the temporary run is copied back.
    Done(PyResult<()>),
    /// `CopyB` / `CopyA`: one item of the temporary run is left, and its place is known.
    LastOne,
}

/// `merge_lo`: merges `v[pa..pa + na]` with the following `nb` items, `na <= nb`, left to right,
/// with the first run in the temporary array.
fn merge_lo<T: Copy>(
    ms: &mut MergeState<'_, T>,
    v: &mut [T],
    pa: usize,
    na: usize,
    nb: usize,
) -> PyResult<()> {
    let mut temp = core::mem::take(&mut ms.temp);
    temp.clear();
    temp.extend_from_slice(&v[pa..pa + na]);
    let (mut na, mut nb, mut a, mut b) = (na, nb, 0, pa + na);
    let mut dest = pa;
    v[dest] = v[b];
    (dest, b, nb) = (dest + 1, b + 1, nb - 1);
    let end = 'merge: {
        if nb == 0 {
            break 'merge MergeEnd::Done(Ok(()));
        }
        if na == 1 {
            break 'merge MergeEnd::LastOne;
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            loop {
                match (ms.lt)(&v[b], &temp[a]) {
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                    Ok(true) => {
                        v[dest] = v[b];
                        (dest, b, nb, bcount, acount) = (dest + 1, b + 1, nb - 1, bcount + 1, 0);
                        if nb == 0 {
                            break 'merge MergeEnd::Done(Ok(()));
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        v[dest] = temp[a];
                        (dest, a, na, acount, bcount) = (dest + 1, a + 1, na - 1, acount + 1, 0);
                        if na == 1 {
                            break 'merge MergeEnd::LastOne;
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                ms.min_gallop = min_gallop;
                acount = match gallop_right(ms.lt, v[b], &temp[a..a + na], 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                };
                if acount > 0 {
                    let k = acount;
                    v[dest..dest + k].copy_from_slice(&temp[a..a + k]);
                    (dest, a, na) = (dest + k, a + k, na - k);
                    if na == 1 {
                        break 'merge MergeEnd::LastOne;
                    }
                    if na == 0 {
                        break 'merge MergeEnd::Done(Ok(()));
                    }
                }
                v[dest] = v[b];
                (dest, b, nb) = (dest + 1, b + 1, nb - 1);
                if nb == 0 {
                    break 'merge MergeEnd::Done(Ok(()));
                }
                bcount = match gallop_left(ms.lt, temp[a], &v[b..b + nb], 0) {
                    Ok(k) => k,
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                };
                if bcount > 0 {
                    let k = bcount;
                    v.copy_within(b..b + k, dest);
                    (dest, b, nb) = (dest + k, b + k, nb - k);
                    if nb == 0 {
                        break 'merge MergeEnd::Done(Ok(()));
                    }
                }
                v[dest] = temp[a];
                (dest, a, na) = (dest + 1, a + 1, na - 1);
                if na == 1 {
                    break 'merge MergeEnd::LastOne;
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    let result = match end {
        MergeEnd::Done(result) => {
            v[dest..dest + na].copy_from_slice(&temp[a..a + na]);
            result
        }
        MergeEnd::LastOne => {
            v.copy_within(b..b + nb, dest);
            v[dest + nb] = temp[a];
            Ok(())
        }
    };
    ms.temp = temp;
    result
}

/// `merge_hi`: merges `v[pa..pa + na]` with the following `nb` items, `na > nb`, right to left,
/// with the second run in the temporary array. The remaining runs are always `v[pa..pa + na]`
/// and `temp[..nb]`, and the next slot to fill is `v[pa + na + nb - 1]`.
fn merge_hi<T: Copy>(
    ms: &mut MergeState<'_, T>,
    v: &mut [T],
    pa: usize,
    na: usize,
    nb: usize,
) -> PyResult<()> {
    let mut temp = core::mem::take(&mut ms.temp);
    temp.clear();
    temp.extend_from_slice(&v[pa + na..pa + na + nb]);
    let (mut na, mut nb) = (na, nb);
    v[pa + na + nb - 1] = v[pa + na - 1];
    na -= 1;
    let end = 'merge: {
        if na == 0 {
            break 'merge MergeEnd::Done(Ok(()));
        }
        if nb == 1 {
            break 'merge MergeEnd::LastOne;
        }
        let mut min_gallop = ms.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0, 0);
            loop {
                match (ms.lt)(&temp[nb - 1], &v[pa + na - 1]) {
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                    Ok(true) => {
                        v[pa + na + nb - 1] = v[pa + na - 1];
                        (na, acount, bcount) = (na - 1, acount + 1, 0);
                        if na == 0 {
                            break 'merge MergeEnd::Done(Ok(()));
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        v[pa + na + nb - 1] = temp[nb - 1];
                        (nb, bcount, acount) = (nb - 1, bcount + 1, 0);
                        if nb == 1 {
                            break 'merge MergeEnd::LastOne;
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                ms.min_gallop = min_gallop;
                acount = match gallop_right(ms.lt, temp[nb - 1], &v[pa..pa + na], na - 1) {
                    Ok(k) => na - k,
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                };
                if acount > 0 {
                    let k = acount;
                    v.copy_within(pa + na - k..pa + na, pa + na + nb - k);
                    na -= k;
                    if na == 0 {
                        break 'merge MergeEnd::Done(Ok(()));
                    }
                }
                v[pa + na + nb - 1] = temp[nb - 1];
                nb -= 1;
                if nb == 1 {
                    break 'merge MergeEnd::LastOne;
                }
                bcount = match gallop_left(ms.lt, v[pa + na - 1], &temp[..nb], nb - 1) {
                    Ok(k) => nb - k,
                    Err(e) => break 'merge MergeEnd::Done(Err(e)),
                };
                if bcount > 0 {
                    let k = bcount;
                    v[pa + na + nb - k..pa + na + nb].copy_from_slice(&temp[nb - k..nb]);
                    nb -= k;
                    if nb == 1 {
                        break 'merge MergeEnd::LastOne;
                    }
                    if nb == 0 {
                        break 'merge MergeEnd::Done(Ok(()));
                    }
                }
                v[pa + na + nb - 1] = v[pa + na - 1];
                na -= 1;
                if na == 0 {
                    break 'merge MergeEnd::Done(Ok(()));
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            ms.min_gallop = min_gallop;
        }
    };
    let result = match end {
        MergeEnd::Done(result) => {
            v[pa + na..pa + na + nb].copy_from_slice(&temp[..nb]);
            result
        }
        MergeEnd::LastOne => {
            v.copy_within(pa..pa + na, pa + 1);
            v[pa] = temp[0];
            Ok(())
        }
    };
    ms.temp = temp;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorts `v` with a comparison that counts its calls.
    fn sort_counting(v: &mut [(u32, usize)]) -> usize {
        let mut calls = 0;
        let mut lt = |a: &(u32, usize), b: &(u32, usize)| {
            calls += 1;
            Ok(a.0 < b.0)
        };
        sort_slice(v, &mut lt).unwrap();
        calls
    }

    #[test]
    fn timsort_is_stable_on_runs_and_gallops() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        for n in [0, 1, 2, 3, 63, 64, 65, 200, 1000, 5000] {
            for modulus in [2, 10, 1000, u32::MAX] {
                let mut v: Vec<(u32, usize)> = (0..n)
                    .map(|i| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // Long ascending and descending stretches make runs and gallops.
                        let base = if i % 300 < 150 {
                            i as u64
                        } else {
                            (n - i) as u64
                        };
                        (((x % 4 + base) % u64::from(modulus)) as u32, i)
                    })
                    .collect();
                let mut expected = v.clone();
                expected.sort_by_key(|p| p.0);
                sort_counting(&mut v);
                assert_eq!(v, expected, "n={n} modulus={modulus}");
            }
        }
    }

    #[test]
    fn a_failing_comparison_leaves_a_permutation() {
        for fail_at in [1, 5, 50, 500, 2000] {
            let mut v: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1009).collect();
            let mut calls = 0;
            let mut lt = |a: &u32, b: &u32| {
                calls += 1;
                if calls == fail_at {
                    return Err(PyErr::type_error("boom"));
                }
                Ok(a < b)
            };
            assert!(sort_slice(&mut v, &mut lt).is_err());
            let mut seen = v.clone();
            seen.sort_unstable();
            let mut all: Vec<u32> = (0..1000).map(|i| (i * 7919) % 1009).collect();
            all.sort_unstable();
            assert_eq!(seen, all, "failure after {fail_at} comparisons");
        }
    }

    #[test]
    fn sorted_input_costs_n_minus_one_comparisons() {
        let mut v: Vec<(u32, usize)> = (0..100).map(|i| (i, i as usize)).collect();
        assert_eq!(sort_counting(&mut v), 99);
        let mut v: Vec<(u32, usize)> = (0..100).rev().map(|i| (i, i as usize)).collect();
        assert_eq!(sort_counting(&mut v), 99, "one strictly descending run");
    }
}
