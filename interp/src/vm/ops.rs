//! The work of the instructions that do more than move values: names, operators, unpacking,
//! iteration, raising, function creation, formatting and the intrinsics (`bytecodes.c`'s
//! bodies and the helpers of `ceval.c` they call).

use pyrt_objects::abstract_;
use pyrt_objects::types::code::Code;
use pyrt_objects::types::function::{self, Function};
use pyrt_objects::types::{dict, genobject, list, long, none, tuple, unicode};
use pyrt_objects::{CompareOp, Obj};
use ruff_python_ast as ast;

use super::super::exceptions::{self, Exception, Link};
use super::super::{Interp, R, Unwind};
use super::eval::{Run, raised};

impl<'py> Interp<'py> {
    /// `PyObject_IsTrue`.
    pub(crate) fn vm_truth(&self, v: &Obj<'py>) -> R<'py, bool> {
        abstract_::is_true(self.heap, v.object()).map_err(|e| self.err(e))
    }

    /// `next(it)`: `None` at the end (a `StopIteration` raised by the iterator ends it too).
    pub(crate) fn vm_iter_next(&self, it: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        match abstract_::iter_next(self.heap, it.object()) {
            Ok(v) => Ok(v),
            Err(e) => {
                let u = self.err(e);
                match u {
                    Unwind::Raise(r)
                        if r.exc.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) =>
                    {
                        Ok(None)
                    }
                    other => Err(other),
                }
            }
        }
    }

    /// Every item of an iterable.
    pub(crate) fn vm_collect(&self, v: &Obj<'py>) -> R<'py, Vec<Obj<'py>>> {
        self.collect(v)
    }
}

impl<'a, 'py> Run<'a, 'py> {
    pub(super) fn truth(&self, v: &Obj<'py>) -> R<'py, bool> {
        self.interp().vm_truth(v)
    }

    pub(super) fn iter_next(&self, it: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        self.interp().vm_iter_next(it)
    }

    pub(super) fn collect(&self, v: &Obj<'py>) -> R<'py, Vec<Obj<'py>>> {
        self.interp().vm_collect(v)
    }

    /// `COMPARE_OP oparg` past the loop's fast path: the comparison is `oparg >> 4`.
    #[inline(never)]
    pub(super) fn compare_op(&self, oparg: usize, l: &Obj<'py>, r: &Obj<'py>) -> R<'py, Obj<'py>> {
        let cmp = match oparg >> 4 {
            0 => ast::CmpOp::Lt,
            1 => ast::CmpOp::LtE,
            2 => ast::CmpOp::Eq,
            3 => ast::CmpOp::NotEq,
            4 => ast::CmpOp::Gt,
            _ => ast::CmpOp::GtE,
        };
        self.compare(cmp, l, r)
    }

    pub(super) fn compare(&self, op: ast::CmpOp, l: &Obj<'py>, r: &Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        if let (Some(a), Some(b)) = (
            long::object_as_i64(l.object()),
            long::object_as_i64(r.object()),
        ) && long::is_int(l.object())
            && long::is_int(r.object())
            // A class on `int` may define the comparisons.
            && !pyrt_objects::types::class::is_heap_type(l.ob_type())
            && !pyrt_objects::types::class::is_heap_type(r.ob_type())
        {
            let v = match op {
                ast::CmpOp::Lt => a < b,
                ast::CmpOp::LtE => a <= b,
                ast::CmpOp::Eq => a == b,
                ast::CmpOp::NotEq => a != b,
                ast::CmpOp::Gt => a > b,
                _ => a >= b,
            };
            return Ok(long::new_bool(interp.heap, v));
        }
        interp.compare(op, l, r)
    }

