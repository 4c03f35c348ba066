//! The lookups CPython 3.12's specializing caches speed up, measured on the object layer
//! (`cargo bench -p pyrt-objects --bench lookups`):
//!
//! * `module_dict/get_item`: an interned name looked up in a module-sized dict of 40 str keys
//!   (`LOAD_GLOBAL`/`LOAD_NAME` before specialization);
//! * `module_dict/get_item_equal_str`: the same with an equal str that is not the interned one
//!   (a computed name: `getattr(m, "global_" + "name_17")`);
//! * `module_dict/get_item_absent`: a name the dict does not hold (a builtin looked up in the
//!   globals first);
//! * `module_dict/cached_value`: `LOAD_GLOBAL_MODULE`'s read once specialized: the keys
//!   version checked, the value at the cached index read;
//! * `mro/uncached_walk`: a name found in the root of a 5-class chain by walking the bases'
//!   namespaces, as the tree walker's `class_lookup` does;
//! * `mro/type_lookup`: the same through `_PyType_Lookup`'s method cache (a hit).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use pyrt_objects::type_cache;
use pyrt_objects::types::dict::cache::{KeyIndex, cached_value, keys_version, str_key_index};
use pyrt_objects::types::{class, dict, unicode};
use pyrt_objects::{Heap, Obj, PyTypeObject};

fn name<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::intern(heap, unicode::new_str(heap, text).unwrap()).unwrap()
}

/// A dict of 40 interned names, like a small module's globals.
fn module_dict(heap: &Heap) -> Obj<'_> {
    let d = dict::new_dict(heap).unwrap();
    let view = dict::Dict::cast(d.object()).unwrap();
    for i in 0..40 {
        let key = name(heap, &format!("global_name_{i}"));
        dict::set_item(heap, view, key.clone(), key).unwrap();
    }
    d
}

/// A chain of 5 classes; the root's namespace holds `method` among 10 names, the others 10
/// names of their own.
fn class_chain(heap: &Heap) -> Vec<Obj<'_>> {
    let mut chain: Vec<Obj<'_>> = Vec::new();
    for level in 0..5 {
        let ns = dict::new_dict(heap).unwrap();
        let view = dict::Dict::cast(ns.object()).unwrap();
        for i in 0..10 {
            let key = name(heap, &format!("attr_{level}_{i}"));
            dict::set_item(heap, view, key.clone(), key).unwrap();
        }
        if level == 0 {
            let key = name(heap, "method");
            dict::set_item(heap, view, key.clone(), key).unwrap();
        }
        let base = chain.last().map(Obj::object);
        let cls = class::new_subclass(heap, "C", "__main__", None, base, Some(ns)).unwrap();
        chain.push(cls);
    }
    chain
}

fn as_type<'a>(o: &'a Obj<'_>) -> &'a PyTypeObject {
    pyrt_objects::types::type_object(o.object()).unwrap()
}

/// The tree walker's `class_lookup`: each namespace along the bases, by `dict::get_item`.
fn uncached_walk<'h>(heap: &'h Heap, ty: &PyTypeObject, key: &Obj<'h>) -> Option<Obj<'h>> {
    let mut t = Some(ty);
    while let Some(cur) = t {
        if let Some(d) = class::class_dict(cur).and_then(dict::Dict::cast)
            && let Ok(Some(v)) = dict::get_item(heap, d, key.object())
        {
            return Some(v);
        }
        t = cur.base();
    }
    None
}

fn lookups(c: &mut Criterion) {
    let heap = Heap::new();
    let globals = module_dict(&heap);
    let view = dict::Dict::cast(globals.object()).unwrap();
    let key = name(&heap, "global_name_17");
    c.bench_function("module_dict/get_item", |b| {
        b.iter(|| black_box(dict::get_item(&heap, view, black_box(key.object())).unwrap()))
    });
    let fresh = unicode::new_str_fresh(&heap, "global_name_17").unwrap();
    c.bench_function("module_dict/get_item_equal_str", |b| {
        b.iter(|| black_box(dict::get_item(&heap, view, black_box(fresh.object())).unwrap()))
    });
    let absent = name(&heap, "len");
    c.bench_function("module_dict/get_item_absent", |b| {
        b.iter(|| black_box(dict::get_item(&heap, view, black_box(absent.object())).unwrap()))
    });
    let version = keys_version(&heap, view);
    let KeyIndex::Found(ix) = str_key_index(&heap, view, key.object()) else {
        panic!("global_name_17 is in the dict");
    };
    c.bench_function("module_dict/cached_value", |b| {
        b.iter(|| black_box(cached_value(view, black_box(version), black_box(ix))))
    });
    let chain = class_chain(&heap);
    let leaf = as_type(chain.last().unwrap());
    let method = name(&heap, "method");
    c.bench_function("mro/uncached_walk", |b| {
        b.iter(|| black_box(uncached_walk(&heap, black_box(leaf), &method)))
    });
    c.bench_function("mro/type_lookup", |b| {
        b.iter(|| {
            black_box(type_cache::type_lookup(
                &heap,
                black_box(leaf),
                method.object(),
            ))
        })
    });
}

criterion_group!(benches, lookups);
criterion_main!(benches);
