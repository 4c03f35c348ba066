//! The cycle collector wired into the object model, against a model. Random programs build
//! graphs of lists, dicts (str keys), tuples, instances of four classes (a plain class with a
//! managed dict and a class with `__slots__`, each with and without `__del__`) and weak
//! references with callbacks; they keep, copy and drop handles and collect. A model keeps the
//! graph alongside and predicts what each step does, by CPython 3.12's rules:
//!
//! * dropping a reference frees at once what is left without referrers; a `__del__` runs when
//!   its object's count reaches zero, once per object (PEP 442), and the test's finalizer
//!   resurrects some objects by keeping a new reference in a list the test owns;
//! * `collect(2)` frees exactly the objects unreachable from the handles and that list (after
//!   the finalizers of the unreachable have run and resurrected what they keep) and returns
//!   the number of unreachable tracked objects it cleared;
//! * weak references to dying objects are cleared; a callback runs exactly once, and never for
//!   a weak reference that is garbage itself (`handle_weakrefs`).
//!
//! After every step the real heap is walked from the handles, the resurrected objects and
//! `gc.get_objects()` through `references` and compared with the model: the same objects are
//! alive, each with the contents the model says (nothing reachable was touched), each refcount
//! is its referrers among live objects plus the test's handles, the finalizers and callbacks
//! that ran are the predicted ones, and the collector's lists are consistent. At the end, with
//! everything dropped and collected, every block is back in the allocator.
//!
//! Weak references are held only by handles and, optionally, by their own callback (a list
//! holding its weak reference: a cycle). So a weak reference never dies in a cascade before
//! its referent, and which objects a cascade frees, finalizes and calls back for does not
//! depend on the order in which they die: the model computes it as a fixpoint.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::mem::ManuallyDrop;
use std::ptr;

use proptest::prelude::*;
use proptest::test_runner::TestCaseError;
use pyrt_gc::{CallbackPhase, CollectionInfo};
use pyrt_objects::gc_objects::references;
use pyrt_objects::hooks::RuntimeHooks;
use pyrt_objects::types::{self, class, dict, list, long, tuple, unicode, weakref};
use pyrt_objects::{Heap, Obj, PyObject, abstract_};

/// Attribute names (and the `__slots__` of the slots classes).
const NAMES: [&str; 3] = ["a", "b", "c"];
/// Dict keys.
const KEYS: [&str; 3] = ["k0", "k1", "k2"];
/// Atoms are the small ints `0..ATOMS` (immortal, not GC objects).
const ATOMS: usize = 3;
/// At most this many objects per program: cascades stay below the trashcan's depth (50).
const MAX_NODES: usize = 40;

/// The classes: name, whether it has `__slots__ = NAMES`, whether it has `__del__`.
const CLASSES: [(&str, bool, bool); 4] = [
    ("Plain", false, false),
    ("PlainDel", false, true),
    ("Slots", true, false),
    ("SlotsDel", true, true),
];

fn addr(o: &PyObject) -> usize {
    ptr::from_ref(o).addr()
}

// ---------------------------------------------------------------------------------------------
// Programs.

/// A value to store: the object of a handle (wrapping), the container itself (a cycle of
/// one), or an atom.
#[derive(Debug, Clone, Copy)]
enum Val {
    Handle(usize),
    Itself,
    Atom(usize),
}

/// Handle indices wrap around among the handles of the right kind; an op without one is
/// skipped.
#[derive(Debug, Clone)]
enum Op {
    NewList,
    NewDict,
    NewTuple(Vec<Val>),
    NewInstance {
        class: usize,
        resurrect: bool,
    },
    /// A weak reference to an instance of a plain class with a callback (any object but a weak
    /// reference); `cyclic` takes a list for the callback if there is one, and appends the weak
    /// reference to it.
    NewWeakRef {
        target: usize,
        callback: usize,
        cyclic: bool,
    },
    /// An instance of a plain class referring to itself, a weak reference to it (as
    /// `NewWeakRef`) and no handle to the instance: garbage in a cycle, weakly referenced.
    WeakToCycle {
        class: usize,
        resurrect: bool,
        callback: usize,
        cyclic: bool,
    },
    /// A weak reference to an instance of a plain class whose callback is a new list holding
    /// it, and no handle to either: garbage weakly referring to a live object.
    GarbageWeakRef(usize),
    Append(usize, Val),
    DictSet(usize, usize, Val),
    SetAttr(usize, usize, Val),
    Dup(usize),
    Drop(usize),
    DropResurrected(usize),
    /// A handle to a resurrected object.
    Rescue(usize),
    Collect,
}

