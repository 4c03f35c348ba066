//! The object-layer support of CPython 3.12's specializing caches: dict keys versions
//! (`LOAD_GLOBAL_MODULE`/`_BUILTIN`), shared-keys indices of instances
//! (`LOAD_ATTR_INSTANCE_VALUE`), type version tags and the method cache (`_PyType_Lookup`).
//!
//! CPython shows keys versions nowhere, so their rules (from `Objects/dictobject.c` 3.12) are
//! checked directly and by their invariant: a cached `(version, index)` pair is never stale.
//! Type versions are compared with CPython's own through `_testcapi.type_assign_version` and
//! `type_get_version`; the method cache is checked against a model of the class namespaces.

use std::collections::BTreeMap;

use proptest::prelude::*;
use pyrt_objects::type_cache::{
    self, method_cache_stats, type_lookup, type_modified, type_version,
};
use pyrt_objects::types::class::{self, Class};
use pyrt_objects::types::dict::cache::{
    KeyIndex, cached_value, has_keys_version, keys_version, str_key_index,
};
use pyrt_objects::types::dict::managed::{
    ManagedInstance, has_inline_values, instance_value, store_instance_value,
};
use pyrt_objects::types::dict::{self, Dict};
use pyrt_objects::types::{long, type_object, unicode};
use pyrt_objects::{Heap, Obj, PyTypeObject, abstract_};
use pyrt_tests::cross_check;

fn name<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::intern(heap, unicode::new_str(heap, text).unwrap()).unwrap()
}

fn int(heap: &Heap, v: i64) -> Obj<'_> {
    long::int_from_i64(heap, v).unwrap()
}

fn view<'a>(d: &'a Obj<'_>) -> &'a Dict {
    Dict::cast(d.object()).unwrap()
}

// ---------------------------------------------------------------- dict keys versions

/// The rules of `dk_version`: the shared empty keys are 1; a version is given on demand from a
/// counter starting at 2; adding or deleting a key drops it, replacing a value does not; a
/// resize gives new keys; `clear()` goes back to the empty keys.
#[test]
fn keys_versions_change_exactly_when_the_keys_do() {
    let heap = Heap::new();
    let d = dict::new_dict(&heap).unwrap();
    let v = view(&d);
    assert_eq!(keys_version(&heap, v), 1, "Py_EMPTY_KEYS has version 1");
    dict::set_item(&heap, v, name(&heap, "a"), int(&heap, 1)).unwrap();
    let first = keys_version(&heap, v);
    assert_eq!(first, 2, "next_keys_version starts at 2");
    assert_eq!(
        keys_version(&heap, v),
        first,
        "asking again gives the same version"
    );
    dict::set_item(&heap, v, name(&heap, "a"), int(&heap, 2)).unwrap();
    assert_eq!(
        keys_version(&heap, v),
        first,
        "a new value keeps the version"
    );
    dict::set_item(&heap, v, name(&heap, "b"), int(&heap, 3)).unwrap();
    let second = keys_version(&heap, v);
    assert_eq!(second, 3, "a new key drops the version; the next is given");
    dict::del_item(&heap, v, name(&heap, "a").object()).unwrap();
    let third = keys_version(&heap, v);
    assert_eq!(third, 4, "a deletion drops the version");
    for i in 0..10 {
        dict::set_item(&heap, v, name(&heap, &format!("k{i}")), int(&heap, i)).unwrap();
    }
    assert_eq!(
        keys_version(&heap, v),
        5,
        "growing through a resize gives new keys"
    );
    dict::methods::popitem(&heap, v).unwrap();
    assert_eq!(keys_version(&heap, v), 6, "popitem drops the version");
    dict::clear(&heap, v);
    assert_eq!(
        keys_version(&heap, v),
        1,
        "clear() returns to the empty keys"
    );
    // A failed deletion changes nothing.
    dict::set_item(&heap, v, name(&heap, "z"), int(&heap, 0)).unwrap();
    let before = keys_version(&heap, v);
    assert!(
        dict::pop(&heap, v, name(&heap, "absent").object())
            .unwrap()
            .is_none()
    );
    assert_eq!(keys_version(&heap, v), before);
}

