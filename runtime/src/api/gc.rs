//! The `gc` module and `weakref.ref` through the public API (`Modules/gcmodule.c`,
//! `Objects/weakrefobject.c`): collections, the collector's settings and counts, tracking, the
//! generations' objects, referrers and referents, and weak references.
//!
//! Automatic collections run as in CPython: when generation 0's allocation count passes its
//! threshold, the next handle the API gives out ([`Bound`] creation is pyrt's eval breaker
//! for Rust code) runs the collection. Rust code installs no finalizers, so objects of classes
//! with `__del__` are collected without running it, and weak-reference callbacks are scripts'
//! business (`pyrt run`).

use pyrt_gc::{GenerationStats, NUM_GENERATIONS};
use pyrt_objects::types::weakref;
use pyrt_objects::{ExcKind, PyErr, PyResult};

use super::bound::Bound;
use super::python::Python;
use super::types::{PyAny, PyWeakref};

fn invalid_generation() -> PyErr {
    PyErr::new(ExcKind::ValueError, "invalid generation")
}

impl<'py> Python<'py> {
    /// `gc.collect(generation)`: collects generations `0..=generation` and returns the number
    /// of unreachable objects found (collected plus uncollectable).
    ///
    /// # Errors
    /// `ValueError: invalid generation` unless `generation` is 0, 1 or 2.
    ///
    /// # Example
    /// ```
    /// use pyrt::PyList;
    /// pyrt::Runtime::new().with(|py| {
    ///     py.gc_collect(2).unwrap();
    ///     let l = py.list::<PyList>([]).unwrap();
    ///     l.append(&l).unwrap();
    ///     drop(l); // refcounting cannot free a list that contains itself
    ///     assert_eq!(py.gc_collect(2).unwrap(), 1);
    ///     assert_eq!(py.gc_collect(2).unwrap(), 0);
    /// });
    /// ```
    pub fn gc_collect(self, generation: usize) -> PyResult<usize> {
        let collected = self
            .heap()
            .collect(generation)
            .map_err(|_| invalid_generation())?;
        Ok(collected.total())
    }

    /// `gc.enable()` / `gc.disable()`: switches automatic collection.
    pub fn gc_set_enabled(self, enabled: bool) {
        self.heap().collector().set_enabled(enabled);
    }

    /// `gc.isenabled()`.
    pub fn gc_is_enabled(self) -> bool {
        self.heap().collector().is_enabled()
    }

    /// `gc.get_count()`: generation 0's allocations minus deallocations since its last
    /// collection, and the collections of the younger generation since each older one's.
    ///
    /// # Example
    /// ```
    /// use pyrt::PyList;
    /// pyrt::Runtime::new().with(|py| {
    ///     py.gc_collect(2).unwrap();
    ///     let _a = py.list::<PyList>([]).unwrap();
    ///     let _d = py.dict().unwrap(); // dicts count even while untracked
    ///     assert_eq!(py.gc_count(), [2, 0, 0]);
    /// });
    /// ```
    pub fn gc_count(self) -> [usize; NUM_GENERATIONS] {
        self.heap().collector().counts()
    }

    /// `gc.get_threshold()`: `[700, 10, 10]` unless changed.
    pub fn gc_threshold(self) -> [usize; NUM_GENERATIONS] {
        self.heap().collector().thresholds()
    }

    /// `gc.set_threshold(...)`: sets the first `thresholds.len()` thresholds (at most three).
    pub fn gc_set_threshold(self, thresholds: &[usize]) {
        self.heap().collector().set_thresholds(thresholds);
    }

    /// `gc.set_debug(flags)` (see [`pyrt_gc::debug`]: `DEBUG_SAVEALL` keeps the unreachable
    /// objects for [`Python::gc_take_garbage`] instead of freeing them).
    pub fn gc_set_debug(self, flags: u32) {
        self.heap().collector().set_debug_flags(flags);
    }

    /// `gc.get_debug()`.
    pub fn gc_debug(self) -> u32 {
        self.heap().collector().debug_flags()
    }

