//! Exception objects carried by [`PyErr`]: how an exception raised by Python code running
//! inside the object layer (a key function, `__eq__`, `__hash__`, `__repr__` once user special
//! methods fill slots) travels up through `PyResult` unchanged, the role of CPython's
//! `tstate->current_exception` (`Python/errors.c`).
//!
//! A [`PyErr`] has no lifetime, so it cannot own an `Obj<'h>`. Instead the heap keeps the
//! reference: [`Heap::raise_object`] puts the exception in the heap's stash, next to a weak
//! link to a token that the `PyErr` (and its clones) hold. [`Heap::raised_object`] gives the
//! object back as a new reference to whoever handles the error (the interpreter, which then
//! raises that very object). When every copy of the `PyErr` is gone, the entry is dead and the
//! stash releases its reference at the next [`Heap::raise_object`] or
//! [`Heap::release_dead_raised`] (the interpreter calls it at its safe points).
//!
//! The `PyErr` holds no pointer it could follow: the object is reached only through a live
//! `&Heap` whose id matches, and only while the entry is alive, so a `PyErr` that outlives its
//! heap is inert (it still displays its summary).

use core::any::Any;
use core::sync::atomic::{AtomicU64, Ordering};
use std::rc::{Rc, Weak};

use crate::error::PyErr;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::ObjPtr;

/// A heap's identity, unique for the process's lifetime (never reused).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct HeapId(u64);

impl HeapId {
    pub(crate) fn fresh() -> HeapId {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        HeapId(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

/// The part of a [`PyErr`] that names a stashed exception object.
#[derive(Clone, Debug)]
pub(crate) struct RaisedRef {
    heap: HeapId,
    token: Rc<()>,
}

impl PartialEq for RaisedRef {
    fn eq(&self, other: &RaisedRef) -> bool {
        self.heap == other.heap && Rc::ptr_eq(&self.token, &other.token)
    }
}

impl Eq for RaisedRef {}

impl RaisedRef {
    fn is(&self, entry: &Entry) -> bool {
        entry
            .token
            .upgrade()
            .is_some_and(|t| Rc::ptr_eq(&t, &self.token))
    }
}

/// One stashed exception: the heap's reference to it, and what the raiser attached (the
/// interpreter's traceback).
struct Entry {
    token: Weak<()>,
    object: ObjPtr,
    payload: Option<Box<dyn Any>>,
}

/// The heap's stashed exceptions.
#[derive(Default)]
pub(crate) struct RaisedStash {
    entries: core::cell::RefCell<Vec<Entry>>,
}

impl RaisedStash {
    /// Takes out the entries no `PyErr` names any more.
    fn take_dead(&self) -> Vec<Entry> {
        let mut entries = self.entries.borrow_mut();
        let (dead, live) = entries.drain(..).partition(|e| e.token.strong_count() == 0);
        *entries = live;
        dead
    }
}

impl Heap {
    /// An error carrying the exception object `exc`, described by `summary` (its kind and
    /// message, for `Display` and for code that only looks at the kind). `payload` is for the
    /// raiser's own use (the interpreter attaches the traceback so far).
    ///
    /// # Example
    /// ```
    /// use pyrt_objects::{ExcKind, Heap, PyErr, types::unicode};
    /// let heap = Heap::new();
    /// let exc = unicode::new_str(&heap, "stands in for an exception").unwrap();
    /// let err = heap.raise_object(exc.clone(), PyErr::new(ExcKind::ValueError, "bad"), None);
    /// assert_eq!(err.to_string(), "ValueError: bad");
    /// assert!(heap.raised_object(&err).unwrap().is(&exc));
    /// ```
    pub fn raise_object(
        &self,
        exc: Obj<'_>,
        summary: PyErr,
        payload: Option<Box<dyn Any>>,
    ) -> PyErr {
        self.release_dead_raised();
        let token = Rc::new(());
        self.raised.entries.borrow_mut().push(Entry {
            token: Rc::downgrade(&token),
            object: exc.into_ptr(),
            payload,
        });
        summary.with_raised(RaisedRef {
            heap: self.id,
            token,
        })
    }

    /// The exception object `err` carries, as a new reference, if it was raised on this heap
    /// by [`Heap::raise_object`].
    pub fn raised_object<'h>(&'h self, err: &PyErr) -> Option<Obj<'h>> {
        let r = err.raised().filter(|r| r.heap == self.id)?;
        let entries = self.raised.entries.borrow();
        let entry = entries.iter().find(|e| r.is(e))?;
        // SAFETY: the stash holds a reference to the object while its entry lives.
        Some(unsafe { Obj::from_borrowed(self, entry.object.as_ref()) })
    }

    /// Takes the payload attached to `err`'s exception by [`Heap::raise_object`].
    pub fn take_raised_payload(&self, err: &PyErr) -> Option<Box<dyn Any>> {
        let r = err.raised().filter(|r| r.heap == self.id)?;
        let mut entries = self.raised.entries.borrow_mut();
        entries.iter_mut().find(|e| r.is(e))?.payload.take()
    }

    /// Releases the exceptions of errors that were dropped without being handled (as
    /// `PyErr_Clear` would have).
    #[inline]
    pub fn release_dead_raised(&self) {
        if !self.raised.entries.borrow().is_empty() {
            self.release_dead_raised_slow();
        }
    }

    #[cold]
    fn release_dead_raised_slow(&self) {
        for entry in self.raised.take_dead() {
            drop(entry.payload);
            // SAFETY: the stash owned this reference; the entry is gone from the stash, so it
            // is released once (a `__del__` it runs may stash again: the borrow is over).
            unsafe { self.decref(entry.object) };
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::types::unicode;
    use crate::{ExcKind, Heap, PyErr};

    #[test]
    fn a_dropped_error_releases_its_object_at_the_next_safe_point() {
        let heap = Heap::new();
        let exc = unicode::new_str(&heap, "some exception object").unwrap();
        let base = exc.object().refcnt();
        let err = heap.raise_object(exc.clone(), PyErr::new(ExcKind::TypeError, "t"), None);
        let copy = err.clone();
        assert_eq!(
            exc.object().refcnt(),
            base + 1,
            "the stash holds one reference"
        );
        drop(err);
        heap.release_dead_raised();
        assert_eq!(exc.object().refcnt(), base + 1, "a copy still names it");
        assert!(heap.raised_object(&copy).unwrap().is(&exc));
        drop(copy);
        heap.release_dead_raised();
        assert_eq!(exc.object().refcnt(), base, "released");
    }

    #[test]
    fn another_heap_does_not_see_the_object() {
        let (a, b) = (Heap::new(), Heap::new());
        let exc = unicode::new_str(&a, "x").unwrap();
        let err = a.raise_object(
            exc,
            PyErr::new(ExcKind::ValueError, "v"),
            Some(Box::new(7u8)),
        );
        assert!(b.raised_object(&err).is_none());
        assert!(b.take_raised_payload(&err).is_none());
        let payload = a.take_raised_payload(&err).unwrap();
        assert_eq!(payload.downcast_ref::<u8>(), Some(&7));
        assert!(a.take_raised_payload(&err).is_none(), "taken once");
        drop(a);
        assert_eq!(
            err.to_string(),
            "ValueError: v",
            "an error outliving its heap is inert"
        );
    }
}
