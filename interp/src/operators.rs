//! The operations the VM's instructions and the built-in functions share (`Objects/abstract.c`
//! seen from `ceval.c`): binary and in-place operators with the set and list special cases,
//! comparisons and `in`, `format(value, spec)`, collecting an iterable's items, interned
//! names, and the recursion counter of Python calls (`_Py_EnterRecursivePy`).

use pyrt_objects::abstract_::{self, BinOp};
use pyrt_objects::abstract_fast;
use pyrt_objects::types::{bytes, dict, list, long, range, set, set_ops, tuple, unicode};
use pyrt_objects::{CompareOp, Obj};
use ruff_python_ast as ast;

use super::exceptions;
use super::{Interp, R};

impl<'py> Interp<'py> {
    /// `l op r`.
    pub(crate) fn binary_op(
        &self,
        op: ast::Operator,
        l: &Obj<'py>,
        r: &Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        self.binary_op_as(op, l, r, false)
    }

    /// `l op r`, or with `inplace` the fallback of `l op= r` (the same result; the error names
    /// `op=`).
    fn binary_op_as(
        &self,
        op: ast::Operator,
        l: &Obj<'py>,
        r: &Obj<'py>,
        inplace: bool,
    ) -> R<'py, Obj<'py>> {
        if let Some(binop) = number_op(op)
            && let Some(result) =
                abstract_fast::binary_exact_builtins(self.heap, l.object(), r.object(), binop)
        {
            return result.map_err(|e| self.err(e));
        }
        if let Some(binop) = number_op(op)
            && pyrt_objects::types::slot_defs::subclass_defines_binary(
                self.heap,
                l.object(),
                r.object(),
                binop,
            )
        {
            // A class on a built-in base with its own operator method: the slots (CPython's
            // `binary_op1`), never the bases' shortcuts below.
            return abstract_::binary_op_named(self.heap, l.object(), r.object(), binop, inplace)
                .map_err(|e| self.err(e));
        }
        if let Some(result) = self.dict_view_binary(op, l, r) {
            return result;
        }
        if let (Some(a), Some(b)) = (set::AnySet::cast(l.object()), set::AnySet::cast(r.object())) {
            let heap = self.heap;
            let result = match op {
                ast::Operator::BitOr => Some(set_ops::union(heap, a, &[&**b])),
                ast::Operator::BitAnd => Some(set_ops::intersection(heap, a, b)),
                ast::Operator::Sub => Some(set_ops::difference(heap, a, b)),
                ast::Operator::BitXor => Some(set_ops::symmetric_difference(heap, a, b)),
                _ => None,
            };
            if let Some(r) = result {
                return r.map_err(|e| self.err(e));
            }
        }
        let op = match number_op(op) {
            Some(op) => op,
            None if pyrt_objects::types::slot_defs::has_protocol_methods(l.ob_type())
                || pyrt_objects::types::slot_defs::has_protocol_methods(r.ob_type()) =>
            {
                return pyrt_objects::types::slot_defs::matmul(
                    self.heap,
                    l.object(),
                    r.object(),
                    inplace,
                )
                .map_err(|e| self.err(e));
            }
            None => {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "unsupported operand type(s) for @{}: '{}' and '{}'",
                        if inplace { "=" } else { "" },
                        l.ob_type().name(),
                        r.ob_type().name()
                    ),
                ));
            }
        };
        let result = if inplace {
            abstract_::inplace_binary_op(self.heap, l.object(), r.object(), op)
        } else {
            abstract_::binary_op(self.heap, l.object(), r.object(), op)
        };
        result.map_err(|e| self.err(e))
    }

    /// `l op= r`: lists extend in place for `+=` (and repeat for `*=`), sets update in place;
    /// other objects give the plain operator's result.
    pub(crate) fn inplace_op(
        &self,
        op: ast::Operator,
        l: Obj<'py>,
        r: Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        // Two exact floats or one-digit ints: no in-place slot, the plain operator's result.
        if let Some(binop) = number_op(op)
            && let Some(result) =
                abstract_fast::binary_exact_builtins(self.heap, l.object(), r.object(), binop)
        {
            return result.map_err(|e| self.err(e));
        }
        if let Some(binop) = number_op(op)
            && pyrt_objects::types::slot_defs::subclass_defines_inplace(
                self.heap,
                l.object(),
                binop,
            )
        {
            // A class on a built-in base with its own `__iadd__` or `__add__`: the slots.
            return abstract_::inplace_binary_op(self.heap, l.object(), r.object(), binop)
                .map_err(|e| self.err(e));
        }
        if let Some(view) = list::List::cast(l.object()) {
            match op {
                ast::Operator::Add => {
                    // `list_inplace_concat` is `list.extend`.
                    pyrt_objects::types::list_methods::extend_from(self.heap, view, &r)
                        .map_err(|e| self.err(e))?;
                    return Ok(l);
                }
                ast::Operator::Mult if long::is_int(r.object()) => {
                    let n = abstract_::repeat_count(r.object()).map_err(|e| self.err(e))?;
                    list::inplace_repeat(self.heap, view, n).map_err(|e| self.err(e))?;
                    return Ok(l);
                }
                _ => {}
            }
        }
        if let Some(r) = super::bytes_like::inplace(self, op, &l, &r) {
            r?;
            return Ok(l);
        }
        if matches!(op, ast::Operator::Add | ast::Operator::Mult)
            && let Some(r) = super::deque::inplace(self, op == ast::Operator::Add, &l, &r)
        {
            r?;
            return Ok(l);
        }
        // `dict_ior`: any argument `dict.update` takes.
        if let Some(d) = dict::Dict::cast(l.object())
            && op == ast::Operator::BitOr
        {
            dict::or::dict_ior(self.heap, d, r.object()).map_err(|e| self.err(e))?;
            return Ok(l);
        }
        // A set is changed in place (`set_ior`, ...); a frozenset has no in-place operators,
        // so `fs |= x` rebinds to `fs | x`.
        if let (Some(a), Some(b)) = (set::Set::cast(l.object()), set::AnySet::cast(r.object())) {
            let heap = self.heap;
            let done = match op {
                ast::Operator::BitOr => set_ops::update(heap, a, b).map(|_| true),
                ast::Operator::BitAnd => set_ops::intersection_update(heap, a, b).map(|_| true),
                ast::Operator::Sub => set_ops::difference_update(heap, a, b).map(|_| true),
                ast::Operator::BitXor => {
                    set_ops::symmetric_difference_update(heap, a, b).map(|_| true)
                }
                _ => Ok(false),
            };
            if done.map_err(|e| self.err(e))? {
                return Ok(l);
            }
        }
        self.binary_op_as(op, &l, &r, true)
    }

    /// `l op r` for a comparison operator.
    pub(crate) fn compare(&self, op: ast::CmpOp, l: &Obj<'py>, r: &Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let rich =
            |op| abstract_::compare(heap, l.object(), r.object(), op).map_err(|e| self.err(e));
        match op {
            ast::CmpOp::Eq => rich(CompareOp::Eq),
            ast::CmpOp::NotEq => rich(CompareOp::Ne),
            ast::CmpOp::Lt => rich(CompareOp::Lt),
            ast::CmpOp::LtE => rich(CompareOp::Le),
            ast::CmpOp::Gt => rich(CompareOp::Gt),
            ast::CmpOp::GtE => rich(CompareOp::Ge),
            ast::CmpOp::Is => Ok(long::new_bool(heap, l.is(r))),
            ast::CmpOp::IsNot => Ok(long::new_bool(heap, !l.is(r))),
            ast::CmpOp::In => self.contains(r, l).map(|b| long::new_bool(heap, b)),
            ast::CmpOp::NotIn => self.contains(r, l).map(|b| long::new_bool(heap, !b)),
        }
    }

    /// `item in container` (`PySequence_Contains`): the containers' own lookups, else a walk
    /// over the container's iterator comparing by identity, then equality.
    pub(crate) fn contains(&self, container: &Obj<'py>, item: &Obj<'py>) -> R<'py, bool> {
        if pyrt_objects::types::slot_defs::overrides_builtin(container.ob_type())
            && let Some(r) = self.user_contains(container, item)
        {
            return r;
        }
        self.contains_base(container, item)
    }

    /// `item in container` by the built-in type's own membership test.
    pub(crate) fn contains_base(&self, container: &Obj<'py>, item: &Obj<'py>) -> R<'py, bool> {
        let heap = self.heap;
        let c = container.object();
        if let Some(m) = super::descriptors::proxy_mapping(heap, c) {
            return self.contains(&m, item);
        }
        if let Some(d) = dict::Dict::cast(c) {
            return dict::get_item(heap, d, item.object())
                .map(|v| v.is_some())
                .map_err(|e| self.err(e));
        }
        if let Some(s) = set::AnySet::cast(c) {
            return set::contains(heap, s, item.object()).map_err(|e| self.err(e));
        }
        if let Some(r) = super::deque::contains(self, container, item) {
            return r;
        }
        // `dictkeys_contains` / `dictitems_contains`: a lookup in the dict, not a walk.
        if super::objects::DICT_KEYS.is(c) || super::objects::DICT_ITEMS.is(c) {
            return super::dict_view_ops::set_like_contains(heap, c, item.object())
                .map_err(|e| self.err(e));
        }
        if let Some(r) = range::Range::cast(c) {
            return range::range_contains(heap, r, item.object()).map_err(|e| self.err(e));
        }
        if let Some(c) = unicode::Str::cast(c) {
            let Some(needle) = unicode::Str::cast(item.object()) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        item.ob_type().name()
                    ),
                ));
            };
            // ASCII in ASCII: searched in place.
            if let (Some(hay), Some(needle)) = (unicode::ascii_text(c), unicode::ascii_text(needle))
            {
                return Ok(hay.contains(needle));
            }
            let (hay, needle) = (unicode::str_value(c), unicode::str_value(needle));
            return Ok(hay.contains(&needle));
        }
        if pyrt_objects::types::slot_defs::has_user_slots(c.ob_type())
            && let Some(r) = self.user_contains(container, item)
        {
            return r;
        }
        if let Some(hay) = bytes::Bytes::cast(c) {
            return self.bytes_contains(bytes::bytes_value(hay), item);
        }
        if let Some(hay) = super::bytes_like::bytearray_data(container) {
            return self.bytes_contains(&hay, item);
        }
        let it =
            abstract_::get_iter(heap, c).map_err(|e| self.contains_iter_error(e, container))?;
        while let Some(x) = self.vm_iter_next(&it)? {
            if x.is(item)
                || abstract_::compare_bool(heap, x.object(), item.object(), CompareOp::Eq)
                    .map_err(|e| self.err(e))?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `_Py_bytes_contains`: an int is a byte value, a bytes object a substring.
    fn bytes_contains(&self, hay: &[u8], item: &Obj<'py>) -> R<'py, bool> {
        if let Some(i) = long::Int::cast(item.object()) {
            return match long::as_i64(i).filter(|v| (0..256).contains(v)) {
                Some(v) => Ok(hay.contains(&(v as u8))),
                None => Err(self.raise(&exceptions::VALUE_ERROR, "byte must be in range(0, 256)")),
            };
        }
        let Some(needle) = pyrt_objects::types::buffer::contiguous_bytes(item.object()) else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "a bytes-like object is required, not '{}'",
                    item.ob_type().name()
                ),
            ));
        };
        let needle = &needle[..];
        Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle))
    }

    /// `format(value, spec)` as a str object (`FORMAT_VALUE`'s `PyObject_Format`), with
    /// CPython's fast paths: an exact str or int with an empty spec, a small int padded to a
    /// width ([`pyrt_objects::format::format_to_str`]). A `spec` that is not a str (which the
    /// compiler never emits) counts as empty.
    pub(crate) fn format_object(&self, v: &Obj<'py>, spec: Option<&Obj<'py>>) -> R<'py, Obj<'py>> {
        let spec = spec.and_then(|s| unicode::Str::cast(s.object()));
        pyrt_objects::format::format_to_str(self.heap, v.object(), spec).map_err(|e| self.err(e))
    }

    /// An identifier as its interned str: the interned one when there is one (no new str
    /// made and dropped), else a new str interned.
    pub(crate) fn name_str(&self, name: &str) -> R<'py, Obj<'py>> {
        if let Some(s) = unicode::interned(self.heap, name) {
            return Ok(s);
        }
        // CPython's identifiers are static strings (`_Py_ID`), which `tracemalloc` never
        // sees: the ones pyrt interns on first use are left out of its traces too.
        self.heap
            .untraced(|| {
                unicode::new_str(self.heap, name).and_then(|s| unicode::intern(self.heap, s))
            })
            .map_err(|e| self.err(e))
    }

    /// A dict pyrt made itself (a namespace, a fresh dict) as its view; `SystemError` if it
    /// is not one (pyrt's bug).
    pub(crate) fn own_dict<'a>(&self, d: &'a Obj<'py>) -> R<'py, &'a dict::Dict> {
        dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))
    }

    /// `list(value)`-like: the items of an iterable, collected (a list or tuple read as it
    /// is); an iterable longer than memory is a `MemoryError`, not an abort.
    pub(crate) fn collect(&self, value: &Obj<'py>) -> R<'py, Vec<Obj<'py>>> {
        self.collect_up_to(value, usize::MAX)
    }

    /// [`Interp::collect`] that stops taking an iterator's items after `most` (a list or
    /// tuple is read whole): what unpacking into `n` targets needs, `n + 1` items at most, so
    /// that an endless iterator is "too many values", not a hang.
    pub(crate) fn collect_up_to(&self, value: &Obj<'py>, most: usize) -> R<'py, Vec<Obj<'py>>> {
        let borrowed = |items: &[pyrt_objects::ObjPtr]| {
            items
                .iter()
                // SAFETY: the container holds its items.
                .map(|p| unsafe { Obj::from_borrowed(self.heap, p.as_ref()) })
                .collect()
        };
        let own_iter =
            pyrt_objects::types::builtin_subclass::iterates_itself(self.heap, value.object());
        if let Some(t) = tuple::Tuple::cast(value.object()).filter(|_| !own_iter) {
            return Ok(borrowed(tuple::items(t)));
        }
        if let Some(l) = list::List::cast(value.object()).filter(|_| !own_iter) {
            return Ok(borrowed(list::items(l)));
        }
        let it = abstract_::get_iter(self.heap, value.object()).map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        while out.len() < most
            && let Some(x) = self.vm_iter_next(&it)?
        {
            if out.try_reserve(1).is_err() {
                return Err(self.err(pyrt_objects::PyErr::memory_error()));
            }
            out.push(x);
        }
        Ok(out)
    }

    /// One more Python-level call (`_Py_EnterRecursivePy`); `RecursionError` past
    /// `sys.getrecursionlimit()`.
    pub(crate) fn enter(&self) -> R<'py, ()> {
        let d = self.depth.get() + 1;
        if d > self.recursion_limit.get() {
            return Err(self.raise(
                &exceptions::RECURSION_ERROR,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth.set(d);
        Ok(())
    }

    /// Leaves what [`Interp::enter`] entered.
    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }
}

/// The number operator of a binary operator; `None` for `@`, which no built-in type has.
#[inline]
fn number_op(op: ast::Operator) -> Option<BinOp> {
    Some(match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::MatMult => return None,
    })
}
