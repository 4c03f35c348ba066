//! Exception groups (`Objects/exceptions.c`, PEP 654): `BaseExceptionGroup`'s `message` and
//! `exceptions`, its methods `derive`, `split` and `subgroup` (`exceptiongroup_split_recursive`,
//! `exceptiongroup_subset`), and what `except*` needs from them: the leaf ids of a group
//! (`collect_exception_group_leaf_ids`), the projection of a group on some of its leaves
//! (`exception_group_projection`) and `_PyExc_PrepReraiseStar`.
//!
//! A group's split keeps the group's shape: each nested group that is partly matched is
//! re-made with `derive` and given the original's `__traceback__`, `__context__`, `__cause__`
//! and a copy of its `__notes__`.

use std::collections::HashSet;

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::Bound;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::tuple::{self, Tuple};
use crate::types::{list, none, type_object, unicode};

use super::classes::{BASE_EXCEPTION_GROUP, is_subclass};
use super::create::call_class;
use super::layout::{Layout, field};
use super::{Exception, is_exception, is_exception_class};

/// How deep nested groups may be split, as CPython's C recursion limit bounds
/// `exceptiongroup_split_recursive`.
const MAX_DEPTH: usize = 1000;

/// Whether `o` is an exception group (`_PyBaseExceptionGroup_Check`).
pub fn is_group(o: &PyObject) -> bool {
    is_subclass(o.ob_type(), BASE_EXCEPTION_GROUP.get())
}

/// Whether `ty` is `BaseExceptionGroup` or a subclass.
pub fn is_group_class(ty: &crate::typeobj::PyTypeObject) -> bool {
    is_subclass(ty, BASE_EXCEPTION_GROUP.get())
}

fn group_view(o: &PyObject) -> Option<&Exception> {
    Exception::cast(o).filter(|e| e.layout() == Layout::Group)
}

/// A group's `message` (`None` for anything else).
pub fn message<'h>(heap: &'h Heap, o: &PyObject) -> Obj<'h> {
    group_view(o)
        .and_then(|e| e.field(field::FIRST).get(heap))
        .unwrap_or_else(|| none(heap))
}

/// A group's `exceptions` (empty for anything else).
pub fn exceptions<'h>(heap: &'h Heap, o: &PyObject) -> Vec<Obj<'h>> {
    match group_view(o).and_then(|e| e.field(field::SECOND).get(heap)) {
        Some(t) => Exception::tuple_items(heap, &t),
        None => Vec::new(),
    }
}

/// `eg.derive(excs)` of the built-in classes: `BaseExceptionGroup(eg.message, excs)`.
///
/// # Errors
/// What `BaseExceptionGroup(...)` raises for `excs`.
pub fn derive<'h>(heap: &'h Heap, eg: &PyObject, excs: Obj<'h>) -> PyResult<Obj<'h>> {
    call_class(
        heap,
        BASE_EXCEPTION_GROUP.get(),
        &[message(heap, eg), excs],
        &[],
    )
}

/// What `split` and `subgroup` match leaves with (`_exceptiongroup_split_matcher_type`).
enum Matcher<'h> {
    /// An exception class or a tuple of them.
    ByType(Obj<'h>),
    /// A callable other than a class.
    ByPredicate(Obj<'h>),
    /// The leaves whose ids are in the set (used by `except*`).
    InstanceIds(HashSet<usize>),
}

/// `PyCallable_Check` for what the object layer can tell callable: functions, built-in
/// functions and methods, and bound methods (an instance with `__call__` is not recognised).
fn is_callable(o: &PyObject) -> bool {
    crate::types::function::is_function(o)
        || crate::types::cfunction::is_cfunction(o)
        || crate::types::method::is_method(o)
        || crate::types::descrobject::is_method_descriptor(o)
}

/// `get_matcher_type`.
fn matcher<'h>(value: Obj<'h>) -> PyResult<Matcher<'h>> {
    let o = value.object();
    if type_object(o).is_none() && is_callable(o) {
        return Ok(Matcher::ByPredicate(value));
    }
    let all_classes = match Tuple::cast(o) {
        // SAFETY: the tuple holds its items.
        Some(t) => tuple::items(t)
            .iter()
            .all(|p| is_exception_class(unsafe { p.as_ref() })),
        None => is_exception_class(o),
    };
    if all_classes {
        return Ok(Matcher::ByType(value));
    }
    // CPython 3.12.1's wording (3.13 rewrote it).
    Err(PyErr::type_error(
        "expected a function, exception type or tuple of exception types",
    ))
}

/// `exceptiongroup_split_check_match`.
fn matches(heap: &Heap, exc: &Obj<'_>, m: &Matcher<'_>) -> PyResult<bool> {
    match m {
        Matcher::ByType(t) => Ok(super::given_exception_matches(exc.object(), t.object())),
        Matcher::ByPredicate(f) => {
            let r = abstract_::call_object(heap, f.object(), &[exc.object()])?;
            abstract_::is_true(heap, r.object())
        }
        Matcher::InstanceIds(ids) => {
            Ok(!is_group(exc.object()) && ids.contains(&exc.as_ptr().as_ptr().addr()))
        }
    }
}

