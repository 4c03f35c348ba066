//! `tracemalloc`'s basic functions through the public API: start and stop tracing the
//! allocator, and read the traced memory (`Python/tracemalloc.c`: sizes are the requested
//! sizes, an object's including its GC header and pre-header).

use super::python::Python;

impl<'py> Python<'py> {
    /// `tracemalloc.start()`: traces every block allocated from now on.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     py.tracemalloc_start();
    ///     let s = py.str("hello").unwrap();
    ///     assert_eq!(py.get_traced_memory(), (46, 46), "40 bytes of header, 5 + 1 of text");
    ///     drop(s);
    ///     assert_eq!(py.get_traced_memory(), (0, 46));
    ///     py.tracemalloc_stop();
    /// });
    /// ```
    pub fn tracemalloc_start(self) {
        self.heap().with_allocator_mut(|a| a.start_tracing());
    }

    /// `tracemalloc.stop()`: stops tracing and forgets every trace.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     py.tracemalloc_start();
    ///     let _x = py.float(1.5).unwrap();
    ///     py.tracemalloc_stop();
    ///     assert_eq!(py.get_traced_memory(), (0, 0));
    /// });
    /// ```
    pub fn tracemalloc_stop(self) {
        self.heap().with_allocator_mut(|a| a.stop_tracing());
    }

    /// `tracemalloc.get_traced_memory()`: `(current, peak)` bytes of traced blocks, as
    /// requested; `(0, 0)` when not tracing.
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let cls = py.class("C").unwrap();
    ///     py.tracemalloc_start();
    ///     let _c = cls.call0().unwrap();
    ///     assert_eq!(py.get_traced_memory().0, 48 + 264, "the instance and its 29 values");
    /// });
    /// ```
    pub fn get_traced_memory(self) -> (usize, usize) {
        let m = self.heap().with_allocator_mut(|a| a.traced_memory());
        (m.current, m.peak)
    }
}
