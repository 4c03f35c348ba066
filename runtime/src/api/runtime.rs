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
    memory_limit: Option<usize>,
}

impl RuntimeConfig {
    /// pymalloc, no debug mode, no limit: CPython's defaults.
    pub fn new() -> Self {
        RuntimeConfig::default()
    }

    /// Runs on the debug allocator, like `PYTHONMALLOC=debug`.
    pub fn debug_allocator(mut self, on: bool) -> Self {
        self.debug = on;
        self
    }

    /// Caps the memory the heap takes from the system; past it, allocations raise `MemoryError`.
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
    pub fn new() -> Runtime {
        Runtime::with_config(RuntimeConfig::new())
    }

    /// A runtime built as `config` says.
    pub fn with_config(config: RuntimeConfig) -> Runtime {
        let mut alloc = Config::new().debug(config.debug);
        if let Some(limit) = config.memory_limit {
            alloc = alloc.memory_limit(limit);
        }
        Runtime {
            heap: Heap::with_allocator(Allocator::with_config(alloc)),
        }
    }

    /// Runs `f` with access to the runtime's objects. Objects cannot outlive the call.
    pub fn with<R>(&self, f: impl for<'py> FnOnce(Python<'py>) -> R) -> R {
        f(Python::new(&self.heap))
    }
}
