//! Where a session's source texts live. Code objects' line tables and the tracebacks refer to
//! the text as `&'static` ([`pyrt_compiler::parse::Lines`]); the store owns the texts until the
//! session ends, and the session drops everything that refers to them before the store.

use std::cell::RefCell;

/// The source texts of one session.
#[derive(Default)]
pub(crate) struct Store {
    texts: RefCell<Vec<Box<str>>>,
}

impl Store {
    /// Keeps a copy of `text` and returns it.
    ///
    /// # Safety
    /// The reference must not be used after the store is dropped.
    pub(crate) unsafe fn keep_text(&self, text: &str) -> &'static str {
        let boxed: Box<str> = text.into();
        let p: *const str = &*boxed;
        self.texts.borrow_mut().push(boxed);
        // SAFETY: the box's contents do not move when the box moves into the store, which keeps
        // them until it is dropped (the caller does not use the reference after that).
        unsafe { &*p }
    }
}
