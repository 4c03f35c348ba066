//! Refcounts are exact: after every step of random programs that build, edit and drop lists,
//! dicts, sets, tuples and instances of plain classes (with attributes and `__dict__`s) with
//! shared items, each object's refcount equals the number of references the test's handles and
//! the containers' `traverse` report.
//!
//! A class's shared keys hold references to their names, which the class's `traverse` reports;
//! they can outlive the class (a split dict keeps them), so the two classes stay alive here.
//!
//! The programs make no cycles (an edit that would is skipped): until the cycle collector
//! exists, a dropped cycle stays alive unreachable, and its references could not be counted
//! from the handles. Every live object is then reachable from a handle, so the count is exact.

use std::collections::HashMap;

use proptest::prelude::*;
use pyrt::{Bound, PyDict, PyList, PySet, PyType, Runtime};

#[derive(Debug, Clone)]
enum Op {
    NewInt(i64),
    NewStr(u8),
    NewList,
    NewDict,
    NewSet,
    /// A tuple of two existing objects.
    NewTuple(usize, usize),
    Append(usize, usize),
    ListSet(usize, isize, usize),
    ListPop(usize),
    ListClear(usize),
    DictSet(usize, usize, usize),
    DictDel(usize, usize),
    SetAdd(usize, usize),
    SetDiscard(usize, usize),
    /// An instance of one of the two classes.
    NewInstance(usize),
    SetAttr(usize, usize, usize),
    DelAttr(usize, usize),
    /// A handle to an instance's `__dict__`.
    GetDict(usize),
    /// Drop one of the test's handles.
    Drop(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..64;
    prop_oneof![
        2 => (0i64..600).prop_map(Op::NewInt),
        2 => any::<u8>().prop_map(Op::NewStr),
        2 => Just(Op::NewList),
        1 => Just(Op::NewDict),
        1 => Just(Op::NewSet),
        2 => (i(), i()).prop_map(|(a, b)| Op::NewTuple(a, b)),
        4 => (i(), i()).prop_map(|(a, b)| Op::Append(a, b)),
        1 => (i(), -4isize..4, i()).prop_map(|(a, k, b)| Op::ListSet(a, k, b)),
        2 => i().prop_map(Op::ListPop),
        1 => i().prop_map(Op::ListClear),
        3 => (i(), i(), i()).prop_map(|(a, k, v)| Op::DictSet(a, k, v)),
        1 => (i(), i()).prop_map(|(a, k)| Op::DictDel(a, k)),
        2 => (i(), i()).prop_map(|(a, k)| Op::SetAdd(a, k)),
        1 => (i(), i()).prop_map(|(a, k)| Op::SetDiscard(a, k)),
        2 => i().prop_map(Op::NewInstance),
        3 => (i(), 0usize..35, i()).prop_map(|(a, n, v)| Op::SetAttr(a, n, v)),
        1 => (i(), 0usize..35).prop_map(|(a, n)| Op::DelAttr(a, n)),
        1 => i().prop_map(Op::GetDict),
        3 => i().prop_map(Op::Drop),
    ]
}

/// The handle at `i`, wrapping around; `None` when there is none.
fn pick<'py>(handles: &[Bound<'py>], i: usize) -> Option<Bound<'py>> {
    (!handles.is_empty()).then(|| handles[i % handles.len()].clone())
}

/// Whether `target` is reachable from `from` (or is `from`).
fn reaches<'py>(from: &Bound<'py>, target: &Bound<'py>) -> bool {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![from.clone()];
    while let Some(o) = stack.pop() {
        if o.is(target) {
            return true;
        }
        if seen.insert(o.id()) {
            stack.extend(o.referents());
        }
    }
    false
}

