//! Typed views: `&List`, `&Dict`, `&Str`, … are references to objects whose type has been
//! checked, the object layer's counterpart of PyO3's `Bound<'py, PyList>` and RustPython's
//! `Py<T>`.
//!
//! A view is a `#[repr(transparent)]` wrapper of the [`PyObject`] header, so `&List` is the
//! same pointer as the `&PyObject` it came from. The only safe way to get one is a checked
//! cast ([`View::cast`], or [`Obj::cast`](crate::Obj::cast)), which tests the type with the
//! type's own predicate (`PyList_Check`, …). The functions of each type take its view, so
//! handing them another layout is a compile error, and a caller holding an arbitrary object
//! gets `None` (then its own `TypeError`) instead of a read of the wrong memory.
//!
//! The cast from a view to the type's layout struct (`PyListObject`, …) is private to the
//! type's module: that module is the one owner of the layout.
//!
//! | view | accepts | CPython check |
//! |---|---|---|
//! | [`List`](crate::types::list::List) | `list` and subclasses | `PyList_Check` |
//! | [`Tuple`](crate::types::tuple::Tuple) | `tuple` and subclasses | `PyTuple_Check` |
//! | [`Dict`](crate::types::dict::Dict) | `dict` and subclasses | `PyDict_Check` |
//! | [`ManagedInstance`](crate::types::dict::managed::ManagedInstance) | instances of classes with a managed dict | `Py_TPFLAGS_MANAGED_DICT` |
//! | [`AnySet`](crate::types::set::AnySet) | `set`, `frozenset` and subclasses | `PyAnySet_Check` |
//! | [`Set`](crate::types::set::Set) | `set` and subclasses (never `frozenset`) | `PySet_Check` |
//! | [`Str`](crate::types::unicode::Str) | `str` and subclasses | `PyUnicode_Check` |
//! | [`Bytes`](crate::types::bytes::Bytes) | `bytes` and subclasses | `PyBytes_Check` |
//! | [`Int`](crate::types::long::Int) | `int` and subclasses, `bool` included | `PyLong_Check` |
//! | [`Float`](crate::types::float::Float) | `float` and subclasses | `PyFloat_Check` |
//! | [`Complex`](crate::types::complex::Complex) | `complex` and subclasses | `PyComplex_Check` |
//! | [`Range`](crate::types::range::Range) | `range` (no subclasses) | `PyRange_Check` |
//! | [`Weakref`](crate::types::weakref::Weakref) | `weakref.ref` and subclasses | `PyWeakref_Check` |
//! | [`Class`](crate::types::class::Class) | classes made at run time (heap types) | `PyType_Check` + `Py_TPFLAGS_HEAPTYPE` |
//! | [`Instance`](crate::types::class::Instance) | instances of classes whose base is `object` | the type's slot table |
//! | [`Record`](crate::types::record::Record) | namedtuple and record instances | the type's slot table |
//!
//! (Each type module declares its view beside its layout with [`view!`](crate::view!).)
//! `&PyTypeObject` is itself a checked handle: [`type_object`](crate::types::type_object)
//! makes it from an object of type `type`.
//!
//! # The rule, and its check
//!
//! No function reads an object's body without a checked type. Inside a type's module, the
//! raw cast to the layout struct lives in its private `header` (from the view), its private
//! `slot_self` (the `cast_unchecked` of slots called through the type's own slot table), its
//! constructors and its deallocators. A public function takes the type's view; one that takes
//! any object (`&PyObject`) either dispatches on the type (a checked cast, then the view's
//! functions) or reads only the header (`ob_refcnt`, `ob_type`, `ob_size`, the weak-reference
//! list at `tp_weaklistoffset`).
//!
//! `tests/tests/views_audit.rs` checks this on the sources of this crate and of
//! `interp/src` (in `cargo test --workspace`): it fails when a raw layout cast appears
//! outside those places and its short list of layout owners, or when a `pub`/`pub(crate)`
//! function with a `&PyObject`, `ObjPtr` or `NonNull<PyObject>` parameter reads a body
//! (directly, or through a helper of its module that does) without an allowlist entry saying
//! why it is safe. `unsafe fn`s are outside the check: their `# Safety` section puts the type
//! on the caller, as [`View::cast_unchecked`] does.

use core::ops::Deref;
use core::ptr;

use crate::error::{PyErr, PyResult};
use crate::object::PyObject;

/// A typed view of objects of one Python type (and its subclasses, where the view says so).
///
/// # Safety
/// `Self` must be `#[repr(transparent)]` over [`PyObject`], and every object for which
/// [`is_type_of`](View::is_type_of) answers `true` must have the memory layout that the
/// view's module reads through it.
pub unsafe trait View: Deref<Target = PyObject> {
    /// The Python name of the type, for error messages (`'list'`).
    const NAME: &'static str;

    /// Whether `o` has this view's type (the type's `Py…_Check`).
    fn is_type_of(o: &PyObject) -> bool;

