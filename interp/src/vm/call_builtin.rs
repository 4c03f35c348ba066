//! `CALL` of a built-in with positional arguments only, without a `Vec`: 3.12's specialized
//! calls of C callables (`Python/bytecodes.c`, chosen by `_Py_Specialize_Call` in
//! `Python/specialize.c`):
//!
//! | callee | 3.12 | here |
//! |---|---|---|
//! | a built-in type's method, by name on an exact `str`/`list`/`dict`/... (`LOAD_ATTR`'s method form) | `CALL_NO_KW_METHOD_DESCRIPTOR_O`/`_FAST`/`_NOARGS`, `CALL_NO_KW_LIST_APPEND` | [`Methods::call_at`], the method's index kept in the `CALL`'s cache |
//! | a bound method of an exact built-in (`append = l.append`) | `CALL_NO_KW_BUILTIN_O`/`_FAST` | [`Methods::call_at`], as above |
//! | a built-in function (`len`, `isinstance`, `abs`, ...) | `CALL_NO_KW_BUILTIN_O`/`_FAST`, `CALL_NO_KW_LEN`, `CALL_NO_KW_ISINSTANCE` | [`builtins::call_builtin_bound`] |
//! | `str(x)`, `type(x)`, `tuple(x)` | `CALL_NO_KW_STR_1`, `CALL_NO_KW_TYPE_1`, `CALL_NO_KW_TUPLE_1` | `PyObject_Str`, `Py_TYPE`, `PySequence_Tuple` |
//! | another built-in type (`int(x)`, `float(x)`, `range(n)`, ...) | `CALL_BUILTIN_CLASS` or `type_call` | [`builtins::construct`] |
//!
//! The arguments move from the value stack into a fixed array of [`MAX_FAST_ARGS`] slots,
//! where they are bound in place when the call fits the callee's parameters
//! ([`pyrt_objects::methods::positional_fit`]); a call that does not fit goes through the
//! general binding, which raises CPython's error. Any other call (keywords, a Python callee,
//! more arguments than slots) is left to the generic path, untouched.
//!
//! ## The cache
//! `CALL` has three cache units (`_PyCallCache`; `co_code` shows them zeroed):
//!
//! ```text
//!  [warm] [type number << 8 | method index + 1] [unused]
//! ```
//!
//! `warm` is 0 until the instruction has run once (here): as in CPython, whose adaptive counter lets
//! a `CALL` specialize on its second execution, the first `str(x)` of a site is the generic
//! `type_call`, which packs the argument in a tuple (a GC allocation that the collector's
//! count sees); later ones are `CALL_NO_KW_STR_1`'s, without. The method entry names the
//! receiver's table ([`methods::exact_table`]) and the method's place in it; it is checked
//! against the name on the stack (the method's name is compared, so a stale entry only
//! costs a lookup).

use pyrt_objects::methods::{MAX_FAST_ARGS, Methods};
use pyrt_objects::types::{class, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::super::objects::{BUILTIN, Typed, builtin};
use super::super::{R, builtins, methods};
use super::eval::Run;

/// The arguments of one call, moved off the value stack: the first `n` are set.
type FastArgs<'py> = [Option<Obj<'py>>; MAX_FAST_ARGS];

/// Unit 0 of a `CALL`'s cache once the instruction has run.
const WARM: u16 = 1;