/// `next_keys_version` sticks at 0 once it wraps: no version, nothing to cache.
#[test]
fn keys_versions_run_out_at_zero() {
    let heap = Heap::new();
    heap.set_next_dict_keys_version(u32::MAX);
    let d = dict::new_dict(&heap).unwrap();
    let v = view(&d);
    dict::set_item(&heap, v, name(&heap, "a"), int(&heap, 1)).unwrap();
    assert_eq!(keys_version(&heap, v), u32::MAX);
    dict::set_item(&heap, v, name(&heap, "b"), int(&heap, 1)).unwrap();
    assert_eq!(keys_version(&heap, v), 0);
    assert_eq!(keys_version(&heap, v), 0);
    assert!(cached_value(v, 0, 0).is_none(), "version 0 never matches");
}

/// `str_key_index` finds a name by identity or by equal text (a str that is not the
/// interned one), answers `Absent` for a missing name and `Unsupported` for a table with a
/// key that is not a str, or a name that is not an exact str.
#[test]
fn str_key_index_follows_unicodekeys_lookup_unicode() {
    let heap = Heap::new();
    let d = dict::new_dict(&heap).unwrap();
    let v = view(&d);
    for (i, n) in ["x", "y", "é", "ж", "𝔘"].iter().enumerate() {
        dict::set_item(&heap, v, name(&heap, n), int(&heap, i as i64)).unwrap();
    }
    for (i, n) in ["x", "y", "é", "ж", "𝔘"].iter().enumerate() {
        let fresh = unicode::new_str_fresh(&heap, n).unwrap();
        assert_eq!(str_key_index(&heap, v, fresh.object()), KeyIndex::Found(i));
        assert_eq!(
            str_key_index(&heap, v, name(&heap, n).object()),
            KeyIndex::Found(i)
        );
    }
    assert_eq!(
        str_key_index(&heap, v, name(&heap, "w").object()),
        KeyIndex::Absent
    );
    assert_eq!(
        str_key_index(&heap, v, int(&heap, 1).object()),
        KeyIndex::Unsupported
    );
    let version = keys_version(&heap, v);
    let y = cached_value(v, version, 1).unwrap();
    // SAFETY: the dict holds the value.
    assert_eq!(abstract_::repr(&heap, unsafe { y.as_ref() }).unwrap(), "1");
    dict::set_item(&heap, v, int(&heap, 7), int(&heap, 7)).unwrap();
    assert_eq!(
        str_key_index(&heap, v, name(&heap, "x").object()),
        KeyIndex::Unsupported
    );
    assert!(
        cached_value(v, version, 1).is_none(),
        "the resize to a general table"
    );
}

/// One step of a dict program.
#[derive(Clone, Debug)]
enum DictOp {
    /// `d[names[i]] = value`.
    Set(usize, i64),
    /// `d[i] = value`: a key that is not a str.
    SetInt(i64),
    /// `d.pop(names[i], None)`.
    Del(usize),
    /// `d.popitem()` when not empty.
    PopItem,
    /// `d.clear()`.
    Clear,
    /// `d.update(other)` with a few names.
    Update(Vec<usize>),
    /// Cache `(keys_version, str_key_index)` of `names[i]`, as the specializer does.
    Cache(usize),
}

fn dict_op() -> impl Strategy<Value = DictOp> {
    prop_oneof![
        6 => (0..24usize, 0..1000i64).prop_map(|(i, v)| DictOp::Set(i, v)),
        1 => (0..5i64).prop_map(DictOp::SetInt),
        3 => (0..24usize).prop_map(DictOp::Del),
        1 => Just(DictOp::PopItem),
        1 => Just(DictOp::Clear),
        1 => prop::collection::vec(0..24usize, 0..6).prop_map(DictOp::Update),
        4 => (0..24usize).prop_map(DictOp::Cache),
    ]
}

/// The model's key for a name or an int.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Name(usize),
    Int(i64),
}