    pub(super) fn contains(&self, container: &Obj<'py>, item: &Obj<'py>) -> R<'py, bool> {
        let interp = self.interp();
        let c = container.object();
        // `dict_contains` of an exact dict: the key's lookup, borrowed.
        if dict::is_exact_dict(c)
            && let Some(d) = dict::Dict::cast(c)
        {
            return dict::lookup_value(interp.heap, d, item.object())
                .map(|v| v.is_some())
                .map_err(|e| interp.err(e));
        }
        let builtin = dict::Dict::cast(c).is_some()
            || pyrt_objects::types::set::AnySet::cast(c).is_some()
            || pyrt_objects::types::range::Range::cast(c).is_some()
            || unicode::Str::cast(c).is_some()
            || pyrt_objects::types::bytes::is_bytes(c)
            || pyrt_objects::types::bytearray::is_bytearray(c)
            || super::super::objects::DICT_KEYS.is(c)
            || super::super::objects::DICT_ITEMS.is(c);
        if builtin {
            return interp.contains(container, item);
        }
        if let Some(r) = interp.user_contains(container, item) {
            return r;
        }
        let it = abstract_::get_iter(interp.heap, c)
            .map_err(|e| interp.contains_iter_error(e, container))?;
        while let Some(x) = self.iter_next(&it)? {
            if x.is(item)
                || abstract_::compare_bool(interp.heap, x.object(), item.object(), CompareOp::Eq)
                    .map_err(|e| interp.err(e))?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// `BINARY_OP oparg`: `NB_*` numbers, in-place ones from 13.
    pub(super) fn binary_op(&self, oparg: usize, l: Obj<'py>, r: Obj<'py>) -> R<'py, Obj<'py>> {
        use ast::Operator as O;
        let interp = self.interp();
        // Two exact strs, or a str and a small int (`BINARY_OP_ADD_UNICODE`, the repeat).
        if let Some(v) = super::fast::str_binary_op(interp.heap, oparg, l.object(), r.object()) {
            return v.map_err(|e| interp.err(e));
        }
        let ops = [
            O::Add,
            O::BitAnd,
            O::FloorDiv,
            O::LShift,
            O::MatMult,
            O::Mult,
            O::Mod,
            O::BitOr,
            O::Pow,
            O::RShift,
            O::Sub,
            O::Div,
            O::BitXor,
        ];
        let inplace = oparg >= 13;
        let op = ops[oparg % 13];
        // Machine-word ints: the short path (the result is still a real int object).
        if let (Some(a), Some(b)) = (small_int(&l), small_int(&r)) {
            let v = match op {
                O::Add => Some(i128::from(a) + i128::from(b)),
                O::Sub => Some(i128::from(a) - i128::from(b)),
                O::Mult => Some(i128::from(a) * i128::from(b)),
                // Python's floor division and modulo (the sign of the divisor).
                // In `i128` throughout: -2**63 // -1 overflows `i64`.
                O::FloorDiv if b != 0 => {
                    let (a, b) = (i128::from(a), i128::from(b));
                    Some(a.div_euclid(b) - i128::from(b < 0 && a.rem_euclid(b) != 0))
                }
                O::Mod if b != 0 => {
                    let r = i128::from(a).rem_euclid(i128::from(b));
                    Some(if b < 0 && r != 0 {
                        r + i128::from(b)
                    } else {
                        r
                    })
                }
                _ => None,
            };
            if let Some(v) = v {
                return long::int_from_i128(interp.heap, v).map_err(|e| interp.err(e));
            }
        }
        if inplace {
            interp.inplace_op(op, l, r)
        } else {
            let v = interp.binary_op(op, &l, &r);
            // `DECREF_INPUTS()`: the left operand goes first (a `__del__` of each runs in
            // CPython's order), not the parameters' reverse order.
            drop(l);
            drop(r);
            v
        }
    }

    /// `UNPACK_SEQUENCE n` (`after` none) or `UNPACK_EX` (`before` then a list, then `after`).
    pub(super) fn unpack(
        &self,
        seq: &Obj<'py>,
        before: usize,
        after: Option<usize>,
    ) -> R<'py, Vec<Obj<'py>>> {
        let interp = self.interp();
        // `UNPACK_SEQUENCE n` takes at most n + 1 items of an iterator (`unpack_iterable`).
        let most = if after.is_none() {
            before.saturating_add(1)
        } else {
            usize::MAX
        };
        let items = match interp.collect_up_to(seq, most) {
            Ok(items) => items,
            Err(Unwind::Raise(r))
                if r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get())
                    && abstract_::get_iter(interp.heap, seq.object()).is_err() =>
            {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("cannot unpack non-iterable {} object", seq.ob_type().name()),
                ));
            }
            Err(e) => return Err(e),
        };
        let n = items.len();
        match after {
            None => {
                if n < before {
                    return Err(interp.raise(
                        &exceptions::VALUE_ERROR,
                        format!("not enough values to unpack (expected {before}, got {n})"),
                    ));
                }
                if n > before {
                    // 3.12 never says how many there were ("got N" is 3.14's).
                    return Err(interp.raise(
                        &exceptions::VALUE_ERROR,
                        format!("too many values to unpack (expected {before})"),
                    ));
                }
                Ok(items)
            }
            Some(after) => {
                if n < before + after {
                    return Err(interp.raise(
                        &exceptions::VALUE_ERROR,
                        format!(
                            "not enough values to unpack (expected at least {}, got {n})",
                            before + after
                        ),
                    ));
                }
                let mut items = items;
                let tail = items.split_off(n - after);
                let middle = items.split_off(before);
                items.push(list::new_list(interp.heap, middle).map_err(|e| interp.err(e))?);
                items.extend(tail);
                Ok(items)
            }
        }
    }

    /// `LOAD_NAME` when its three scopes are exact dicts of str keys (a module body, a class
    /// body): the first of locals, globals and builtins holding the name, each a str lookup
    /// on a borrowed dict (`unicodekeys_lookup_unicode`, which runs no Python code); `None`
    /// sends the instruction to [`Run::load_name`] (another mapping, a missing name and its
    /// `NameError`).
    #[inline]
    pub(super) fn load_name_fast(&self, i: usize) -> Option<Obj<'py>> {
        let heap = self.interp().heap;
        let frame = self.frame_ref();
        let name = *tuple::items(frame.code()?.names()).get(i)?;
        // SAFETY: the code holds its names while its frame runs.
        let name = unsafe { name.as_ref() };
        for scope in [
            frame.locals_ptr()?,
            frame.globals_ptr()?,
            frame.builtins_ptr()?,
        ] {
            // SAFETY: the frame holds its locals, and its function its globals and builtins,
            // while it runs; the lookups run no code that could drop them.
            let scope = unsafe { scope.as_ref() };
            if !dict::is_exact_dict(scope) {
                return None;
            }
            if let Some(v) = dict::lookup_str(heap, dict::Dict::cast(scope)?, name)? {
                // SAFETY: the dict's entry holds the value.
                return Some(unsafe { Obj::from_borrowed(heap, v.as_ref()) });
            }
        }
        None
    }

    /// `STORE_NAME` into locals that are an exact dict (`PyDict_SetItem`); the value comes
    /// back (`Err`) for the generic path otherwise.
    #[inline]
    pub(super) fn store_name_fast(&self, i: usize, v: Obj<'py>) -> Result<R<'py, ()>, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let frame = self.frame_ref();
        let Some(locals) = frame.locals_ptr() else {
            return Err(v);
        };
        // SAFETY: the frame holds its locals while it runs; the dict is only read here until
        // `set_item` (which holds no borrow of it across code that could drop it: a str-keyed
        // store runs none, and the frame keeps its reference anyway).
        let locals = unsafe { locals.as_ref() };
        let Some(d) = dict::Dict::cast(locals).filter(|_| dict::is_exact_dict(locals)) else {
            return Err(v);
        };
        let name = self.name_obj(i);
        Ok(dict::set_item(heap, d, name, v).map_err(|e| interp.err(e)))
    }

    /// `LOAD_NAME`: locals, globals, builtins.
    pub(super) fn load_name(&self, i: usize) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let frame = self.frame_ref();
        let name = self.name_obj(i);
        if let Some(locals) = frame.locals(heap)
            && let Some(v) = interp.mapping_get_optional(&locals, &name)?
        {
            return Ok(v);
        }
        self.load_global(i)
    }

    /// `LOAD_GLOBAL`: globals, then builtins.
    pub(super) fn load_global(&self, i: usize) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let frame = self.frame_ref();
        let name = self.name_obj(i);
        for scope in [frame.globals(heap), frame.builtins(heap)]
            .into_iter()
            .flatten()
        {
            if let Some(d) = dict::Dict::cast(scope.object())
                && let Some(v) =
                    dict::get_item(heap, d, name.object()).map_err(|e| interp.err(e))?
            {
                return Ok(v);
            }
        }
        Err(interp.raise(
            &exceptions::NAME_ERROR,
            format!(
                "name '{}' is not defined",
                unicode::str_value(super::eval::str_of(name.object()))
            ),
        ))
    }

    /// `RAISE_VARARGS`: a bare `raise`, `raise exc`, `raise exc from cause`.
    pub(super) fn raise_varargs(&mut self, oparg: usize) -> Unwind<'py> {
        let interp = self.interp();
        let heap = interp.heap;
        let result = (|| -> R<'py, Unwind<'py>> {
            match oparg {
                0 => {
                    let exc = interp.vm.exc_info.borrow().clone();
                    match exc {
                        Some(e) => {
                            self.set_reraise();
                            Ok(raised(e))
                        }
                        None => Err(interp
                            .raise(&exceptions::RUNTIME_ERROR, "No active exception to reraise")),
                    }
                }
                1 => {
                    let e = self.pop_value()?;
                    Ok(raised(self.make_exception(e)?))
                }
                _ => {
                    let cause = self.pop_value()?;
                    let e = self.pop_value()?;
                    let exc = self.make_exception(e)?;
                    let ev = Exception::cast(exc.object())
                        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
                    if cause.is(&none(heap)) {
                        exceptions::set_link(heap, ev, Link::Cause, None);
                    } else {
                        let c = if exceptions::is_exception_class(cause.object()) {
                            interp.call(&cause, Vec::new(), Vec::new())?
                        } else if exceptions::is_exception(cause.object()) {
                            cause
                        } else {
                            return Err(interp.raise(
                                &exceptions::TYPE_ERROR,
                                "exception causes must derive from BaseException",
                            ));
                        };
                        exceptions::set_link(heap, ev, Link::Cause, Some(c));
                    }
                    exceptions::set_suppress_context(ev, true);
                    Ok(raised(exc))
                }
            }
        })();
        result.unwrap_or_else(|e| e)
    }

    /// An exception instance from what `raise` was given: an instance, or a class called.
    fn make_exception(&self, e: Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        if exceptions::is_exception_class(e.object()) {
            let inst = interp.call(&e, Vec::new(), Vec::new())?;
            if !exceptions::is_exception(inst.object()) {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        pyrt_objects::abstract_::repr(interp.heap, e.object()).unwrap_or_default(),
                        inst.ob_type().name()
                    ),
                ));
            }
            return Ok(inst);
        }
        if exceptions::is_exception(e.object()) {
            return Ok(e);
        }
        Err(interp.raise(
            &exceptions::TYPE_ERROR,
            "exceptions must derive from BaseException",
        ))
    }

    /// `CHECK_EXC_MATCH`'s test of the `except` clause's class.
    pub(super) fn check_except_type(&self, t: &Obj<'py>) -> R<'py, ()> {
        let ok = |o: &pyrt_objects::PyObject| exceptions::is_exception_class(o);
        let valid = match tuple::Tuple::cast(t.object()) {
            // SAFETY: the tuple holds its items.
            Some(tp) => tuple::items(tp).iter().all(|p| ok(unsafe { p.as_ref() })),
            None => ok(t.object()),
        };
        if valid {
            Ok(())
        } else {
            Err(self.interp().raise(
                &exceptions::TYPE_ERROR,
                "catching classes that do not inherit from BaseException is not allowed",
            ))
        }
    }

    /// `MAKE_FUNCTION flags`: the code on top, then closure, annotations, keyword defaults
    /// and defaults below it as the flags say.
    pub(super) fn make_function(&self, flags: usize) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let code = self.pop_value()?;
        let closure = if flags & 8 != 0 {
            Some(self.pop_value()?)
        } else {
            None
        };
        let annotations = if flags & 4 != 0 {
            Some(self.pop_value()?)
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            Some(self.pop_value()?)
        } else {
            None
        };
        let defaults = if flags & 1 != 0 {
            Some(self.pop_value()?)
        } else {
            None
        };
        let globals = self
            .frame_ref()
            .globals(heap)
            .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
        let f = function::new_function(
            heap,
            code.object(),
            globals.object(),
            None,
            interp.builtins.clone(),
        )
        .map_err(|e| interp.err(e))?;
        let view = Function::cast_internal(f.object()).map_err(|e| interp.err(e))?;
        if let Some(c) = closure {
            view.set_closure(heap, c).map_err(|e| interp.err(e))?;
        }
        if let Some(a) = annotations {
            view.set_annotations_from_make_function(heap, a);
        }
        if kwdefaults.is_some() {
            view.set_kwdefaults(heap, kwdefaults)
                .map_err(|e| interp.err(e))?;
        }
        if defaults.is_some() {
            view.set_defaults(heap, defaults)
                .map_err(|e| interp.err(e))?;
        }
        let _ = Code::cast(code.object());
        Ok(f)
    }

    /// `DICT_UPDATE` / `DICT_MERGE` (`**` in calls: duplicate keys are an error). Any mapping
    /// merges (a dict, or an object with `keys()` and `__getitem__`); an `AttributeError` (no
    /// `keys`) becomes `'int' object is not a mapping`, or for a call (`format_kwargs_error`)
    /// `f() argument after ** must be a mapping, not int`.
    pub(super) fn dict_update(&self, d: &Obj<'py>, update: &Obj<'py>, merge: bool) -> R<'py, ()> {
        let interp = self.interp();
        let heap = interp.heap;
        let target = dict::Dict::cast_internal(d.object()).map_err(|e| interp.err(e))?;
        let duplicate = |key: &pyrt_objects::PyObject| -> pyrt_objects::PyErr {
            let key = abstract_::str(heap, key).unwrap_or_default();
            pyrt_objects::PyErr::type_error(format!(
                "{} got multiple values for keyword argument '{key}'",
                self.callee_name()
            ))
        };
        let dup: Option<&dyn Fn(&pyrt_objects::PyObject) -> pyrt_objects::PyErr> =
            if merge { Some(&duplicate) } else { None };
        let r = dict::merge_mapping(heap, target, update.object(), dup).map_err(|e| interp.err(e));
        match r {
            Err(u) if interp.is_attribute_error(&u) => {
                let message = if merge {
                    format!(
                        "{} argument after ** must be a mapping, not {}",
                        self.callee_name(),
                        update.ob_type().name()
                    )
                } else {
                    format!("'{}' object is not a mapping", update.ob_type().name())
                };
                Err(interp.raise(&exceptions::TYPE_ERROR, message))
            }
            // `format_kwargs_error`: any `KeyError(key)` of the merge (a mapping's
            // `__getitem__` raising one too) reads as a duplicate keyword.
            Err(Unwind::Raise(r))
                if merge && r.exc.ob_type().is_subtype(exceptions::KEY_ERROR.get()) =>
            {
                let one_arg = Exception::cast(r.exc.object())
                    .map(|e| exceptions::args(heap, e))
                    .and_then(|a| {
                        tuple::Tuple::cast(a.object())
                            .filter(|t| tuple::items(t).len() == 1)
                            // SAFETY: the args tuple holds its item; a new reference is taken.
                            .map(|t| unsafe {
                                Obj::from_borrowed(heap, tuple::items(t)[0].as_ref())
                            })
                    });
                match one_arg {
                    Some(key) => Err(interp.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "{} got multiple values for keyword argument '{}'",
                            self.callee_name(),
                            abstract_::str(heap, key.object()).unwrap_or_default()
                        ),
                    )),
                    None => Err(Unwind::Raise(r)),
                }
            }
            r => r,
        }
    }

    /// `_PyObject_FunctionStr` of the callable below a `DICT_MERGE`'s dict: `module.qualname()`
    /// (`qualname()` for a built-in), or `str(func)` for an object without `__qualname__`.
    fn callee_name(&self) -> String {
        let interp = self.interp();
        let heap = interp.heap;
        match self.frame_ref().stack_peek_at(heap, 3) {
            Some(func) => interp.function_str(&func),
            None => "function".into(),
        }
    }

    /// `FORMAT_VALUE`: the conversion (`!s`, `!r`, `!a`), then `format(value, spec)`.
    pub(super) fn format_value(
        &self,
        v: Obj<'py>,
        conversion: usize,
        spec: Option<Obj<'py>>,
    ) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let v = match conversion {
            1 => unicode::new_str(
                heap,
                &abstract_::str(heap, v.object()).map_err(|e| interp.err(e))?,
            ),
            2 => unicode::new_str(
                heap,
                &abstract_::repr(heap, v.object()).map_err(|e| interp.err(e))?,
            ),
            3 => unicode::new_str(
                heap,
                &ascii(&abstract_::repr(heap, v.object()).map_err(|e| interp.err(e))?),
            ),
            _ => Ok(v),
        }
        .map_err(|e| interp.err(e))?;
        interp.format_object(&v, spec.as_ref())
    }

    /// `MATCH_KEYS`: the values of `keys` in the mapping subject, or `None` if one is missing.
    pub(super) fn match_keys(&self, subject: &Obj<'py>, keys: &Obj<'py>) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        let Some(d) = dict::Dict::cast(subject.object()) else {
            // A `collections.abc.Mapping`: `subject.get(key, dummy)` for each key, as
            // CPython's `match_keys` does for every mapping.
            let dummy = pyrt_objects::types::object_instance::new_object(heap)
                .map_err(|e| interp.err(e))?;
            let mut values = Vec::new();
            for k in self.collect(keys)? {
                let v = interp.call_method(subject, "get", vec![k, dummy.clone()], Vec::new())?;
                if v.is(&dummy) {
                    return Ok(none(heap));
                }
                values.push(v);
            }
            return tuple::new_tuple(heap, values).map_err(|e| interp.err(e));
        };
        let mut values = Vec::new();
        for k in self.collect(keys)? {
            match dict::get_item(heap, d, k.object()).map_err(|e| interp.err(e))? {
                Some(v) => values.push(v),
                None => return Ok(none(heap)),
            }
        }
        tuple::new_tuple(heap, values).map_err(|e| interp.err(e))
    }

    /// `MATCH_CLASS count`: an instance check, then the attributes `count` positional and the
    /// named ones (`__match_args__` of the built-in types: the subject itself).
    pub(super) fn match_class(
        &self,
        subject: &Obj<'py>,
        cls: &Obj<'py>,
        count: usize,
        names: &Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        if pyrt_objects::types::type_object(cls.object()).is_none() {
            return Err(interp.raise(
                &exceptions::TYPE_ERROR,
                "called match pattern must be a class",
            ));
        }
        if !interp.isinstance(subject.object(), cls.object()) {
            return Ok(none(heap));
        }
        let mut out = Vec::new();
        if count > 0 {
            let self_match = pyrt_objects::types::type_object(cls.object())
                .is_some_and(|t| !pyrt_objects::types::class::is_heap_type(t));
            if self_match {
                if count > 1 {
                    return Err(interp.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "{}() accepts 1 positional sub-pattern ({count} given)",
                            pyrt_objects::types::type_object(cls.object())
                                .map_or("?", |t| t.name())
                        ),
                    ));
                }
                out.push(subject.clone());
            } else {
                let args = interp.getattr(cls, "__match_args__")?;
                let args = self.collect(&args)?;
                for a in args.iter().take(count) {
                    let n = unicode::Str::cast(a.object())
                        .map(unicode::str_value)
                        .unwrap_or_default();
                    match interp.getattr(subject, &n) {
                        Ok(v) => out.push(v),
                        Err(_) => return Ok(none(heap)),
                    }
                }
            }
        }
        for n in self.collect(names)? {
            let n = unicode::Str::cast(n.object())
                .map(unicode::str_value)
                .unwrap_or_default();
            match interp.getattr(subject, &n) {
                Ok(v) => out.push(v),
                Err(_) => return Ok(none(heap)),
            }
        }
        tuple::new_tuple(heap, out).map_err(|e| interp.err(e))
    }

    /// `type(obj).__enter__` and the like, bound to `obj`, or CPython's error.
    pub(super) fn special(&self, obj: &Obj<'py>, name: &str, protocol: &str) -> R<'py, Obj<'py>> {
        let interp = self.interp();
        interp.getattr(obj, name).map_err(|_| {
            interp.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "'{}' object does not support {protocol}",
                    obj.ob_type().name()
                ),
            )
        })
    }

    /// `super().name` inside a method of `class` called on `self_`.
    pub(super) fn super_attr(
        &self,
        class: &Obj<'py>,
        self_: &Obj<'py>,
        name: &str,
    ) -> R<'py, Obj<'py>> {
        self.interp().super_getattr(class, self_, name)
    }

    /// `SEND`: `yield from`'s step into the sub-iterator.
    pub(super) fn send(
        &self,
        receiver: &Obj<'py>,
        v: Obj<'py>,
    ) -> R<'py, super::generator::Sent<'py>> {
        let interp = self.interp();
        let heap = interp.heap;
        if genobject::is_generator(receiver.object()) {
            return interp.gen_send(receiver, v);
        }
        if v.is(&none(heap)) {
            return Ok(match self.iter_next_raw(receiver)? {
                Ok(y) => super::generator::Sent::Yielded(y),
                Err(r) => super::generator::Sent::Returned(r),
            });
        }
        let send = interp.getattr(receiver, "send")?;
        let y = interp.call(&send, vec![v], Vec::new())?;
        Ok(super::generator::Sent::Yielded(y))
    }

    /// `next(it)` keeping a `StopIteration`'s value: `Err(value)` at the end.
    fn iter_next_raw(&self, it: &Obj<'py>) -> R<'py, Result<Obj<'py>, Obj<'py>>> {
        let interp = self.interp();
        let heap = interp.heap;
        match abstract_::iter_next(heap, it.object()) {
            Ok(Some(v)) => Ok(Ok(v)),
            Ok(None) => Ok(Err(none(heap))),
            Err(e) => match interp.err(e) {
                Unwind::Raise(r)
                    if r.exc.ob_type().is_subtype(exceptions::STOP_ITERATION.get()) =>
                {
                    Ok(Err(super::generator::stop_value(interp, &r.exc)))
                }
                other => Err(other),
            },
        }
    }

    /// Whether `v`'s type cannot be iterated at all (`tp_iter == NULL && !PySequence_Check`):
    /// a class defining `__iter__` or `__getitem__` (even as `None`) can, and its `__iter__` is
    /// not called to find out.
    pub(super) fn cannot_iterate(&self, v: &Obj<'py>) -> bool {
        let interp = self.interp();
        let ty = v.ob_type();
        if pyrt_objects::types::class::is_heap_type(ty) {
            let defines = |name| !matches!(interp.type_lookup(ty, name), Ok(None));
            if defines("__iter__") || defines("__getitem__") {
                return false;
            }
        }
        abstract_::get_iter(interp.heap, v.object()).is_err()
    }

    /// A `TypeError` about a `*` or `**` argument that is not iterable, in CPython's words.
    ///
    /// CPython rewrites the error only when the type cannot iterate at all (no `tp_iter`, not a
    /// sequence): a class defining `__iter__` or `__getitem__` (even as `None`) keeps the
    /// error they raised, and its `__iter__` is not called a second time to find out.
    pub(super) fn not_iterable_in(&self, e: Unwind<'py>, v: &Obj<'py>, what: &str) -> Unwind<'py> {
        let interp = self.interp();
        match &e {
            Unwind::Raise(r)
                if r.exc.ob_type().is_subtype(exceptions::TYPE_ERROR.get())
                    && self.cannot_iterate(v) =>
            {
                interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!("{what} {}", v.ob_type().name()),
                )
            }
            _ => e,
        }
    }
}