fn val() -> impl Strategy<Value = Val> {
    prop_oneof![
        6 => (0usize..64).prop_map(Val::Handle),
        1 => Just(Val::Itself),
        2 => (0..ATOMS).prop_map(Val::Atom),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    let i = || 0usize..64;
    prop_oneof![
        3 => Just(Op::NewList),
        2 => Just(Op::NewDict),
        2 => prop::collection::vec(val(), 1..4).prop_map(Op::NewTuple),
        4 => (0..CLASSES.len(), any::<bool>())
            .prop_map(|(class, resurrect)| Op::NewInstance { class, resurrect }),
        3 => (i(), i(), any::<bool>()).prop_map(|(target, callback, cyclic)| Op::NewWeakRef {
            target,
            callback,
            cyclic
        }),
        1 => (0usize..2, any::<bool>(), i(), any::<bool>()).prop_map(
            |(class, resurrect, callback, cyclic)| Op::WeakToCycle {
                class,
                resurrect,
                callback,
                cyclic
            }
        ),
        1 => i().prop_map(Op::GarbageWeakRef),
        5 => (i(), val()).prop_map(|(l, v)| Op::Append(l, v)),
        4 => (i(), 0..KEYS.len(), val()).prop_map(|(d, k, v)| Op::DictSet(d, k, v)),
        5 => (i(), 0..NAMES.len(), val()).prop_map(|(o, n, v)| Op::SetAttr(o, n, v)),
        1 => i().prop_map(Op::Dup),
        6 => i().prop_map(Op::Drop),
        2 => i().prop_map(Op::DropResurrected),
        1 => i().prop_map(Op::Rescue),
        3 => Just(Op::Collect),
    ]
}

// ---------------------------------------------------------------------------------------------
// The model.

/// What a container holds: a node (a strong reference) or an atom.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Item {
    Node(usize),
    Atom(usize),
}

impl Item {
    fn node(self) -> Option<usize> {
        match self {
            Item::Node(n) => Some(n),
            Item::Atom(_) => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Dict,
    Tuple,
    /// An instance of `CLASSES[i]`.
    Instance(usize),
    WeakRef,
}

#[derive(Debug)]
struct Node {
    kind: Kind,
    /// The object's address while it is alive.
    addr: usize,
    alive: bool,
    /// A list's or tuple's items.
    items: Vec<Item>,
    /// A dict's entries in insertion order: (index in `KEYS`, value).
    entries: Vec<(usize, Item)>,
    /// An instance's attributes, by index in `NAMES`.
    attrs: [Option<Item>; NAMES.len()],
    /// A weak reference's referent (not owned) and callback (owned).
    referent: Option<usize>,
    callback: Option<usize>,
    /// Whether `__del__` ran.
    finalized: bool,
    /// Whether the finalizer keeps the object alive.
    resurrect: bool,
}

impl Node {
    fn new(kind: Kind, addr: usize) -> Node {
        Node {
            kind,
            addr,
            alive: true,
            items: Vec::new(),
            entries: Vec::new(),
            attrs: [None; NAMES.len()],
            referent: None,
            callback: None,
            finalized: false,
            resurrect: false,
        }
    }

    /// The strong references this node holds to nodes, with repeats.
    fn edges(&self) -> Vec<usize> {
        let mut out: Vec<usize> = self.items.iter().filter_map(|i| i.node()).collect();
        out.extend(self.entries.iter().filter_map(|(_, i)| i.node()));
        out.extend(self.attrs.iter().flatten().filter_map(|i| i.node()));
        out.extend(self.callback);
        out
    }

    fn has_finalizer(&self) -> bool {
        matches!(self.kind, Kind::Instance(c) if CLASSES[c].2)
    }
}

/// What the hooks saw: finalizers run (nodes) and callbacks called (weak reference, callback).
#[derive(Debug, Default, PartialEq, Eq)]
struct Events {
    finalized: Vec<usize>,
    callbacks: Vec<(usize, usize)>,
}

impl Events {
    fn sorted(mut self) -> Events {
        self.finalized.sort_unstable();
        self.callbacks.sort_unstable();
        self
    }
}

/// The graph, the test's handles and the resurrected list, by node.
#[derive(Default)]
struct Model {
    nodes: Vec<Node>,
    handles: Vec<usize>,
    resurrected: Vec<usize>,
}

impl Model {
    fn alive(&self) -> BTreeSet<usize> {
        (0..self.nodes.len())
            .filter(|&n| self.nodes[n].alive)
            .collect()
    }

    fn roots(&self, n: usize) -> usize {
        self.handles
            .iter()
            .chain(&self.resurrected)
            .filter(|&&h| h == n)
            .count()
    }

    fn refcount(&self, n: usize) -> usize {
        let held: usize = self
            .nodes
            .iter()
            .filter(|m| m.alive)
            .map(|m| m.edges().into_iter().filter(|&e| e == n).count())
            .sum();
        self.roots(n) + held
    }

    /// Reference counting after references went away: objects whose count is zero run their
    /// finalizer (once; a resurrecting one keeps them) or die, clearing the weak references
    /// to them and calling back those alive, which then drop their callbacks.
    fn settle(&mut self, ev: &mut Events) {
        while let Some(n) =
            (0..self.nodes.len()).find(|&n| self.nodes[n].alive && self.refcount(n) == 0)
        {
            let node = &mut self.nodes[n];
            if node.has_finalizer() && !node.finalized {
                node.finalized = true;
                ev.finalized.push(n);
                if node.resurrect {
                    self.resurrected.push(n);
                    continue;
                }
            }
            self.nodes[n].alive = false;
            self.nodes[n].referent = None;
            for (w, wr) in self.nodes.iter_mut().enumerate() {
                if wr.alive && wr.referent == Some(n) {
                    wr.referent = None;
                    let cb = wr.callback.take().expect("weak references have callbacks");
                    ev.callbacks.push((w, cb));
                }
            }
        }
    }

    /// Which nodes the handles and the resurrected list reach.
    fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.nodes.len()];
        let mut stack: Vec<usize> = self
            .handles
            .iter()
            .chain(&self.resurrected)
            .copied()
            .collect();
        while let Some(n) = stack.pop() {
            if !std::mem::replace(&mut seen[n], true) {
                stack.extend(self.nodes[n].edges());
            }
        }
        seen
    }