/// `exceptiongroup_subset`: a group like `orig` holding `excs` (`None` when empty), made with
/// `orig.derive(excs)` and given `orig`'s traceback, context, cause and a copy of its notes.
fn subset<'h>(heap: &'h Heap, orig: &Obj<'h>, excs: Vec<Obj<'h>>) -> PyResult<Option<Obj<'h>>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let excs = list::new_list(heap, excs)?;
    let eg = if super::classes::class_info(orig.ob_type()).is_some() {
        derive(heap, orig.object(), excs)?
    } else {
        let method = abstract_::getattr(heap, orig.object(), "derive")?;
        abstract_::call_object(heap, method.object(), &[excs.object()])?
    };
    let Some(new) = Exception::cast(eg.object()).filter(|_| is_group(eg.object())) else {
        return Err(PyErr::type_error(
            "derive must return an instance of BaseExceptionGroup",
        ));
    };
    let old = Exception::cast_internal(orig.object())?;
    if let Some(tb) = old.traceback(heap) {
        new.set_traceback_unchecked(heap, Some(tb));
    }
    new.set_context_unchecked(heap, old.context(heap));
    new.set_cause_unchecked(heap, old.cause(heap));
    let notes = match old.dict_if_made(heap) {
        Some(d) => crate::types::function::dict_get_str(
            heap,
            crate::types::dict::Dict::cast_internal(d.object())?,
            "__notes__",
        )?,
        None => None,
    };
    if let Some(notes) = notes
        && (list::List::cast(notes.object()).is_some() || Tuple::cast(notes.object()).is_some())
    {
        let mut items = Vec::new();
        abstract_::collect_into(heap, notes.object(), &mut items)?;
        let copy = list::new_list(heap, items)?;
        super::set_attribute(heap, new, "__notes__", Some(copy))?;
    }
    Ok(Some(eg))
}

/// The parts of a split: the matching part and the rest.
type Parts<'h> = (Option<Obj<'h>>, Option<Obj<'h>>);

/// `exceptiongroup_split_recursive`.
fn split_recursive<'h>(
    heap: &'h Heap,
    exc: &Obj<'h>,
    m: &Matcher<'h>,
    construct_rest: bool,
    depth: usize,
) -> PyResult<Parts<'h>> {
    if matches(heap, exc, m)? {
        return Ok((Some(exc.clone()), None));
    }
    if !is_group(exc.object()) {
        return Ok((None, construct_rest.then(|| exc.clone())));
    }
    if depth >= MAX_DEPTH {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            "maximum recursion depth exceeded in exceptiongroup_split_recursive",
        ));
    }
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in exceptions(heap, exc.object()) {
        let (a, b) = split_recursive(heap, &e, m, construct_rest, depth + 1)?;
        matched.extend(a);
        rest.extend(b);
    }
    let matched = subset(heap, exc, matched)?;
    let rest = if construct_rest {
        subset(heap, exc, rest)?
    } else {
        None
    };
    Ok((matched, rest))
}

/// `eg.split(matcher)`: `(match, rest)`, each a group or `None`.
///
/// # Errors
/// `TypeError: expected a function, exception type or tuple of exception types`; what the
/// predicate or `derive` raises.
pub fn split<'h>(heap: &'h Heap, eg: &Obj<'h>, matcher_value: Obj<'h>) -> PyResult<Obj<'h>> {
    let m = matcher(matcher_value)?;
    let (a, b) = split_recursive(heap, eg, &m, true, 0)?;
    let or_none = |v: Option<Obj<'h>>| v.unwrap_or_else(|| none(heap));
    tuple::new_tuple(heap, vec![or_none(a), or_none(b)])
}

/// `eg.subgroup(matcher)`: the matching part, or `None`.
///
/// # Errors
/// As [`split`].
pub fn subgroup<'h>(heap: &'h Heap, eg: &Obj<'h>, matcher_value: Obj<'h>) -> PyResult<Obj<'h>> {
    let m = matcher(matcher_value)?;
    let (a, _) = split_recursive(heap, eg, &m, false, 0)?;
    Ok(a.unwrap_or_else(|| none(heap)))
}

/// `collect_exception_group_leaf_ids`: the ids of the leaves of `exc` (itself if it is not a
/// group).
fn leaf_ids(heap: &Heap, exc: &Obj<'_>, ids: &mut HashSet<usize>) {
    let mut work = vec![exc.clone()];
    while let Some(e) = work.pop() {
        if e.is(&none(heap)) {
            continue;
        }
        if is_group(e.object()) {
            work.extend(exceptions(heap, e.object()));
        } else {
            ids.insert(e.as_ptr().as_ptr().addr());
        }
    }
}