/// Every object reachable from the handles, by identity, with the references found to it.
fn expected_counts<'a, 'py: 'a>(
    handles: impl IntoIterator<Item = &'a Bound<'py>>,
) -> HashMap<usize, (Bound<'py>, u64)> {
    let mut seen: HashMap<usize, (Bound<'py>, u64)> = HashMap::new();
    let mut stack: Vec<Bound<'py>> = Vec::new();
    for h in handles {
        seen.entry(h.id())
            .or_insert_with(|| {
                stack.push(h.clone());
                (h.clone(), 0)
            })
            .1 += 1;
    }
    while let Some(o) = stack.pop() {
        for r in o.referents() {
            seen.entry(r.id())
                .or_insert_with(|| {
                    stack.push(r.clone());
                    (r.clone(), 0)
                })
                .1 += 1;
        }
    }
    seen
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(128)))]

    #[test]
    fn refcounts_equal_referrers_plus_handles(ops in prop::collection::vec(op(), 1..120)) {
        Runtime::new().with(|py| {
            let mut handles: Vec<Bound<'_>> = Vec::new();
            let classes = [py.class("A").unwrap().into_any(), py.class("B").unwrap().into_any()];
            for op in &ops {
                match op {
                    Op::NewInt(v) => handles.push(py.int(*v).unwrap().into_any()),
                    Op::NewStr(b) => handles.push(py.str(&format!("s{b}")).unwrap().into_any()),
                    Op::NewList => handles.push(py.list(Vec::<Bound<'_>>::new()).unwrap().into_any()),
                    Op::NewDict => handles.push(py.dict().unwrap().into_any()),
                    Op::NewSet => handles.push(py.set(Vec::<Bound<'_>>::new()).unwrap().into_any()),
                    Op::NewTuple(a, b) => {
                        if let (Some(x), Some(y)) = (pick(&handles, *a), pick(&handles, *b)) {
                            handles.push(py.tuple([x, y]).unwrap().into_any());
                        }
                    }
                    Op::Append(a, b) => {
                        if let (Some(l), Some(x)) = (pick(&handles, *a), pick(&handles, *b))
                            && !reaches(&x, &l)
                            && let Ok(l) = l.cast::<PyList>()
                        {
                            l.append(&x).unwrap();
                        }
                    }
                    Op::ListSet(a, k, b) => {
                        if let (Some(l), Some(x)) = (pick(&handles, *a), pick(&handles, *b))
                            && !reaches(&x, &l)
                            && let Ok(l) = l.cast::<PyList>()
                        {
                            let _ = l.set_item(*k, &x);
                        }
                    }
                    Op::ListPop(a) => {
                        if let Some(l) = pick(&handles, *a) && let Ok(l) = l.cast::<PyList>() {
                            let _ = l.pop(None);
                        }
                    }
                    Op::ListClear(a) => {
                        if let Some(l) = pick(&handles, *a) && let Ok(l) = l.cast::<PyList>() {
                            l.clear();
                        }
                    }
                    Op::DictSet(a, k, v) => {
                        if let (Some(d), Some(k), Some(v)) = (pick(&handles, *a), pick(&handles, *k), pick(&handles, *v))
                            && !reaches(&k, &d)
                            && !reaches(&v, &d)
                            && let Ok(d) = d.cast::<PyDict>()
                        {
                            let _ = d.set_item(&k, &v); // unhashable keys fail cleanly
                        }
                    }
                    Op::DictDel(a, k) => {
                        if let (Some(d), Some(k)) = (pick(&handles, *a), pick(&handles, *k))
                            && let Ok(d) = d.cast::<PyDict>()
                        {
                            let _ = d.del_item(&k);
                        }
                    }
                    Op::SetAdd(a, k) => {
                        if let (Some(s), Some(k)) = (pick(&handles, *a), pick(&handles, *k))
                            && !reaches(&k, &s)
                            && let Ok(s) = s.cast::<PySet>()
                        {
                            let _ = s.insert(&k);
                        }
                    }
                    Op::SetDiscard(a, k) => {
                        if let (Some(s), Some(k)) = (pick(&handles, *a), pick(&handles, *k))
                            && let Ok(s) = s.cast::<PySet>()
                        {
                            let _ = s.discard(&k);
                        }
                    }
                    Op::NewInstance(c) => {
                        let cls = classes[c % 2].cast::<PyType>().unwrap();
                        handles.push(cls.call0().unwrap());
                    }
                    Op::SetAttr(a, n, v) => {
                        if let (Some(o), Some(v)) = (pick(&handles, *a), pick(&handles, *v))
                            && classes.iter().any(|c| o.get_type().is(c))
                            && !reaches(&v, &o)
                            // the value goes into o's __dict__ if it has one: no cycle through it
                            && !o.referents().iter().any(|r| r.cast::<PyDict>().is_ok() && reaches(&v, r))
                        {
                            o.setattr(&format!("n{n}"), &v).unwrap();
                        }
                    }
                    Op::DelAttr(a, n) => {
                        if let Some(o) = pick(&handles, *a) && classes.iter().any(|c| o.get_type().is(c)) {
                            let _ = o.delattr(&format!("n{n}")); // unset attributes fail cleanly
                        }
                    }
                    Op::GetDict(a) => {
                        if let Some(o) = pick(&handles, *a) && classes.iter().any(|c| o.get_type().is(c)) {
                            handles.push(o.getattr("__dict__").unwrap());
                        }
                    }
                    Op::Drop(i) => {
                        if !handles.is_empty() {
                            let n = handles.len();
                            handles.swap_remove(i % n);
                        }
                    }
                }
                for (_, (obj, refs)) in expected_counts(handles.iter().chain(&classes)) {
                    if obj.refcnt() == 4_294_967_295 {
                        continue; // immortal: small ints, singletons
                    }
                    // The walk holds one more handle (`obj` itself) beyond those counted.
                    prop_assert_eq!(obj.refcnt(), refs + 1, "refcount of {:?}", obj);
                }
            }
            drop(handles);
            drop(classes);
            // The only cycles are the classes' own (through their MRO tuples, as in CPython).
            py.gc_collect(2).unwrap();
            py.clear_freelists();
            prop_assert_eq!(py.malloc_stats().allocated_blocks(), py.interned_count(), "no other cycle, so nothing leaked");
            Ok(())
        })?;
    }
}