impl<'py> Run<'_, 'py> {
    /// `CALL argc` without `KW_NAMES` of a built-in method, function or type: the result is
    /// pushed and `true` returned; `false` (nothing changed) for any other call.
    pub(super) fn call_builtin_positional(&mut self, argc: usize) -> R<'py, bool> {
        if argc > MAX_FAST_ARGS {
            return Ok(false);
        }
        let (first, second) = self.call_operands(argc);
        let Some(second) = second.ptr() else {
            return Ok(false);
        };
        // SAFETY: the stack slot holds a reference to the object while it is there.
        let second = unsafe { second.as_ref() };
        let cache = self.call_cache();
        let warm = cache[0].get() == WARM;
        cache[0].set(WARM);
        match first.ptr() {
            // SAFETY: as above.
            Some(name) => self.call_method_by_name(unsafe { name.as_ref() }, second, argc),
            None => self.call_builtin_callable(second, argc, warm),
        }
    }

    /// `(name, self)` from `LOAD_ATTR`'s method form on an exact built-in: its table's method.
    fn call_method_by_name(
        &mut self,
        name: &PyObject,
        receiver: &PyObject,
        argc: usize,
    ) -> R<'py, bool> {
        let Some(name) = unicode::Str::cast(name) else {
            return Ok(false);
        };
        let Some((type_number, table)) = methods::exact_table(receiver) else {
            return Ok(false);
        };
        // The compiler's names are ASCII identifiers; a method's name is one.
        let Some(text) = unicode::ascii_text(name) else {
            return Ok(false);
        };
        let Some(index) = self.cached_method_index(type_number, table, text) else {
            return Ok(false);
        };
        let interp = self.interp();
        let args = self.pop_args(argc);
        let receiver = self.pop_value()?;
        let _name = self.pop_slot();
        let r = table.call_at(interp.heap, receiver.object(), index, &args, argc);
        release_args(args, argc);
        self.push_value(r.map_err(|e| interp.err(e))?);
        Ok(true)
    }

    /// The index of method `name` in `table` (of the type numbered `type_number`): the one
    /// the `CALL`'s cache names when it is still that method, else looked up and cached.
    #[inline(always)]
    fn cached_method_index(
        &self,
        type_number: u16,
        table: &dyn Methods,
        name: &str,
    ) -> Option<usize> {
        let cache = self.call_cache();
        let entry = cache[1].get();
        if entry >> 8 == type_number && entry & 0xff != 0 {
            let index = usize::from(entry & 0xff) - 1;
            if table.name_at(index).is_some_and(|n| same_name(n, name)) {
                return Some(index);
            }
        }
        let index = table.index_of(name)?;
        if let Ok(i) = u8::try_from(index + 1) {
            cache[1].set((type_number << 8) | u16::from(i));
        }
        Some(index)
    }

    /// `(NULL, callable)`: a built-in function or type.
    fn call_builtin_callable(
        &mut self,
        callable: &PyObject,
        argc: usize,
        warm: bool,
    ) -> R<'py, bool> {
        let interp = self.interp();
        let heap = interp.heap;
        if let Some(b) = BUILTIN.cast(callable) {
            if let Some(receiver) = b.get_ref(heap, builtin::SELF) {
                return self.call_bound_method(b, &receiver, argc);
            }
            let index = b.get_num(builtin::INDEX);
            let Some(len) = builtins::builtin_positional_fit(index, argc) else {
                return Ok(false);
            };
            let args = self.pop_args(argc);
            let _callable = self.pop_slot();
            let _null = self.pop_slot();
            let r = builtins::call_builtin_bound(interp, index, &args[..len]);
            release_args(args, argc);
            // CPython checks the eval breaker after a call to a C function, its arguments
            // released.
            interp.gc_safe_point();
            self.push_value(r?);
            return Ok(true);
        }
        let Some(ty) = pyrt_objects::types::type_object(callable) else {
            return Ok(false);
        };
        if class::is_heap_type(ty) || pyrt_objects::types::exceptions::is_exception_class(callable)
        {
            return Ok(false);
        }
        let is = |t: &'static pyrt_objects::typeobj::StaticType| core::ptr::eq(ty, t.get());
        use pyrt_objects::types as t;
        let mut args = self.pop_args(argc);
        let _callable = self.pop_slot();
        let _null = self.pop_slot();
        let r = match (argc, &mut args[0]) {
            // `CALL_NO_KW_TYPE_1`: `Py_TYPE(arg)`.
            (1, Some(a)) if is(&t::TYPE_TYPE) => {
                let ty = &a.ob_type().ob_base.ob_base;
                // SAFETY: an object's type lives as long as the object.
                Ok(unsafe { Obj::from_borrowed(heap, ty) })
            }
            // `CALL_NO_KW_STR_1` (from the instruction's second run, see the module's doc).
            (1, Some(a)) if warm && is(&t::STR_TYPE) => builtins::object_str(interp, a),
            // `CALL_NO_KW_TUPLE_1`: `PySequence_Tuple(arg)`.
            (1, Some(a)) if is(&t::TUPLE_TYPE) => {
                tuple::sequence_tuple(heap, a).map_err(|e| interp.err(e))
            }
            _ => {
                let args: Vec<Obj<'py>> = args[..argc].iter_mut().flat_map(Option::take).collect();
                builtins::construct(interp, ty, args, Vec::new())
            }
        };
        release_args(args, argc);
        interp.gc_safe_point();
        self.push_value(r?);
        Ok(true)
    }

    /// `(NULL, method)` for a bound method of an exact built-in (`append = l.append`), whose
    /// name says which method of the receiver's table it is (`CALL_NO_KW_BUILTIN_O`/`_FAST`).
    fn call_bound_method(
        &mut self,
        b: Typed<'_>,
        receiver: &Obj<'py>,
        argc: usize,
    ) -> R<'py, bool> {
        let interp = self.interp();
        let Some((type_number, table)) = methods::exact_table(receiver.object()) else {
            return Ok(false);
        };
        let Some(name) = b.get_ref(interp.heap, builtin::NAME) else {
            return Ok(false);
        };
        let Some(text) = unicode::Str::cast(name.object()).and_then(unicode::ascii_text) else {
            return Ok(false);
        };
        let Some(index) = self.cached_method_index(type_number, table, text) else {
            return Ok(false);
        };
        let args = self.pop_args(argc);
        let _callable = self.pop_slot();
        let _null = self.pop_slot();
        let r = table.call_at(interp.heap, receiver.object(), index, &args, argc);
        release_args(args, argc);
        // A built-in function object was called: the eval breaker is checked, as in
        // `Interp::call`.
        interp.gc_safe_point();
        self.push_value(r.map_err(|e| interp.err(e))?);
        Ok(true)
    }

    /// Pops `n` (at most [`MAX_FAST_ARGS`]) arguments into slots, bottom first.
    #[inline]
    fn pop_args(&self, n: usize) -> FastArgs<'py> {
        let mut args: FastArgs<'py> = Default::default();
        for slot in args[..n].iter_mut().rev() {
            *slot = self.pop_slot();
        }
        args
    }
}

/// Releases the arguments of a call in order (the `Py_DECREF(args[i])` loop after a
/// vectorcall): only the first `n` slots can hold one (the callee reads them, never stores),
/// so the rest need no drop.
#[inline(always)]
fn release_args(mut args: FastArgs<'_>, n: usize) {
    for slot in &mut args[..n] {
        drop(slot.take());
    }
    debug_assert!(args.iter().all(Option::is_none));
    core::mem::forget(args);
}

/// Whether two method names are equal: a byte loop, as the names are a few bytes long (a
/// `memcmp` call costs more than the comparison).
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}
