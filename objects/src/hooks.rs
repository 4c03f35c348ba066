//! What the object layer asks of the runtime above it: running Python code where CPython's
//! object layer does — `tp_finalize` of a class with `__del__` (`slot_tp_finalize`), the
//! callbacks of weak references (`handle_callback` in `Objects/weakrefobject.c`) and the
//! functions in `gc.callbacks` (`invoke_gc_callback` in `Modules/gcmodule.c`).
//!
//! The runtime installs its hooks with [`Heap::with_hooks`](crate::Heap::with_hooks) for as
//! long as it runs code. Without hooks (a heap driven from Rust alone) finalizers and
//! callbacks are skipped; everything else — collection, clearing weak references — happens
//! as usual.

use pyrt_gc::{CallbackPhase, CollectionInfo};

use crate::error::{PyErr, PyResult};
use crate::object::{ObjPtr, PyObject};

/// The runtime's side of finalizers and callbacks. Each hook reports its own errors (CPython's
/// `PyErr_WriteUnraisable`): nothing comes back to the object layer.
pub trait RuntimeHooks {
    /// Runs `obj`'s `__del__` (its type has one: see
    /// [`class::has_finalizer`](crate::types::class::has_finalizer)).
    fn finalize(&self, obj: &PyObject);

    /// Calls `callback(weakref)` for a weak reference whose referent is gone.
    fn weakref_callback(&self, weakref: &PyObject, callback: &PyObject);

    /// Calls each function in `gc.callbacks` with `phase` and `info`.
    fn gc_callback(&self, phase: CallbackPhase, info: CollectionInfo);

    /// `func(*args)` for a callable the object layer cannot call itself (a script's function,
    /// a key function): a new reference to the result. What the call raises comes back as the
    /// error, carrying the exception object ([`crate::Heap::raise_object`]).
    ///
    /// # Errors
    /// What the call raises; by default `TypeError: 'X' object is not callable`.
    fn call(&self, func: &PyObject, args: &[&PyObject]) -> PyResult<ObjPtr> {
        let _ = args;
        Err(PyErr::type_error(format!(
            "'{}' object is not callable",
            func.ob_type().name()
        )))
    }

    /// `lookup_maybe_method`'s binding of special method `f`, found on `obj`'s class, when `f`
    /// is not a plain function: `Some(f.__get__(obj, type(obj)))` as a new reference for a
    /// descriptor (a `staticmethod`, a `classmethod`, a class with `__get__`), then called
    /// without `obj`; `None` to call `f` with `obj` first. By default `None`.
    ///
    /// # Errors
    /// What `__get__` raises.
    fn bind_special(&self, f: &PyObject, obj: &PyObject) -> PyResult<Option<ObjPtr>> {
        let _ = (f, obj);
        Ok(None)
    }

    /// `PyNumber_Index(o)` for an object only the runtime can convert (a script's class with
    /// `__index__`): its value; `None` when `o` has no `__index__`.
    ///
    /// # Errors
    /// What `__index__` raises; `TypeError: __index__ returned non-int (type str)`.
    fn index_value(&self, o: &PyObject) -> Option<PyResult<crate::long_digits::LongValue>> {
        let _ = o;
        None
    }