    /// A full collection (`gc_collect_main`), given which nodes are tracked; returns what
    /// `gc.collect()` returns.
    fn collect(&mut self, tracked: &[bool], ev: &mut Events) -> usize {
        let reachable = self.reachable();
        let garbage: Vec<bool> = (0..self.nodes.len())
            .map(|n| self.nodes[n].alive && !reachable[n])
            .collect();
        let unreachable: Vec<bool> = (0..self.nodes.len())
            .map(|n| garbage[n] && tracked[n])
            .collect();
        // handle_weakrefs: clear every weak reference to or among the unreachable; call back
        // those that are not unreachable themselves (they keep their callbacks).
        for (w, wr) in self.nodes.iter_mut().enumerate() {
            let Some(x) = wr.referent else { continue };
            if unreachable[w] || unreachable[x] {
                wr.referent = None;
            }
            if unreachable[x] && !unreachable[w] {
                ev.callbacks
                    .push((w, wr.callback.expect("weak references have callbacks")));
            }
        }
        // finalize_garbage.
        for (n, node) in self.nodes.iter_mut().enumerate() {
            if unreachable[n] && node.has_finalizer() && !node.finalized {
                node.finalized = true;
                ev.finalized.push(n);
                if node.resurrect {
                    self.resurrected.push(n);
                }
            }
        }
        // handle_resurrected_objects, then delete_garbage frees the rest of the garbage.
        let reachable = self.reachable();
        let mut collected = 0;
        for n in 0..self.nodes.len() {
            if garbage[n] && !reachable[n] {
                self.nodes[n].alive = false;
                collected += usize::from(unreachable[n]);
            }
        }
        collected
    }
}

// ---------------------------------------------------------------------------------------------
// The hooks: finalizers and callbacks record what they were called with.

struct Hooks<'h> {
    heap: &'h Heap,
    /// The addresses of the objects whose finalizer resurrects them.
    resurrecting: RefCell<HashSet<usize>>,
    /// The list the resurrecting finalizer stores its object in.
    resurrected: RefCell<Vec<Obj<'h>>>,
    finalized: RefCell<Vec<usize>>,
    callbacks: RefCell<Vec<(usize, usize)>>,
    collections: RefCell<Vec<(CallbackPhase, CollectionInfo)>>,
}

impl RuntimeHooks for Hooks<'_> {
    fn finalize(&self, obj: &PyObject) {
        self.finalized.borrow_mut().push(addr(obj));
        if self.resurrecting.borrow().contains(&addr(obj)) {
            // SAFETY: the caller keeps `obj` alive for the finalizer's duration.
            let me = unsafe { Obj::from_borrowed(self.heap, obj) };
            self.resurrected.borrow_mut().push(me);
        }
    }

    fn weakref_callback(&self, weakref: &PyObject, callback: &PyObject) {
        self.callbacks
            .borrow_mut()
            .push((addr(weakref), addr(callback)));
    }

    fn gc_callback(&self, phase: CallbackPhase, info: CollectionInfo) {
        self.collections.borrow_mut().push((phase, info));
    }
}

