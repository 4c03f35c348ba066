//! Where a session's source texts and syntax trees live. The evaluator refers to them as
//! `&'static` (code objects point into their trees, constants are found by node address); the
//! store owns them until the session ends, and the session drops everything that refers to
//! them before the store. Trees are dropped by `pyrt_compiler::parse::drop_body`, whatever their depth.

use std::cell::RefCell;

use ruff_python_ast::Stmt;

/// The texts and trees of one session.
#[derive(Default)]
pub(crate) struct Store {
    texts: RefCell<Vec<Box<str>>>,
    trees: RefCell<Vec<Box<[Stmt]>>>,
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

    /// Keeps a syntax tree and returns it.
    ///
    /// # Safety
    /// As [`Store::keep_text`].
    pub(crate) unsafe fn keep_tree(&self, body: Vec<Stmt>) -> &'static [Stmt] {
        let boxed = body.into_boxed_slice();
        let p: *const [Stmt] = &*boxed;
        self.trees.borrow_mut().push(boxed);
        // SAFETY: as in `keep_text`.
        unsafe { &*p }
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        for tree in self.trees.get_mut().drain(..) {
            pyrt_compiler::parse::drop_body(tree.into_vec());
        }
    }
}