    /// Iterates an iterable the object layer cannot iterate itself (a generator, a dict view,
    /// a script's class): calls `started` once the iterator is made (`PyObject_GetIter`
    /// succeeded), then `each` with every item (alive for the call) until it answers `false` or
    /// fails.
    ///
    /// # Errors
    /// What iterating or `each` raises; by default `TypeError: 'X' object is not iterable`.
    fn iterate(
        &self,
        iterable: &PyObject,
        started: &mut dyn FnMut() -> PyResult<()>,
        each: &mut dyn FnMut(&PyObject) -> PyResult<bool>,
    ) -> PyResult<()> {
        let _ = (started, each);
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            iterable.ob_type().name()
        )))
    }

    /// Closes a suspended generator that is being finalized (`_PyGen_Finalize` calling
    /// `gen_close`): throws `GeneratorExit` into its frame so that its `finally` blocks run,
    /// reporting what escapes as unraisable. By default nothing runs (a heap without a VM).
    fn gen_close(&self, generator: &PyObject) {
        let _ = generator;
    }

    /// `PyObject_GetIter` for an object the object layer cannot iterate itself (a script's
    /// class with `__iter__`, a generator, a dict view): a new reference to its iterator.
    ///
    /// # Errors
    /// What `__iter__` raises; by default `TypeError: 'X' object is not iterable`.
    fn get_iter(&self, iterable: &PyObject) -> PyResult<ObjPtr> {
        Err(PyErr::type_error(format!(
            "'{}' object is not iterable",
            iterable.ob_type().name()
        )))
    }

    /// `tp_iternext` of an iterator the object layer does not know (a generator, a script's
    /// class with `__next__`): the next item as a new reference, `None` when exhausted
    /// (`StopIteration` is the end, not an error).
    ///
    /// # Errors
    /// What `__next__` raises; by default `TypeError: 'X' object is not an iterator`.
    fn iter_next(&self, iterator: &PyObject) -> PyResult<Option<ObjPtr>> {
        Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            iterator.ob_type().name()
        )))
    }

    /// `PySequence_GetItem(seq, index)` for a sequence only the interpreter knows (a script's
    /// class with `__getitem__`), for the generic `reversed`: a new reference.
    ///
    /// # Errors
    /// What `__getitem__` raises; by default `TypeError: 'X' object is not subscriptable`.
    fn sequence_item(&self, seq: &PyObject, index: isize) -> PyResult<ObjPtr> {
        let _ = index;
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            seq.ob_type().name()
        )))
    }

    /// `_PyObject_LookupAttr(o, name)` for the mapping protocol (`keys` of a mapping given to
    /// `dict(m)`, `d.update(m)`, `{**m}`): a new reference, `None` when `o` has no such
    /// attribute (an `AttributeError`, cleared). By default nothing is found.
    ///
    /// # Errors
    /// What the lookup raises other than `AttributeError`.
    fn lookup_attr(&self, o: &PyObject, name: &str) -> PyResult<Option<ObjPtr>> {
        let _ = (o, name);
        Ok(None)
    }

    /// `PyObject_GetItem(o, key)` for a mapping only the interpreter knows (a script's class
    /// with `keys` and `__getitem__`): a new reference.
    ///
    /// # Errors
    /// What `__getitem__` raises; by default `TypeError: 'X' object is not subscriptable`.
    fn get_item(&self, o: &PyObject, key: &PyObject) -> PyResult<ObjPtr> {
        let _ = key;
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            o.ob_type().name()
        )))
    }

    /// `_Py_union_type_or(a, b)`, the `|` of `type`, `types.UnionType`, `types.GenericAlias`
    /// and `typing.TypeAliasType` (PEP 604): a new reference to `a | b` (a `types.UnionType`,
    /// or the one argument left after deduplication), `None` for `NotImplemented` (an operand
    /// that is not a type, None, an alias or a union). The union object is the runtime's; by
    /// default the answer is `NotImplemented`.
    ///
    /// # Errors
    /// What comparing two generic aliases raises.
    fn union_or(&self, a: &PyObject, b: &PyObject) -> PyResult<Option<ObjPtr>> {
        let _ = (a, b);
        Ok(None)
    }

    /// The tag `tracemalloc` records for a block allocated now (`traceback_get_frames`: the
    /// runtime's frames, interned as a traceback); asked only while
    /// [`Heap::set_trace_tags`](crate::Heap::set_trace_tags) is on. It must not allocate
    /// from the heap. By default [`Tag::NONE`](pyrt_allocator::Tag::NONE).
    fn trace_tag(&self) -> pyrt_allocator::Tag {
        pyrt_allocator::Tag::NONE
    }

    /// `PySequence_Size(seq)` for a sequence only the interpreter knows (`__len__`).
    ///
    /// # Errors
    /// What `__len__` raises; by default `TypeError: object of type 'X' has no len()`.
    fn sequence_len(&self, seq: &PyObject) -> PyResult<usize> {
        Err(PyErr::type_error(format!(
            "object of type '{}' has no len()",
            seq.ob_type().name()
        )))
    }
}