// ---------------------------------------------------------------------------------------------
// A program run on the heap and on the model.

/// What the walk of the real heap found: each model node alive, with a new reference to it and
/// the addresses of everything it refers to (`references`).
type Observed<'h> = HashMap<usize, (Obj<'h>, Vec<usize>)>;

struct Run<'a, 'h> {
    heap: &'h Heap,
    hooks: &'a Hooks<'h>,
    classes: &'a [Obj<'h>],
    atoms: &'a [Obj<'h>],
    /// The test's handles, in step with `model.handles`.
    handles: Vec<Obj<'h>>,
    model: Model,
    /// The address of each node alive when the step began, and of those the step made.
    map: HashMap<usize, usize>,
}

impl<'h> Run<'_, 'h> {
    fn step(&mut self, op: &Op) -> Result<(), TestCaseError> {
        self.map = (self.model.alive().into_iter())
            .map(|n| (self.model.nodes[n].addr, n))
            .collect();
        *self.hooks.resurrecting.borrow_mut() = (self.model.nodes.iter())
            .filter(|n| n.alive && n.resurrect)
            .map(|n| n.addr)
            .collect();
        let mut expected = Events::default();
        let room = self.model.nodes.len() < MAX_NODES;
        match *op {
            Op::NewList if room => self.new_node(list::new_list(self.heap, vec![]), Kind::List),
            Op::NewDict if room => self.new_node(dict::new_dict(self.heap), Kind::Dict),
            Op::NewTuple(ref vals) if room => self.new_tuple(vals),
            Op::NewInstance { class, resurrect } if room => self.new_instance(class, resurrect),
            Op::NewWeakRef {
                target,
                callback,
                cyclic,
            } if room => {
                if let Some(t) = self.pick(target, |n| matches!(n.kind, Kind::Instance(0 | 1))) {
                    self.new_weakref(t, callback, cyclic);
                }
            }
            Op::WeakToCycle {
                class,
                resurrect,
                callback,
                cyclic,
            } if room => self.weak_to_cycle(class, resurrect, callback, cyclic),
            Op::GarbageWeakRef(target) if room => {
                if let Some(t) = self.pick(target, |n| matches!(n.kind, Kind::Instance(0 | 1))) {
                    self.garbage_weakref(t);
                }
            }
            Op::Append(l, v) => self.append(l, v),
            Op::DictSet(d, k, v) => self.dict_set(d, k, v),
            Op::SetAttr(o, n, v) => self.set_attr(o, n, v),
            Op::Dup(i) => self.dup(i),
            Op::Drop(i) => self.drop_handle(i),
            Op::DropResurrected(i) => self.drop_resurrected(i),
            Op::Rescue(i) => self.rescue(i),
            Op::Collect => self.collect(&mut expected)?,
            _ => {}
        }
        self.model.settle(&mut expected);
        self.check(expected)
    }

    /// The handle index of the `i`th handle (wrapping) among those to nodes matching `pred`.
    fn pick(&self, i: usize, pred: impl Fn(&Node) -> bool) -> Option<usize> {
        let matching: Vec<usize> = (0..self.handles.len())
            .filter(|&h| pred(&self.model.nodes[self.model.handles[h]]))
            .collect();
        (!matching.is_empty()).then(|| matching[i % matching.len()])
    }

    /// The object of a value to store in the container at handle `into`, and its item: a
    /// handle's node (never a weak reference: they are held by handles and their callbacks
    /// only), else an atom.
    fn value(&self, v: Val, into: Option<usize>) -> (Obj<'h>, Item) {
        let h = match v {
            Val::Handle(i) => self.pick(i, |n| n.kind != Kind::WeakRef),
            Val::Itself => into,
            Val::Atom(_) => None,
        };
        if let Some(h) = h {
            return (self.handles[h].clone(), Item::Node(self.model.handles[h]));
        }
        let k = match v {
            Val::Atom(k) => k,
            Val::Handle(i) => i % ATOMS,
            Val::Itself => 0,
        };
        (self.atoms[k].clone(), Item::Atom(k))
    }

    fn add_node(&mut self, obj: Obj<'h>, node: Node) -> usize {
        let id = self.model.nodes.len();
        self.map.insert(node.addr, id);
        self.model.nodes.push(node);
        self.model.handles.push(id);
        self.handles.push(obj);
        id
    }

    fn new_node(&mut self, obj: pyrt_objects::PyResult<Obj<'h>>, kind: Kind) {
        let obj = obj.expect("allocation succeeds");
        let node = Node::new(kind, addr(obj.object()));
        self.add_node(obj, node);
    }

    fn new_tuple(&mut self, vals: &[Val]) {
        let (objs, items): (Vec<Obj<'h>>, Vec<Item>) =
            vals.iter().map(|&v| self.value(v, None)).unzip();
        let t = tuple::new_tuple(self.heap, objs).expect("allocation succeeds");
        let mut node = Node::new(Kind::Tuple, addr(t.object()));
        node.items = items;
        self.add_node(t, node);
    }

    fn new_instance(&mut self, class: usize, resurrect: bool) {
        let o = class::new_instance(self.heap, self.classes[class].cast().expect("a class"))
            .expect("allocation succeeds");
        let mut node = Node::new(Kind::Instance(class), addr(o.object()));
        node.resurrect = resurrect;
        self.add_node(o, node);
    }

    /// A weak reference to the object of handle `t`, with a callback picked as `NewWeakRef`
    /// says.
    fn new_weakref(&mut self, t: usize, callback: usize, cyclic: bool) {
        let lists = self.pick(callback, |n| n.kind == Kind::List);
        let Some(c) = lists
            .filter(|_| cyclic)
            .or_else(|| self.pick(callback, |n| n.kind != Kind::WeakRef))
        else {
            return;
        };
        self.make_weakref(t, c, cyclic);
    }

    /// A weak reference to the object of handle `t` with the object of handle `c` as its
    /// callback; `cyclic` appends it to the callback if that is a list.
    fn make_weakref(&mut self, t: usize, c: usize, cyclic: bool) {
        let (t_id, c_id) = (self.model.handles[t], self.model.handles[c]);
        let cb = self.handles[c].clone();
        let w = weakref::new_ref(self.heap, self.handles[t].object(), Some(cb.object()))
            .expect("instances of plain classes support weak references");
        let mut node = Node::new(Kind::WeakRef, addr(w.object()));
        node.referent = Some(t_id);
        node.callback = Some(c_id);
        let w_id = self.add_node(w.clone(), node);
        if cyclic && self.model.nodes[c_id].kind == Kind::List {
            list::append(self.heap, cb.cast::<list::List>().unwrap(), w)
                .expect("allocation succeeds");
            self.model.nodes[c_id].items.push(Item::Node(w_id));
        }
    }

    fn weak_to_cycle(&mut self, class: usize, resurrect: bool, callback: usize, cyclic: bool) {
        self.new_instance(class, resurrect);
        let h = self.handles.len() - 1;
        self.set_attr_at(h, 0, Val::Itself);
        self.new_weakref(h, callback, cyclic);
        self.model.handles.swap_remove(h);
        drop(self.handles.swap_remove(h));
    }

    /// A weak reference to the object of handle `t` whose callback is a new list holding it,
    /// and no handle to either: a weak reference that is garbage, to a live object.
    fn garbage_weakref(&mut self, t: usize) {
        self.new_node(list::new_list(self.heap, vec![]), Kind::List);
        self.make_weakref(t, self.handles.len() - 1, true);
        for _ in 0..2 {
            self.model.handles.pop();
            drop(self.handles.pop());
        }
    }

    fn append(&mut self, l: usize, v: Val) {
        let Some(h) = self.pick(l, |n| n.kind == Kind::List) else {
            return;
        };
        let (obj, item) = self.value(v, Some(h));
        list::append(
            self.heap,
            self.handles[h].cast::<list::List>().unwrap(),
            obj,
        )
        .expect("allocation succeeds");
        self.model.nodes[self.model.handles[h]].items.push(item);
    }

    fn dict_set(&mut self, d: usize, k: usize, v: Val) {
        let Some(h) = self.pick(d, |n| n.kind == Kind::Dict) else {
            return;
        };
        let (obj, item) = self.value(v, Some(h));
        let key = unicode::new_str(self.heap, KEYS[k]).expect("allocation succeeds");
        dict::set_item(self.heap, self.handles[h].cast().expect("a dict"), key, obj)
            .expect("str keys hash");
        let entries = &mut self.model.nodes[self.model.handles[h]].entries;
        match entries.iter_mut().find(|(key, _)| *key == k) {
            Some(entry) => entry.1 = item,
            None => entries.push((k, item)),
        }
    }

    fn set_attr(&mut self, o: usize, n: usize, v: Val) {
        if let Some(h) = self.pick(o, |n| matches!(n.kind, Kind::Instance(_))) {
            self.set_attr_at(h, n, v);
        }
    }

    /// `setattr` on the instance at handle `h`.
    fn set_attr_at(&mut self, h: usize, n: usize, v: Val) {
        let (obj, item) = self.value(v, Some(h));
        abstract_::setattr(self.heap, self.handles[h].object(), NAMES[n], obj.object())
            .expect("instances take these attributes");
        self.model.nodes[self.model.handles[h]].attrs[n] = Some(item);
    }

    fn dup(&mut self, i: usize) {
        if let Some(h) = self.pick(i, |_| true) {
            self.handles.push(self.handles[h].clone());
            self.model.handles.push(self.model.handles[h]);
        }
    }

    fn drop_handle(&mut self, i: usize) {
        if let Some(h) = self.pick(i, |_| true) {
            self.model.handles.swap_remove(h);
            drop(self.handles.swap_remove(h));
        }
    }

    fn drop_resurrected(&mut self, i: usize) {
        let n = self.model.resurrected.len();
        if n > 0 {
            self.model.resurrected.swap_remove(i % n);
            let o = self.hooks.resurrected.borrow_mut().swap_remove(i % n);
            drop(o);
        }
    }

    fn rescue(&mut self, i: usize) {
        let n = self.model.resurrected.len();
        if n > 0 {
            let o = self.hooks.resurrected.borrow()[i % n].clone();
            self.handles.push(o);
            self.model.handles.push(self.model.resurrected[i % n]);
        }
    }

    /// `gc.collect()`, against the model's prediction (and the `gc.callbacks` info).
    fn collect(&mut self, expected: &mut Events) -> Result<(), TestCaseError> {
        let mut tracked = vec![false; self.model.nodes.len()];
        for (id, (o, _)) in self.observe() {
            tracked[id] = self.heap.is_tracked(o.object());
        }
        let got = self.heap.collect(2).expect("generation 2 exists");
        if let Err(e) = self.heap.collector().check_invariants() {
            return Err(TestCaseError::fail(format!("after a collection: {e}")));
        }
        let want = self.model.collect(&tracked, expected);
        prop_assert_eq!(got.total(), want, "gc.collect()");
        prop_assert_eq!(got.uncollectable, 0);
        let info = |collected| CollectionInfo {
            generation: 2,
            collected,
            uncollectable: 0,
        };
        prop_assert_eq!(
            self.hooks.collections.take(),
            vec![
                (CallbackPhase::Start, info(0)),
                (CallbackPhase::Stop, info(want))
            ]
        );
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Checks.

    /// The node at `o`'s address, if `o` is it (the address of a node alive at the start of
    /// the step or made in it, and of the node's type).
    fn node_of(&self, o: &PyObject) -> Option<usize> {
        let id = *self.map.get(&addr(o))?;
        let ty = o.ob_type();
        let same = match self.model.nodes[id].kind {
            Kind::List => ptr::eq(ty, types::LIST_TYPE.get()),
            Kind::Dict => ptr::eq(ty, types::DICT_TYPE.get()),
            Kind::Tuple => ptr::eq(ty, types::TUPLE_TYPE.get()),
            Kind::WeakRef => ptr::eq(ty, weakref::WEAKREF_TYPE.get()),
            Kind::Instance(c) => o.type_ptr().cast::<u8>() == self.classes[c].as_ptr().cast(),
        };
        same.then_some(id)
    }

    /// Walks the real heap from the handles, the resurrected objects and every tracked object
    /// through `references`, keeping the model's nodes.
    fn observe(&self) -> Observed<'h> {
        let mut seen: Observed<'h> = HashMap::new();
        let mut stack: Vec<Obj<'h>> = self.handles.clone();
        stack.extend(self.hooks.resurrected.borrow().iter().cloned());
        stack.extend(self.heap.gc_objects(None).expect("all generations"));
        while let Some(o) = stack.pop() {
            let Some(id) = self.node_of(o.object()) else {
                continue;
            };
            if seen.contains_key(&id) {
                continue;
            }
            let mut refs = Vec::new();
            references(o.object(), &mut |p| refs.push(p));
            for &p in &refs {
                // SAFETY: `o` is alive (we hold it) and holds a reference to `p`.
                let r = unsafe { p.as_ref() };
                if self.node_of(r).is_some() {
                    // SAFETY: as above: `r` is alive.
                    stack.push(unsafe { Obj::from_borrowed(self.heap, r) });
                }
            }
            let refs = refs.iter().map(|p| p.as_ptr().addr()).collect();
            seen.insert(id, (o, refs));
        }
        seen
    }

    /// The hooks' records, as nodes.
    fn events(&self) -> Result<Events, TestCaseError> {
        let node = |a: &usize| {
            self.map.get(a).copied().ok_or_else(|| {
                TestCaseError::fail(format!("a hook was called with {a:#x}, not a model node"))
            })
        };
        let finalized = (self.hooks.finalized.take().iter())
            .map(node)
            .collect::<Result<_, _>>()?;
        let callbacks = (self.hooks.callbacks.take().iter())
            .map(|(w, cb)| Ok((node(w)?, node(cb)?)))
            .collect::<Result<_, TestCaseError>>()?;
        Ok(Events {
            finalized,
            callbacks,
        })
    }

    fn check(&mut self, expected: Events) -> Result<(), TestCaseError> {
        if let Err(e) = self.heap.collector().check_invariants() {
            return Err(TestCaseError::fail(format!("{e}")));
        }
        prop_assert_eq!(self.events()?.sorted(), expected.sorted(), "hooks called");
        let resurrected = (self.hooks.resurrected.borrow().iter())
            .map(|o| self.map.get(&addr(o.object())).copied())
            .collect::<Option<Vec<usize>>>();
        let Some(resurrected) = resurrected else {
            return Err(TestCaseError::fail("resurrected a non-model object"));
        };
        let mut want = self.model.resurrected.clone();
        want.sort_unstable();
        let mut got = resurrected.clone();
        got.sort_unstable();
        prop_assert_eq!(got, want, "resurrected");
        self.model.resurrected = resurrected; // the hooks' order
        let seen = self.observe();
        let alive: BTreeSet<usize> = seen.keys().copied().collect();
        prop_assert_eq!(alive, self.model.alive(), "live objects");
        let mut referrers: HashMap<usize, usize> = HashMap::new();
        for (&id, (_, refs)) in &seen {
            let mut edges: Vec<usize> = (refs.iter())
                .filter_map(|a| self.map.get(a).copied())
                .filter(|n| seen.contains_key(n))
                .collect();
            edges
                .iter()
                .for_each(|&n| *referrers.entry(n).or_default() += 1);
            edges.sort_unstable();
            let mut want = self.model.nodes[id].edges();
            want.sort_unstable();
            prop_assert_eq!(edges, want, "references of node {}", id);
        }
        for (&id, (o, _)) in &seen {
            self.check_contents(id, o)?;
            // Our own reference from the walk, plus the referrers and the test's handles.
            let want = 1 + referrers.get(&id).copied().unwrap_or(0) + self.model.roots(id);
            prop_assert_eq!(o.object().refcnt(), want as u64, "refcount of node {}", id);
        }
        Ok(())
    }

    fn item_addr(&self, item: Item) -> usize {
        match item {
            Item::Node(n) => self.model.nodes[n].addr,
            Item::Atom(k) => addr(self.atoms[k].object()),
        }
    }

    /// The node's contents, in order, are the model's.
    fn check_contents(&self, id: usize, obj: &Obj<'h>) -> Result<(), TestCaseError> {
        let node = &self.model.nodes[id];
        let o = obj.object();
        let want_items: Vec<usize> = node.items.iter().map(|&i| self.item_addr(i)).collect();
        let addrs = |s: &[pyrt_objects::ObjPtr]| -> Vec<usize> {
            s.iter().map(|p| p.as_ptr().addr()).collect()
        };
        match node.kind {
            Kind::List => {
                prop_assert_eq!(addrs(list::items(list::List::cast(o).unwrap())), want_items)
            }
            Kind::Tuple => {
                prop_assert_eq!(
                    addrs(tuple::items(tuple::Tuple::cast(o).unwrap())),
                    want_items
                )
            }
            Kind::Dict => {
                let got: Vec<(String, usize)> = dict::entries(dict::Dict::cast(o).unwrap())
                    .map(|(k, v)| {
                        // SAFETY: the dict holds a reference to each key.
                        let k = unicode::Str::cast(unsafe { k.as_ref() }).expect("str keys");
                        (unicode::str_value(k), v.as_ptr().addr())
                    })
                    .collect();
                let want: Vec<(String, usize)> = (node.entries.iter())
                    .map(|&(k, v)| (KEYS[k].to_string(), self.item_addr(v)))
                    .collect();
                prop_assert_eq!(got, want);
            }
            Kind::Instance(_) => {
                for (i, name) in NAMES.iter().enumerate() {
                    let got = abstract_::getattr(self.heap, o, name).ok();
                    let got = got.map(|v| addr(v.object()));
                    prop_assert_eq!(got, node.attrs[i].map(|v| self.item_addr(v)));
                }
            }
            Kind::WeakRef => {
                let got = weakref::Weakref::cast(o)
                    .and_then(|w| weakref::referent(self.heap, w))
                    .map(|r| addr(r.object()));
                prop_assert_eq!(got, node.referent.map(|r| self.model.nodes[r].addr));
            }
        }
        prop_assert_eq!(
            self.heap.is_finalized(o),
            node.finalized,
            "node {} finalized",
            id
        );
        Ok(())
    }

    /// Drops everything and collects until every node is gone (finalizers run once, so the
    /// objects resurrected in one round die in the next).
    fn teardown(&mut self) -> Result<(), TestCaseError> {
        for _ in 0..3 {
            while !self.handles.is_empty() {
                self.step(&Op::Drop(0))?;
            }
            while !self.model.resurrected.is_empty() {
                self.step(&Op::DropResurrected(0))?;
            }
            self.step(&Op::Collect)?;
            if self.model.alive().is_empty() {
                return Ok(());
            }
        }
        Err(TestCaseError::fail(format!(
            "still alive after three rounds: {:?}",
            self.model.alive()
        )))
    }
}