fn apply_dict_op<'h>(
    heap: &'h Heap,
    d: &Dict,
    names: &[Obj<'h>],
    model: &mut BTreeMap<Key, i64>,
    order: &mut Vec<Key>,
    op: &DictOp,
) {
    let mut set = |key: Key, obj: Obj<'h>, value: i64| {
        dict::set_item(heap, d, obj, int(heap, value)).unwrap();
        if model.insert(key.clone(), value).is_none() {
            order.push(key);
        }
    };
    match op {
        DictOp::Set(i, value) => set(Key::Name(*i), names[*i].clone(), *value),
        DictOp::SetInt(i) => set(Key::Int(*i), int(heap, *i), *i),
        DictOp::Update(ixs) => {
            let other = dict::new_dict(heap).unwrap();
            for &i in ixs {
                dict::set_item(heap, view(&other), names[i].clone(), int(heap, i as i64)).unwrap();
            }
            dict::merge(heap, d, view(&other)).unwrap();
            for &i in ixs {
                set(Key::Name(i), names[i].clone(), i as i64);
            }
        }
        DictOp::Del(i) => {
            let popped = dict::pop(heap, d, names[*i].object()).unwrap();
            assert_eq!(popped.is_some(), model.remove(&Key::Name(*i)).is_some());
            order.retain(|k| *k != Key::Name(*i));
        }
        DictOp::PopItem if !model.is_empty() => {
            dict::methods::popitem(heap, d).unwrap();
            let last = order.pop().unwrap();
            model.remove(&last);
        }
        DictOp::PopItem | DictOp::Cache(_) => {}
        DictOp::Clear => {
            dict::clear(heap, d);
            model.clear();
            order.clear();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random programs of inserts, deletions, resizes, updates and clears, caching
    /// `(version, index)` pairs as the specializer would: whenever the dict's keys have a
    /// cached version again, the cached index still holds the cached name, and
    /// `cached_value` reads exactly what a lookup finds. The dict always equals the model.
    #[test]
    fn a_cached_version_and_index_are_never_stale(
        ops in prop::collection::vec(dict_op(), 1..120),
    ) {
        let heap = Heap::new();
        let names: Vec<Obj<'_>> = (0..24).map(|i| name(&heap, &format!("n{i}"))).collect();
        let d = dict::new_dict(&heap).unwrap();
        let v = view(&d);
        let mut model = BTreeMap::new();
        let mut order = Vec::new();
        let mut cached: Vec<(u32, usize, usize)> = Vec::new();
        for op in &ops {
            apply_dict_op(&heap, v, &names, &mut model, &mut order, op);
            if let DictOp::Cache(i) = op
                && let KeyIndex::Found(ix) = str_key_index(&heap, v, names[*i].object())
            {
                let version = keys_version(&heap, v);
                prop_assert!(version >= 2);
                cached.push((version, ix, *i));
            }
            for &(version, ix, i) in &cached {
                if !has_keys_version(v, version) {
                    prop_assert!(cached_value(v, version, ix).is_none());
                    continue;
                }
                prop_assert_eq!(str_key_index(&heap, v, names[i].object()), KeyIndex::Found(ix));
                let found = dict::lookup_value(&heap, v, names[i].object()).unwrap();
                prop_assert_eq!(cached_value(v, version, ix), found);
            }
            prop_assert_eq!(dict::dict_len(v), model.len());
            for (i, n) in names.iter().enumerate() {
                let got = dict::get_item(&heap, v, n.object()).unwrap()
                    .map(|o| abstract_::repr(&heap, o.object()).unwrap());
                prop_assert_eq!(got, model.get(&Key::Name(i)).map(|x| x.to_string()));
            }
        }
    }
}

// ---------------------------------------------------------------- shared keys of instances

fn plain_class<'h>(heap: &'h Heap, cls_name: &str, base: Option<&Obj<'h>>) -> Obj<'h> {
    let ns = dict::new_dict(heap).unwrap();
    class::new_subclass(
        heap,
        cls_name,
        "__main__",
        None,
        base.map(Obj::object),
        Some(ns),
    )
    .unwrap()
}

fn ty<'a>(o: &'a Obj<'_>) -> &'a PyTypeObject {
    type_object(o.object()).unwrap()
}

/// `LOAD_ATTR_INSTANCE_VALUE` and `STORE_ATTR_INSTANCE_VALUE`: the index of a name in the
/// class's shared keys reads and writes every instance's inline values, until an instance's
/// `__dict__` is materialised (then the fast path declines).
#[test]
fn shared_key_indices_read_and_write_inline_values() {
    let heap = Heap::new();
    let cls = plain_class(&heap, "P", None);
    let c = Class::cast(cls.object()).unwrap();
    let a = class::new_instance(&heap, c).unwrap();
    let b = class::new_instance(&heap, c).unwrap();
    abstract_::setattr(&heap, a.object(), "x", int(&heap, 1).object()).unwrap();
    abstract_::setattr(&heap, a.object(), "y", int(&heap, 2).object()).unwrap();
    abstract_::setattr(&heap, b.object(), "y", int(&heap, 20).object()).unwrap();
    let x_ix = class::shared_key_index(&heap, ty(&cls), name(&heap, "x").object()).unwrap();
    let y_ix = class::shared_key_index(&heap, ty(&cls), name(&heap, "y").object()).unwrap();
    assert_eq!((x_ix, y_ix), (0, 1));
    assert_eq!(
        class::shared_key_index(&heap, ty(&cls), name(&heap, "z").object()),
        None
    );
    let (ma, mb) = (
        ManagedInstance::cast(a.object()).unwrap(),
        ManagedInstance::cast(b.object()).unwrap(),
    );
    let read = |m: &ManagedInstance, ix| {
        // SAFETY: the instance holds the value.
        instance_value(m, ix).map(|p| abstract_::repr(&heap, unsafe { p.as_ref() }).unwrap())
    };
    assert_eq!(read(ma, y_ix).as_deref(), Some("2"));
    assert_eq!(read(mb, y_ix).as_deref(), Some("20"));
    // The shared keys' version: kept by new values, changed by a new name.
    let k = class::class_keys(ty(&cls)).unwrap();
    let kv = k.version(&heap);
    abstract_::setattr(&heap, a.object(), "x", int(&heap, 5).object()).unwrap();
    assert!(k.has_version(kv));
    abstract_::setattr(&heap, a.object(), "w", int(&heap, 6).object()).unwrap();
    assert!(!k.has_version(kv));
    assert_ne!(k.version(&heap), kv);
    assert!(has_inline_values(ma));
    assert_eq!(read(mb, x_ix), None, "an empty slot deoptimizes");
    assert_eq!(read(ma, 29), None, "not an index of the shared keys");
    assert!(store_instance_value(&heap, mb, x_ix, int(&heap, 10)).is_ok());
    let got = abstract_::getattr(&heap, b.object(), "x").unwrap();
    assert_eq!(abstract_::repr(&heap, got.object()).unwrap(), "10");
    assert!(store_instance_value(&heap, mb, 29, int(&heap, 0)).is_err());
    // The insertion order follows the stores: b.__dict__ is {'y': 20, 'x': 10}.
    let bd = abstract_::getattr(&heap, b.object(), "__dict__").unwrap();
    assert_eq!(
        abstract_::repr(&heap, bd.object()).unwrap(),
        "{'y': 20, 'x': 10}"
    );
    assert_eq!(read(mb, y_ix), None, "a materialised dict deoptimizes");
    assert!(!has_inline_values(mb));
    assert!(store_instance_value(&heap, mb, y_ix, int(&heap, 0)).is_err());
    assert_eq!(read(ma, y_ix).as_deref(), Some("2"));
}

// ---------------------------------------------------------------- type versions

/// A class chain `A <- B <- C` and a sibling `D(A)`.
struct Family<'h> {
    classes: Vec<Obj<'h>>,
}