/// A small int's value (exact int, fits in an i64).
#[inline]
fn small_int(o: &Obj<'_>) -> Option<i64> {
    // Exact ints only: a subclass may define the operator itself.
    if core::ptr::eq(o.ob_type(), pyrt_objects::types::INT_TYPE.get()) {
        long::object_as_i64(o.object())
    } else {
        None
    }
}

/// `ascii()`'s escaping of a repr.
fn ascii(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let n = c as u32;
        if n < 128 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}

impl<'py> Interp<'py> {
    /// `_PyObject_FunctionStr(func)`: `module.qualname()`, `qualname()` when the module is
    /// `builtins` or missing, `str(func)` when it has no `__qualname__` (errors give `""`).
    pub(crate) fn function_str(&self, func: &Obj<'py>) -> String {
        let text = |o: &Obj<'py>| abstract_::str(self.heap, o.object()).unwrap_or_default();
        // pyrt's built-in functions and types have no `__qualname__` yet: their `__name__` is
        // it for module-level functions and types.
        let Ok(qualname) = self
            .getattr(func, "__qualname__")
            .or_else(|_| self.getattr(func, "__name__"))
        else {
            return text(func);
        };
        let q = text(&qualname);
        match self.getattr(func, "__module__") {
            Ok(m) if !m.is(&none(self.heap)) => {
                let m = text(&m);
                if m == "builtins" {
                    format!("{q}()")
                } else {
                    format!("{m}.{q}()")
                }
            }
            _ => format!("{q}()"),
        }
    }
}