    /// `gc.is_tracked(obj)`.
    ///
    /// # Example
    /// ```
    /// use pyrt::PyList;
    /// pyrt::Runtime::new().with(|py| {
    ///     let d = py.dict().unwrap();
    ///     assert!(!py.gc_is_tracked(&d), "a dict of atoms is not tracked");
    ///     d.set_item(&py.str("k").unwrap(), &py.list::<PyList>([]).unwrap()).unwrap();
    ///     assert!(py.gc_is_tracked(&d), "a list value makes it tracked");
    /// });
    /// ```
    pub fn gc_is_tracked<T>(self, obj: &Bound<'py, T>) -> bool {
        self.heap().is_tracked(obj.as_object())
    }

    /// `gc.is_finalized(obj)`: whether the object's `__del__` already ran.
    pub fn gc_is_finalized<T>(self, obj: &Bound<'py, T>) -> bool {
        self.heap().is_finalized(obj.as_object())
    }

    /// `gc.get_objects(generation)`: the tracked objects of one generation, or of all three.
    ///
    /// # Errors
    /// `ValueError: invalid generation` for a generation above 2.
    pub fn gc_objects(self, generation: Option<usize>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let objects = self
            .heap()
            .gc_objects(generation)
            .map_err(|_| invalid_generation())?;
        Ok(objects.into_iter().map(Bound::from_obj).collect())
    }

    /// `gc.get_referrers(*objs)`: the tracked objects that refer to any of `objs`.
    pub fn gc_referrers(self, objs: &[&Bound<'py, PyAny>]) -> Vec<Bound<'py, PyAny>> {
        let objs: Vec<_> = objs.iter().map(|o| o.as_object()).collect();
        let found = self.heap().referrers(&objs);
        found.into_iter().map(Bound::from_obj).collect()
    }

    /// `gc.get_referents(*objs)`: what the GC objects among `objs` refer to, in `tp_traverse`
    /// order (unlike [`Bound::referents`], a `str`-keyed dict's keys are left out, as CPython
    /// leaves them out).
    pub fn gc_referents(self, objs: &[&Bound<'py, PyAny>]) -> Vec<Bound<'py, PyAny>> {
        let objs: Vec<_> = objs.iter().map(|o| o.as_object()).collect();
        let found = self.heap().referents(&objs);
        found.into_iter().map(Bound::from_obj).collect()
    }

    /// `gc.get_stats()`: collections, collected and uncollectable objects per generation.
    pub fn gc_stats(self) -> [GenerationStats; NUM_GENERATIONS] {
        self.heap().collector().stats()
    }

    /// `gc.freeze()`: moves every tracked object to the permanent generation.
    pub fn gc_freeze(self) {
        self.heap().collector().freeze();
    }

    /// `gc.unfreeze()`: moves the permanent generation back into the oldest.
    pub fn gc_unfreeze(self) {
        self.heap().collector().unfreeze();
    }

    /// `gc.get_freeze_count()`.
    pub fn gc_freeze_count(self) -> usize {
        self.heap().collector().freeze_count()
    }

    /// Takes the objects collections saved (what scripts see in `gc.garbage`).
    pub fn gc_take_garbage(self) -> Vec<Bound<'py, PyAny>> {
        let saved = self.heap().take_garbage();
        saved.into_iter().map(Bound::from_obj).collect()
    }

    /// `weakref.ref(obj)`: a weak reference (the existing one if `obj` already has one).
    ///
    /// # Errors
    /// `TypeError: cannot create weak reference to 'list' object` for types without weak
    /// references (instances of classes and sets have them).
    ///
    /// # Example
    /// ```
    /// pyrt::Runtime::new().with(|py| {
    ///     let s = py.set::<pyrt::PyInt>([]).unwrap();
    ///     let r = py.weakref(&s).unwrap();
    ///     assert!(r.upgrade().unwrap().is(&s));
    ///     drop(s);
    ///     assert!(r.upgrade().is_none());
    /// });
    /// ```
    pub fn weakref<T>(self, obj: &Bound<'py, T>) -> PyResult<Bound<'py, PyWeakref>> {
        weakref::new_ref(self.heap(), obj.as_object(), None).map(Bound::from_obj)
    }
}

impl<'py> Bound<'py, PyWeakref> {
    /// `r()`: the referent, or `None` once it died.
    pub fn upgrade(&self) -> Option<Bound<'py, PyAny>> {
        weakref::referent(self.py().heap(), self.view()).map(Bound::from_obj)
    }
}