impl<'h> Family<'h> {
    fn new(heap: &'h Heap) -> Family<'h> {
        let a = plain_class(heap, "A", None);
        let b = plain_class(heap, "B", Some(&a));
        let c = plain_class(heap, "C", Some(&b));
        let d = plain_class(heap, "D", Some(&a));
        Family {
            classes: vec![a, b, c, d],
        }
    }

    fn class(&self, i: usize) -> &Class {
        Class::cast(self.classes[i].object()).unwrap()
    }

    fn tags(&self) -> Vec<u32> {
        self.classes.iter().map(|c| ty(c).version_tag()).collect()
    }
}

/// The scenario run in both pyrt and CPython: each step assigns versions, sets or deletes a
/// class attribute, then reports every class's tag.
const VERSION_SCENARIO: &[(&str, usize, &str)] = &[
    ("assign", 2, ""),
    ("assign", 3, ""),
    ("set", 0, "x"),
    ("assign", 1, ""),
    ("assign", 2, ""),
    ("set", 2, "y"),
    ("assign", 2, ""),
    ("assign", 3, ""),
    ("set", 1, "z"),
    ("assign", 2, ""),
    ("del", 1, "z"),
    ("assign", 3, ""),
    ("assign", 2, ""),
    ("del", 0, "x"),
    ("assign", 0, ""),
    ("set", 3, "w"),
];

/// Tags made comparable across runtimes: 0 stays 0, every other tag becomes the order in
/// which it was first seen (1, 2, ...).
fn canonical(steps: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let mut seen = Vec::new();
    steps
        .iter()
        .map(|tags| {
            tags.iter()
                .map(|&t| {
                    if t == 0 {
                        return 0;
                    }
                    if !seen.contains(&t) {
                        seen.push(t);
                    }
                    seen.iter().position(|&s| s == t).unwrap() as u32 + 1
                })
                .collect()
        })
        .collect()
}

fn pyrt_version_steps() -> Vec<Vec<u32>> {
    let heap = Heap::new();
    let f = Family::new(&heap);
    let mut steps = Vec::new();
    for &(what, i, attr) in VERSION_SCENARIO {
        match what {
            "assign" => assert!(type_version(&heap, f.class(i).as_type()).is_some()),
            "set" => {
                class::type_setattr(&heap, f.class(i), attr, Some(int(&heap, 1).object())).unwrap();
            }
            _ => class::type_setattr(&heap, f.class(i), attr, None).unwrap(),
        }
        steps.push(f.tags());
    }
    steps
}

/// Type version tags are given and dropped as CPython 3.12.1's: `type_assign_version` gives
/// the class and its bases tags; setting or deleting a class attribute drops the class's and
/// its subclasses' tags, and no other; a new tag is never an old one.
#[test]
fn type_versions_follow_cpython() {
    let ours = canonical(&pyrt_version_steps());
    // Without CPython, the rules themselves: after `A.x = 1` every class lost its tag...
    assert_eq!(ours[2], [0, 0, 0, 0]);
    // ...and after `C.y = 1` only C did.
    assert_eq!(ours[5][2], 0);
    assert!(ours[5][..2].iter().all(|&t| t != 0));
    let Some(check) = cross_check(1) else {
        return;
    };
    let mut script = String::from(
        "import _testcapi\nclass A: pass\nclass B(A): pass\nclass C(B): pass\nclass D(A): pass\n\
         fam = [A, B, C, D]\n",
    );
    for &(what, i, attr) in VERSION_SCENARIO {
        let cls = ["A", "B", "C", "D"][i];
        script.push_str(&match what {
            "assign" => format!("_testcapi.type_assign_version({cls})\n"),
            "set" => format!("{cls}.{attr} = 1\n"),
            _ => format!("del {cls}.{attr}\n"),
        });
        script.push_str("print(*[_testcapi.type_get_version(t) for t in fam])\n");
    }
    let theirs: Vec<Vec<u32>> = check
        .python()
        .run(&script)
        .iter()
        .map(|l| l.split(' ').map(|t| t.parse().unwrap()).collect())
        .collect();
    assert_eq!(ours, canonical(&theirs));
    check.compared(1);
}

/// Static types get tags below `_Py_MAX_GLOBAL_TYPE_VERSION_TAG`, classes from 2^17 up; an
/// exhausted class counter gives none, and lookups then go uncached but still answer.
#[test]
fn version_tag_counters_and_exhaustion() {
    let heap = Heap::new();
    let int_tag = type_version(&heap, pyrt_objects::types::INT_TYPE.get()).unwrap();
    assert!((1..=type_cache::MAX_GLOBAL_TYPE_VERSION_TAG).contains(&int_tag));
    let a = plain_class(&heap, "A", None);
    let tag = type_version(&heap, ty(&a)).unwrap();
    assert!(tag >= type_cache::TYPE_BASE_VERSION_TAG);
    type_cache::set_next_version_tag(&heap, 0);
    let b = plain_class(&heap, "B", Some(&a));
    assert_eq!(type_version(&heap, ty(&b)), None);
    class::type_setattr(
        &heap,
        Class::cast(a.object()).unwrap(),
        "m",
        Some(int(&heap, 5).object()),
    )
    .unwrap();
    let m = name(&heap, "m");
    for _ in 0..3 {
        let found = class::lookup(&heap, ty(&b), m.object()).unwrap();
        assert_eq!(abstract_::repr(&heap, found.object()).unwrap(), "5");
    }
    assert_eq!(ty(&b).version_tag(), 0);
}

/// A namespace changed behind the class's back (its dict mutated directly) still invalidates
/// the class and its subclasses: the dict's watcher bit tells the type cache.
#[test]
fn direct_namespace_mutations_invalidate() {
    let heap = Heap::new();
    let f = Family::new(&heap);
    let (a, c) = (f.class(0).as_type(), f.class(2).as_type());
    let m = name(&heap, "m");
    assert!(type_lookup(&heap, c, m.object()).is_none());
    assert!(f.tags()[..3].iter().all(|&t| t != 0));
    let ns = class::class_dict(a).and_then(Dict::cast).unwrap();
    dict::set_item(&heap, ns, m.clone(), int(&heap, 7)).unwrap();
    assert_eq!(f.tags()[..3], [0, 0, 0]);
    let found = type_lookup(&heap, c, m.object()).unwrap();
    // SAFETY: A's namespace holds the value.
    let found = unsafe { found.as_ref() };
    assert_eq!(abstract_::repr(&heap, found).unwrap(), "7");
    dict::clear(&heap, ns);
    assert_eq!(type_lookup(&heap, c, m.object()), None);
    type_modified(pyrt_objects::types::INT_TYPE.get());
}

// ---------------------------------------------------------------- the method cache

/// One step of a class program.
#[derive(Clone, Debug)]
enum ClassOp {
    /// `classes[c].names[n] = values[v]` through `type.__setattr__`.
    Set(usize, usize, usize),
    /// `del classes[c].names[n]` (an `AttributeError` when absent).
    Del(usize, usize),
    /// The same, but on the namespace dict directly.
    SetDirect(usize, usize, usize),
    /// Look `names[n]` up along `classes[c]`'s bases, twice.
    Lookup(usize, usize),
    /// Drop the last class if nothing derives from it, and make a new one on a random base.
    Replace(prop::sample::Index),
}

fn class_op() -> impl Strategy<Value = ClassOp> {
    prop_oneof![
        3 => (0..8usize, 0..6usize, 0..4usize).prop_map(|(c, n, v)| ClassOp::Set(c, n, v)),
        2 => (0..8usize, 0..6usize).prop_map(|(c, n)| ClassOp::Del(c, n)),
        1 => (0..8usize, 0..6usize, 0..4usize).prop_map(|(c, n, v)| ClassOp::SetDirect(c, n, v)),
        8 => (0..8usize, 0..6usize).prop_map(|(c, n)| ClassOp::Lookup(c, n)),
        1 => any::<prop::sample::Index>().prop_map(ClassOp::Replace),
    ]
}

/// The model: each class's base (an index, or none) and namespace (name → value index).
struct Model {
    bases: Vec<Option<usize>>,
    namespaces: Vec<BTreeMap<usize, usize>>,
}

impl Model {
    fn lookup(&self, mut c: usize, n: usize) -> Option<usize> {
        loop {
            if let Some(&v) = self.namespaces[c].get(&n) {
                return Some(v);
            }
            c = self.bases[c]?;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Random class hierarchies of 8 classes (each on a random earlier class or on `object`)
    /// under random attribute sets and deletions, through `type.__setattr__` or on the
    /// namespace directly, and classes replaced: every lookup through the method cache gives
    /// the model's answer (the same object), as does the uncached walk.
    #[test]
    fn method_cache_answers_as_the_mro_walk(
        bases in prop::collection::vec(any::<prop::sample::Index>(), 8),
        ops in prop::collection::vec(class_op(), 1..150),
    ) {
        let heap = Heap::new();
        let names: Vec<Obj<'_>> = (0..6).map(|i| name(&heap, &format!("attr{i}"))).collect();
        let values: Vec<Obj<'_>> = (0..4).map(|i| int(&heap, 1000 + i)).collect();
        let mut model = Model { bases: Vec::new(), namespaces: Vec::new() };
        let mut classes: Vec<Obj<'_>> = Vec::new();
        for (i, ix) in bases.iter().enumerate() {
            let base = pick_base(i, ix);
            classes.push(plain_class(&heap, &format!("K{i}"), base.map(|b| &classes[b])));
            model.bases.push(base);
            model.namespaces.push(BTreeMap::new());
        }
        for op in &ops {
            match op {
                &ClassOp::Set(c, n, v) => {
                    let cls = Class::cast(classes[c].object()).unwrap();
                    let attr = format!("attr{n}");
                    class::type_setattr(&heap, cls, &attr, Some(values[v].object())).unwrap();
                    model.namespaces[c].insert(n, v);
                }
                &ClassOp::Del(c, n) => {
                    let cls = Class::cast(classes[c].object()).unwrap();
                    let r = class::type_setattr(&heap, cls, &format!("attr{n}"), None);
                    prop_assert_eq!(r.is_ok(), model.namespaces[c].remove(&n).is_some());
                }
                &ClassOp::SetDirect(c, n, v) => {
                    let ns = class::class_dict(ty(&classes[c])).and_then(Dict::cast).unwrap();
                    dict::set_item(&heap, ns, names[n].clone(), values[v].clone()).unwrap();
                    model.namespaces[c].insert(n, v);
                }
                &ClassOp::Lookup(c, n) => {
                    let want = model.lookup(c, n).map(|v| values[v].as_ptr());
                    for _ in 0..2 {
                        prop_assert_eq!(type_lookup(&heap, ty(&classes[c]), names[n].object()), want);
                    }
                    prop_assert_eq!(
                        type_cache::find_name_in_mro(&heap, ty(&classes[c]), names[n].object()),
                        want
                    );
                }
                ClassOp::Replace(ix) => {
                    let last = classes.len() - 1;
                    if model.bases.contains(&Some(last)) {
                        continue;
                    }
                    classes.pop();
                    let base = pick_base(last, ix);
                    classes.push(plain_class(&heap, "R", base.map(|b| &classes[b])));
                    model.bases[last] = base;
                    model.namespaces[last].clear();
                }
            }
        }
        let (hits, misses) = method_cache_stats(&heap);
        prop_assert!(hits + misses > 0 || !ops.iter().any(|o| matches!(o, ClassOp::Lookup(..))));
    }
}

/// The base of class `i`: one of the classes before it, or `object` (`None`).
fn pick_base(i: usize, ix: &prop::sample::Index) -> Option<usize> {
    let k = ix.index(i + 1);
    (k < i).then_some(k)
}

/// Repeated lookups hit the cache: the second of two identical lookups is a hit.
#[test]
fn repeated_lookups_hit() {
    let heap = Heap::new();
    let f = Family::new(&heap);
    class::type_setattr(&heap, f.class(0), "m", Some(int(&heap, 3).object())).unwrap();
    let m = name(&heap, "m");
    let c = f.class(2).as_type();
    let (h0, m0) = method_cache_stats(&heap);
    assert!(type_lookup(&heap, c, m.object()).is_some());
    assert!(type_lookup(&heap, c, m.object()).is_some());
    let (h1, m1) = method_cache_stats(&heap);
    assert_eq!((h1 - h0, m1 - m0), (1, 1));
    // A name that is not an exact str, or longer than 100 characters, is never cached.
    let long = name(&heap, &"n".repeat(101));
    assert!(type_lookup(&heap, c, long.object()).is_none());
    assert!(type_lookup(&heap, c, long.object()).is_none());
    assert_eq!(method_cache_stats(&heap).0, h1);
}