    /// `o` as this view, if it has the view's type.
    #[inline]
    fn cast(o: &PyObject) -> Option<&Self>
    where
        Self: Sized,
    {
        if Self::is_type_of(o) {
            // SAFETY: `Self` is `repr(transparent)` over `PyObject` (trait contract), so the
            // pointer cast keeps the address, lifetime and validity of `o`.
            Some(unsafe { &*ptr::from_ref(o).cast::<Self>() })
        } else {
            None
        }
    }

    /// `o` as this view, or `TypeError: expected list, got 'int' object`-style errors built
    /// by `message` from the actual type's name.
    ///
    /// # Errors
    /// `TypeError(message(type name))` when `o` does not have the view's type.
    #[inline]
    fn cast_or_else(o: &PyObject, message: impl FnOnce(&str) -> String) -> PyResult<&Self>
    where
        Self: Sized,
    {
        Self::cast(o).ok_or_else(|| PyErr::type_error(message(o.ob_type().name())))
    }

    /// `o` as this view where the caller made `o` itself or got it from a slot of the type
    /// (a constructor's fresh object): a wrong type is pyrt's bug, reported as CPython's
    /// `PyErr_BadInternalCall` does.
    ///
    /// # Errors
    /// `SystemError: bad internal call` when `o` does not have the view's type.
    #[inline]
    fn cast_internal(o: &PyObject) -> PyResult<&Self>
    where
        Self: Sized,
    {
        Self::cast(o).ok_or_else(bad_internal_call)
    }

    /// The view of an object the caller knows to have this type: a slot of the type itself,
    /// or a handle that was made by a checked cast (the Rust API's `Bound<'py, PyList>`).
    ///
    /// # Safety
    /// `o` must have the view's type (`is_type_of(o)`).
    #[inline]
    unsafe fn cast_unchecked(o: &PyObject) -> &Self
    where
        Self: Sized,
    {
        debug_assert!(Self::is_type_of(o));
        // SAFETY: `Self` is `repr(transparent)` over `PyObject`; the type is the caller's
        // promise.
        unsafe { &*ptr::from_ref(o).cast::<Self>() }
    }

    /// The object behind the view.
    #[inline]
    fn as_object(&self) -> &PyObject {
        self
    }
}

/// Declares a typed view over `PyObject` for the objects `$check` accepts.
///
/// ```ignore
/// view! {
///     /// A list (`PyList_Check`).
///     pub struct List: "list" = is_list;
/// }
/// ```
#[macro_export]
macro_rules! view {
    ($(#[$doc:meta])* pub struct $view:ident: $py:literal = $check:path;) => {
        $(#[$doc])*
        #[repr(transparent)]
        pub struct $view($crate::object::PyObject);

        // SAFETY: `repr(transparent)` over `PyObject`; `$check` is the type's own predicate,
        // true only for objects with the layout this module reads.
        unsafe impl $crate::view::View for $view {
            const NAME: &'static str = $py;

            #[inline]
            fn is_type_of(o: &$crate::object::PyObject) -> bool {
                $check(o)
            }
        }

        impl ::core::ops::Deref for $view {
            type Target = $crate::object::PyObject;

            #[inline]
            fn deref(&self) -> &$crate::object::PyObject {
                &self.0
            }
        }

        impl ::core::convert::AsRef<$crate::object::PyObject> for $view {
            #[inline]
            fn as_ref(&self) -> &$crate::object::PyObject {
                &self.0
            }
        }

        impl ::core::fmt::Debug for $view {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, "<{} object at {:p}>", self.0.ob_type().name(), &self.0)
            }
        }

        impl $view {
            /// `o` as this view, if it has the view's type (a checked cast).
            #[inline]
            pub fn cast(o: &$crate::object::PyObject) -> Option<&$view> {
                <$view as $crate::view::View>::cast(o)
            }

            /// `o` as this view; `SystemError: bad internal call` if it is not one (see
            /// [`View::cast_internal`]($crate::view::View::cast_internal)).
            ///
            /// # Errors
            /// `SystemError` when `o` does not have the view's type.
            #[inline]
            pub fn cast_internal(
                o: &$crate::object::PyObject,
            ) -> $crate::error::PyResult<&$view> {
                <$view as $crate::view::View>::cast_internal(o)
            }

            /// The view of an object the caller knows to have this type (see
            /// [`View::cast_unchecked`]($crate::view::View::cast_unchecked)).
            ///
            /// # Safety
            /// `o` must have the view's type.
            #[inline]
            pub unsafe fn cast_unchecked(o: &$crate::object::PyObject) -> &$view {
                // SAFETY: the caller's promise, passed on.
                unsafe { <$view as $crate::view::View>::cast_unchecked(o) }
            }
        }
    };
}

/// The error CPython gives when a method descriptor of one type is called on another:
/// `descriptor 'append' for 'list' objects doesn't apply to a 'int' object`.
pub fn descriptor_error(method: &str, owner: &str, got: &PyObject) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{method}' for '{owner}' objects doesn't apply to a '{}' object",
        got.ob_type().name()
    ))
}

/// `PyErr_BadInternalCall`: `SystemError: bad internal call`.
#[cold]
pub fn bad_internal_call() -> PyErr {
    PyErr::new(crate::error::ExcKind::SystemError, "bad internal call")
}