/// `is_same_exception_metadata`: whether `e` is a re-raise of part of `orig` (the same
/// traceback, context and cause objects).
fn same_metadata(heap: &Heap, e: &Obj<'_>, orig: &Obj<'_>) -> bool {
    let (Some(a), Some(b)) = (Exception::cast(e.object()), Exception::cast(orig.object())) else {
        return false;
    };
    let same = |x: Option<Obj<'_>>, y: Option<Obj<'_>>| match (x, y) {
        (None, None) => true,
        (Some(x), Some(y)) => x.is(&y),
        _ => false,
    };
    same(a.traceback(heap), b.traceback(heap))
        && same(a.context(heap), b.context(heap))
        && same(a.cause(heap), b.cause(heap))
}

/// `exception_group_projection`: the part of `eg` whose leaves are the leaves of `keep`, in
/// `eg`'s shape (`None` when `keep` is empty).
fn projection<'h>(heap: &'h Heap, eg: &Obj<'h>, keep: &[Obj<'h>]) -> PyResult<Obj<'h>> {
    if keep.is_empty() {
        return Ok(none(heap));
    }
    let mut ids = HashSet::new();
    for e in keep {
        leaf_ids(heap, e, &mut ids);
    }
    let (a, _) = split_recursive(heap, eg, &Matcher::InstanceIds(ids), false, 0)?;
    Ok(a.unwrap_or_else(|| none(heap)))
}

/// `_PyExc_CreateExceptionGroup("", excs)`: `BaseExceptionGroup("", excs)`.
///
/// # Errors
/// `MemoryError`; what the group's checks raise.
pub fn new_unnamed_group<'h>(heap: &'h Heap, excs: Vec<Obj<'h>>) -> PyResult<Obj<'h>> {
    let excs = list::new_list(heap, excs)?;
    call_class(
        heap,
        BASE_EXCEPTION_GROUP.get(),
        &[unicode::new_str(heap, "")?, excs],
        &[],
    )
}

/// `BaseExceptionGroup("", (exc,))`: how `except*` wraps a naked exception it matches
/// (`exception_group_match` packs it in a 1-tuple, which the group's repr shows).
///
/// # Errors
/// `MemoryError`; what the group's checks raise.
pub fn wrap_naked_exception<'h>(heap: &'h Heap, exc: Obj<'h>) -> PyResult<Obj<'h>> {
    let excs = tuple::new_tuple(heap, vec![exc])?;
    call_class(
        heap,
        BASE_EXCEPTION_GROUP.get(),
        &[unicode::new_str(heap, "")?, excs],
        &[],
    )
}

/// `_PyExc_PrepReraiseStar(orig, excs)` (`INTRINSIC_PREP_RERAISE_STAR`): what an `except*`
/// statement raises at its end. `excs` holds, for each clause that ran, what it raised or
/// re-raised (`None` if nothing); re-raised parts of `orig` are put back in `orig`'s shape,
/// and newly raised exceptions are grouped with them in a new group.
///
/// # Errors
/// `MemoryError`; what `derive` raises.
pub fn prep_reraise_star<'h>(
    heap: &'h Heap,
    orig: &Obj<'h>,
    excs: &[Obj<'h>],
) -> PyResult<Obj<'h>> {
    if excs.is_empty() {
        return Ok(none(heap));
    }
    if !is_group(orig.object()) {
        // A naked exception was caught and wrapped: only one clause ran.
        return Ok(excs[0].clone());
    }
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs.iter().filter(|e| !e.is(&none(heap))) {
        if same_metadata(heap, e, orig) {
            reraised.push(e.clone());
        } else {
            raised.push(e.clone());
        }
    }
    let reraised_eg = projection(heap, orig, &reraised)?;
    if raised.is_empty() {
        return Ok(reraised_eg);
    }
    if !reraised_eg.is(&none(heap)) {
        raised.push(reraised_eg);
    }
    if raised.len() > 1 {
        new_unnamed_group(heap, raised)
    } else {
        Ok(raised.swap_remove(0))
    }
}

/// `BaseExceptionGroup.derive(excs)`.
pub(crate) fn derive_method<'h>(
    heap: &'h Heap,
    me: &PyObject,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    derive(heap, me, one_arg(heap, args)?)
}

/// `BaseExceptionGroup.split(matcher)`.
pub(crate) fn split_method<'h>(
    heap: &'h Heap,
    me: &PyObject,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    // SAFETY: the caller holds `me`, a live object of this heap.
    let me = unsafe { Obj::from_borrowed(heap, me) };
    split(heap, &me, one_arg(heap, args)?)
}

/// `BaseExceptionGroup.subgroup(matcher)`.
pub(crate) fn subgroup_method<'h>(
    heap: &'h Heap,
    me: &PyObject,
    args: Bound<'_, 'h>,
) -> PyResult<Obj<'h>> {
    // SAFETY: the caller holds `me`, a live object of this heap.
    let me = unsafe { Obj::from_borrowed(heap, me) };
    subgroup(heap, &me, one_arg(heap, args)?)
}

fn one_arg<'h>(heap: &'h Heap, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(args
        .first()
        .cloned()
        .flatten()
        .unwrap_or_else(|| none(heap)))
}

/// Whether `exc` may be raised as a leaf of a group: an exception instance.
pub fn is_leaf(o: &PyObject) -> bool {
    is_exception(o) && !is_group(o)
}