fn make_class<'h>(heap: &'h Heap, (name, slots, del): (&str, bool, bool)) -> Obj<'h> {
    let namespace = del.then(|| {
        let ns = dict::new_dict(heap).expect("allocation succeeds");
        let key = unicode::new_str(heap, "__del__").expect("allocation succeeds");
        dict::set_item(heap, ns.cast().expect("a dict"), key, types::none(heap))
            .expect("str keys hash");
        ns
    });
    let slots = slots.then_some(&NAMES[..]);
    let cls =
        class::new_subclass(heap, name, "__main__", slots, None, namespace).expect("a valid class");
    let ty = types::type_object(cls.object()).expect("a class");
    assert_eq!(class::has_finalizer(ty), del, "{name} has __del__");
    cls
}

/// Runs a program on a new heap. A failed run (an error or a panic) leaves objects alive, and
/// dropping a heap whose collector still tracks objects currently crashes (its allocator goes
/// before the collector's lists are unlinked): the heap of a failed run is leaked, so that
/// proptest can shrink and report the failure.
fn run(ops: &[Op]) -> Result<(), TestCaseError> {
    let heap = ManuallyDrop::new(Heap::new());
    let result = run_on(&heap, ops);
    if result.is_ok() {
        drop(ManuallyDrop::into_inner(heap));
    }
    result
}

