//! [`Runtime`]: the owner of a heap, like a CPython interpreter.

use pyrt_allocator::{Allocator, Config};
use pyrt_objects::Heap;

use super::python::Python;

/// How to build a [`Runtime`].
///
/// # Example
/// ```
/// use pyrt::{Runtime, RuntimeConfig};
/// let rt = Runtime::with_config(RuntimeConfig::new().debug_allocator(true).memory_limit(64 << 20));
/// rt.with(|py| assert_eq!(py.int(7).unwrap().to_string(), "7"));
/// ```
#[derive(Debug, Default, Clone, Copy)]
pub struct RuntimeConfig {
    debug: bool,
    /// pymalloc off (`PYTHONMALLOC=malloc`); `false` is CPython's default, pymalloc on.
    no_pymalloc: bool,
    memory_limit: Option<usize>,
}

impl RuntimeConfig {
    /// pymalloc, no debug mode, no limit: CPython's defaults.
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::with_config(pyrt::RuntimeConfig::new());
    /// rt.with(|py| assert_eq!(py.malloc_stats().arenas_allocated_current, 0));
    /// ```
    pub fn new() -> Self {
        RuntimeConfig::default()
    }

    /// Runs on the debug allocator, like `PYTHONMALLOC=debug`: each block gets 24 guard bytes.
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::with_config(pyrt::RuntimeConfig::new().debug_allocator(true));
    /// rt.with(|py| {
    ///     let _x = py.float(1.0).unwrap();  // 24 bytes + 24 guard bytes: a 48-byte block
    ///     assert_eq!(py.malloc_stats().class(2).blocks_in_use, 1);
    /// });
    /// ```
    pub fn debug_allocator(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// Whether small blocks come from pymalloc (the default) or, like everything else, from the
    /// system allocator (`PYTHONMALLOC=malloc`; with [`RuntimeConfig::debug_allocator`],
    /// `malloc_debug`).
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::with_config(pyrt::RuntimeConfig::new().pymalloc(false));
    /// rt.with(|py| {
    ///     let _x = py.float(1.0).unwrap();
    ///     assert_eq!(py.malloc_stats().arenas_allocated_current, 0);
    /// });
    /// ```
    pub fn pymalloc(mut self, on: bool) -> Self {
        self.no_pymalloc = !on;
        self
    }

    /// Caps the memory the heap takes from the system; past it, allocations raise `MemoryError`.
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::with_config(pyrt::RuntimeConfig::new().memory_limit(0));
    /// rt.with(|py| assert_eq!(py.float(1.0).unwrap_err().to_string(), "MemoryError"));
    /// ```
    pub fn memory_limit(mut self, bytes: usize) -> Self {
        self.memory_limit = Some(bytes);
        self
    }
}

/// A runtime: one heap of objects with its allocator, singletons and caches.
///
/// # Example
/// ```
/// use pyrt::Runtime;
/// let rt = Runtime::new();
/// let total = rt.with(|py| {
///     let a = py.int(2).unwrap();
///     let b = py.int(40).unwrap();
///     a.add(&b).unwrap().extract::<i64>().unwrap()
/// });
/// assert_eq!(total, 42);
/// ```
pub struct Runtime {
    heap: Heap,
}

impl Default for Runtime {
    fn default() -> Self {
        Runtime::new()
    }
}

impl Runtime {
    /// A runtime with CPython's default configuration.
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::new();
    /// rt.with(|py| assert_eq!(py.none().repr().unwrap(), "None"));
    /// ```
    pub fn new() -> Runtime {
        Runtime::with_config(RuntimeConfig::new())
    }

    /// A runtime built as `config` says.
    ///
    /// # Example
    /// ```
    /// use pyrt::{Runtime, RuntimeConfig};
    /// let rt = Runtime::with_config(RuntimeConfig::new().debug_allocator(true));
    /// rt.with(|py| assert_eq!(py.int(3).unwrap().repr().unwrap(), "3"));
    /// ```
    pub fn with_config(config: RuntimeConfig) -> Runtime {
        let mut alloc = Config::new()
            .debug(config.debug)
            .pymalloc(!config.no_pymalloc);
        if let Some(limit) = config.memory_limit {
            alloc = alloc.memory_limit(limit);
        }
        Runtime {
            heap: Heap::with_allocator(Allocator::with_config(alloc)),
        }
    }

    /// Runs `f` with access to the runtime's objects. Objects cannot outlive the call.
    ///
    /// # Example
    /// ```
    /// let rt = pyrt::Runtime::new();
    /// let text = rt.with(|py| py.float(0.1).unwrap().add(&py.float(0.2).unwrap()).unwrap().repr().unwrap());
    /// assert_eq!(text, "0.30000000000000004");
    /// ```
    pub fn with<R>(&self, f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
        f(Python::new(&self.heap))
    }
}