fn run_on(heap: &Heap, ops: &[Op]) -> Result<(), TestCaseError> {
    let atoms: Vec<Obj<'_>> = (0..ATOMS)
        .map(|k| long::int_from_i64(heap, k as i64).expect("small ints exist"))
        .collect();
    let classes: Vec<Obj<'_>> = CLASSES.iter().map(|&c| make_class(heap, c)).collect();
    // Warm up: every attribute name interned and in the classes' shared keys.
    for cls in &classes {
        let o =
            class::new_instance(heap, cls.cast().expect("a class")).expect("allocation succeeds");
        for name in NAMES {
            abstract_::setattr(heap, o.object(), name, atoms[0].object()).expect("settable");
        }
    }
    heap.clear_freelists();
    let baseline = heap.malloc_stats().allocated_blocks();
    let hooks = Hooks {
        heap,
        resurrecting: RefCell::default(),
        resurrected: RefCell::default(),
        finalized: RefCell::default(),
        callbacks: RefCell::default(),
        collections: RefCell::default(),
    };
    heap.with_hooks(&hooks, || {
        let mut run = Run {
            heap,
            hooks: &hooks,
            classes: &classes,
            atoms: &atoms,
            handles: Vec::new(),
            model: Model::default(),
            map: HashMap::new(),
        };
        for op in ops {
            run.step(op)?;
        }
        run.teardown()
    })?;
    heap.clear_freelists();
    prop_assert_eq!(
        heap.malloc_stats().allocated_blocks(),
        baseline,
        "every object's memory is back"
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(pyrt_tests::proptest_cases(512)))]

    #[test]
    fn collections_free_exactly_the_unreachable(ops in prop::collection::vec(op(), 1..100)) {
        run(&ops)?;
    }
}
