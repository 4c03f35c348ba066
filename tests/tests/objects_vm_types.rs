//! The VM's object types (code, cell, function, method, module, frames, generators, the data
//! stack, the built-in iterators) against CPython 3.12.1: each object is built directly through
//! `pyrt-objects`' Rust API (there is no VM yet) from the same parts as a CPython object, and
//! its size, tracking, hash, line table and behaviour are compared with what CPython prints.

use std::collections::HashMap;

use proptest::prelude::*;
use pyrt_objects::abstract_::{self, getsizeof, iter_next};
use pyrt_objects::types::code::{self, Code, CodeParts};
use pyrt_objects::types::datastack::{DataStack, StackFrame};
use pyrt_objects::types::frameobject::FrameObject;
use pyrt_objects::types::iter::{builtins, dict as di, length_hint, seq};
use pyrt_objects::types::{
    bytes, cell, dict, function, genobject, list, long, method, module, none, range, set, tuple,
    unicode,
};
use pyrt_objects::{Heap, Obj, PyErr};
use pyrt_tests::cpython::cross_check;

fn s<'h>(heap: &'h Heap, text: &str) -> Obj<'h> {
    unicode::new_str(heap, text).unwrap()
}

fn int(heap: &Heap, v: i64) -> Obj<'_> {
    long::int_from_i64(heap, v).unwrap()
}

fn hex(text: &str) -> Vec<u8> {
    if text == "-" {
        return Vec::new();
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}

fn names(text: &str) -> Vec<String> {
    if text == "-" {
        Vec::new()
    } else {
        text.split(',').map(str::to_string).collect()
    }
}

fn str_tuple<'h>(heap: &'h Heap, items: &[String]) -> Obj<'h> {
    tuple::new_tuple(heap, items.iter().map(|n| s(heap, n)).collect()).unwrap()
}

/// The functions whose code objects are rebuilt, and what CPython says of them: one line per
/// code, fields separated by tabs.
const CODE_SCRIPT: &str = r#"
import sys, gc
def f0(): return 1
def f1(a, b=2, *args, k, **kw):
    x = a + b
    y = [x, k]
    return y, args, kw
def f2(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
        else:
            try:
                total -= 1
            except ValueError:
                pass
    return total
def outer(a):
    c = a
    def inner(): return c + a
    return inner
def gen(n):
    for i in range(n):
        yield i * i
def consts(c):
    out = []
    for x in c.co_consts:
        if x is None: out.append('N')
        elif type(x) is int: out.append('i' + str(x))
        elif type(x) is str: out.append('s' + x)
        else: out.append('c' + x.co_qualname)
    return '|'.join(out) or '-'
for fn in [f0, f1, f2, outer(1), outer, gen]:
    c = fn.__code__
    lines = []
    for s, e, l in c.co_lines():
        lines += [l if l is not None else -1] * ((e - s) // 2)
    print('\t'.join(map(str, [c.co_name, c.co_qualname, c.co_firstlineno, c.co_flags,
          c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount, c.co_stacksize,
          c.co_code.hex(), c.co_linetable.hex() or '-', c.co_exceptiontable.hex() or '-',
          ','.join(c.co_varnames) or '-', ','.join(c.co_cellvars) or '-',
          ','.join(c.co_freevars) or '-', ','.join(c.co_names) or '-', consts(c),
          sys.getsizeof(c), hash(c), ','.join(map(str, lines)), c.co_nlocals, repr(c).split(' at ')[1].split(', ', 1)[1]])))
"#;

struct CodeCase {
    fields: Vec<String>,
}

impl CodeCase {
    fn f(&self, i: usize) -> &str {
        &self.fields[i]
    }
    fn n(&self, i: usize) -> i32 {
        self.fields[i].parse().unwrap()
    }
}

/// Builds the code object CPython printed in `case`, with the local kinds the compiler gives:
/// locals, then cells that are not locals, then free variables.
fn build_code<'h>(heap: &'h Heap, case: &CodeCase, built: &HashMap<String, Obj<'h>>) -> Obj<'h> {
    let varnames = names(case.f(11));
    let cellvars = names(case.f(12));
    let freevars = names(case.f(13));
    let mut plus = Vec::new();
    let mut kinds = Vec::new();
    for v in &varnames {
        plus.push(v.clone());
        kinds.push(
            code::CO_FAST_LOCAL
                | if cellvars.contains(v) {
                    code::CO_FAST_CELL
                } else {
                    0
                },
        );
    }
    for c in cellvars.iter().filter(|c| !varnames.contains(c)) {
        plus.push(c.clone());
        kinds.push(code::CO_FAST_CELL);
    }
    for f in &freevars {
        plus.push(f.clone());
        kinds.push(code::CO_FAST_FREE);
    }
    let consts: Vec<Obj<'h>> = if case.f(15) == "-" {
        Vec::new()
    } else {
        case.f(15)
            .split('|')
            .map(|t| match t.split_at(1) {
                ("N", _) => none(heap),
                ("i", v) => int(heap, v.parse().unwrap()),
                ("s", v) => s(heap, v),
                (_, q) => built[q].clone(),
            })
            .collect()
    };
    let parts = CodeParts {
        filename: s(heap, "<stdin>"),
        name: unicode::intern(heap, s(heap, case.f(0))).unwrap(),
        qualname: unicode::intern(heap, s(heap, case.f(1))).unwrap(),
        flags: case.n(3),
        code: bytes::new_bytes(heap, &hex(case.f(8))).unwrap(),
        firstlineno: case.n(2),
        linetable: bytes::new_bytes(heap, &hex(case.f(9))).unwrap(),
        consts: tuple::new_tuple(heap, consts).unwrap(),
        names: str_tuple(heap, &names(case.f(14))),
        localsplusnames: str_tuple(heap, &plus),
        localspluskinds: bytes::new_bytes(heap, &kinds).unwrap(),
        argcount: case.n(4),
        posonlyargcount: case.n(5),
        kwonlyargcount: case.n(6),
        stacksize: case.n(7),
        exceptiontable: bytes::new_bytes(heap, &hex(case.f(10))).unwrap(),
    };
    code::new_code(heap, parts).unwrap()
}

#[test]
fn code_objects_match_cpython_in_size_hash_lines_and_repr() {
    let Some(check) = cross_check(6 * 5) else {
        return;
    };
    let out = check.python().run(CODE_SCRIPT);
    assert_eq!(out.len(), 6, "{out:?}");
    let heap = Heap::new();
    let mut built = HashMap::new();
    for line in &out {
        let case = CodeCase {
            fields: line.split('\t').map(str::to_string).collect(),
        };
        let c = build_code(&heap, &case, &built);
        let cv = c.cast::<Code>().unwrap();
        assert_eq!(
            getsizeof(c.object()),
            case.n(16) as usize,
            "size of {}",
            case.f(1)
        );
        assert_eq!(
            abstract_::hash(&heap, c.object()).unwrap().to_string(),
            case.f(17),
            "hash of {}",
            case.f(1)
        );
        let lines: Vec<String> = (0..cv.code_len())
            .map(|u| code::addr2line(cv, u as isize).to_string())
            .collect();
        assert_eq!(lines.join(","), case.f(18), "lines of {}", case.f(1));
        assert_eq!(
            cv.nlocals().to_string(),
            case.f(19),
            "nlocals of {}",
            case.f(1)
        );
        let repr = abstract_::repr(&heap, c.object()).unwrap();
        assert!(
            repr.starts_with(&format!("<code object {} at 0x", case.f(0)))
                && repr.ends_with(case.f(20)),
            "{repr} vs {}",
            case.f(20)
        );
        check.compared(5);
        assert!(
            !heap.is_tracked(c.object()),
            "code objects are not GC objects in 3.12"
        );
        assert_eq!(
            cv.framesize(),
            cv.nlocalsplus() + cv.stacksize() + code::FRAME_SPECIALS_SIZE
        );
        built.insert(case.f(1).to_string(), c);
    }
}

/// A function of `heap` for the code CPython printed on line `which` of [`CODE_SCRIPT`].
fn function_for<'h>(heap: &'h Heap, lines: &[String], which: &str) -> Obj<'h> {
    let mut built = HashMap::new();
    let mut found = None;
    for line in lines {
        let case = CodeCase {
            fields: line.split('\t').map(str::to_string).collect(),
        };
        let c = build_code(heap, &case, &built);
        if case.f(1) == which {
            found = Some(c.clone());
        }
        built.insert(case.f(1).to_string(), c);
    }
    let globals = dict::new_dict(heap).unwrap();
    let d = dict::Dict::cast(globals.object()).unwrap();
    dict::set_item(heap, d, s(heap, "__name__"), s(heap, "__main__")).unwrap();
    let builtins = dict::new_dict(heap).unwrap();
    function::new_function(
        heap,
        found.unwrap().object(),
        globals.object(),
        None,
        builtins,
    )
    .unwrap()
}

const OBJECT_SCRIPT: &str = r#"
import sys, gc, types
def f(a):
    def g(): return a
    return g
def fr(a, b):
    x = sys._getframe()
    return x, sys.getsizeof(x), gc.is_tracked(x), x.f_back is not None
def gen(n):
    for i in range(n):
        yield i * i
g = f(1)
c = g.__closure__[0]
m = types.MethodType(f, 1)
mod = types.ModuleType('m')
frame, in_size, in_tracked, has_back = fr(1, 2)
ge = gen(3)
print(sys.getsizeof(f), gc.is_tracked(f), sys.getsizeof(c), gc.is_tracked(c), sys.getsizeof(m), gc.is_tracked(m))
print(sys.getsizeof(mod), gc.is_tracked(mod), list(mod.__dict__), mod.__dict__['__doc__'])
print(in_size, in_tracked, sys.getsizeof(frame), gc.is_tracked(frame), fr.__code__.co_stacksize, len(fr.__code__.co_varnames))
print(sys.getsizeof(ge), gc.is_tracked(ge), sys.getsizeof(x*x for x in range(1000)))
print([type(r).__name__ for r in gc.get_referents(f)])
print(repr(types.CellType()).split(': ')[1], repr(mod))
"#;

#[test]
fn functions_cells_methods_modules_frames_and_generators_match_cpython() {
    let Some(check) = cross_check(16) else {
        return;
    };
    let out = check.python().run(OBJECT_SCRIPT);
    let code_lines = check.python().run(CODE_SCRIPT);
    let heap = Heap::new();
    let cmp = |line: &str, ours: String| {
        assert_eq!(ours, line);
        check.compared(1);
    };
    // Functions, cells, methods.
    let f = function_for(&heap, &code_lines, "f0");
    let c = cell::new_cell(&heap, Some(int(&heap, 1))).unwrap();
    let m = method::new_method(&heap, f.clone(), int(&heap, 1)).unwrap();
    let t = |o: &Obj<'_>| {
        if heap.is_tracked(o.object()) {
            "True"
        } else {
            "False"
        }
    };
    cmp(
        &out[0],
        format!(
            "{} {} {} {} {} {}",
            getsizeof(f.object()),
            t(&f),
            getsizeof(c.object()),
            t(&c),
            getsizeof(m.object()),
            t(&m)
        ),
    );
    // Modules.
    let md = module::new_module(&heap, s(&heap, "m")).unwrap();
    let mdict = md.cast::<module::Module>().unwrap().dict(&heap);
    let keys: Vec<String> = dict::entries(dict::Dict::cast(mdict.object()).unwrap())
        // SAFETY: keys of a live dict.
        .map(|(k, _)| unsafe {
            format!(
                "'{}'",
                unicode::str_value(unicode::Str::cast(k.as_ref()).unwrap())
            )
        })
        .collect();
    cmp(
        &out[1],
        format!(
            "{} {} [{}] None",
            getsizeof(md.object()),
            t(&md),
            keys.join(", ")
        ),
    );
    // Frames: one for a code with fr's counts, made while "running", then kept after the pop.
    let fields: Vec<&str> = out[2].split(' ').collect();
    let (stacksize, nvars): (i32, usize) = (fields[4].parse().unwrap(), fields[5].parse().unwrap());
    let fr = function_with_counts(&heap, nvars, stacksize);
    let stack = DataStack::new(&heap);
    let frame = stack.push(fr, None).unwrap();
    let fo = frame.frame().frame_object(&heap).unwrap();
    let in_size = getsizeof(fo.object());
    let in_tracked = t(&fo);
    stack.pop(frame).map_err(|_| ()).unwrap();
    let fov = fo.cast::<FrameObject>().unwrap();
    assert!(fov.owns_frame());
    cmp(
        &out[2],
        format!(
            "{in_size} {in_tracked} {} {} {stacksize} {nvars}",
            getsizeof(fo.object()),
            t(&fo)
        ),
    );
    // Generators: `gen`'s code and a genexpr-shaped code (2 locals, a stack of 3).
    let g = generator_of(&heap, &stack, function_for(&heap, &code_lines, "gen"));
    let gx = generator_of(&heap, &stack, function_with_counts(&heap, 2, 3));
    cmp(
        &out[3],
        format!(
            "{} {} {}",
            getsizeof(g.object()),
            t(&g),
            getsizeof(gx.object())
        ),
    );
    // Traversal order of a function: code, globals, builtins, module, doc, name, qualname.
    let referents: Vec<String> = heap
        .referents(&[f.object()])
        .iter()
        .map(|r| format!("'{}'", r.ob_type().name()))
        .collect();
    // CPython's `f` has a closure-less code with a `None` doc: the same kinds of referents.
    let py_refs = out[4].trim_matches(['[', ']']).replace("'NoneType', ", "");
    cmp(&py_refs, referents.join(", ").replace("'NoneType', ", ""));
    let empty = cell::new_cell(&heap, None).unwrap();
    let empty_repr = abstract_::repr(&heap, empty.object()).unwrap();
    cmp(
        &out[5],
        format!(
            "{} {}",
            empty_repr.split(": ").nth(1).unwrap(),
            abstract_::repr(&heap, md.object()).unwrap()
        ),
    );
    // Behaviour without CPython lines: cells and generators.
    let cv = c.cast::<cell::CellObject>().unwrap();
    assert_eq!(
        empty
            .cast::<cell::CellObject>()
            .unwrap()
            .contents(&heap)
            .unwrap_err()
            .message(),
        "Cell is empty"
    );
    cv.set(&heap, None);
    assert!(cv.get(&heap).is_none());
    check.compared(16 - 6);
}

/// A function whose code has `nvars` plain locals and a stack of `stacksize`.
fn function_with_counts(heap: &Heap, nvars: usize, stacksize: i32) -> Obj<'_> {
    let vars: Vec<String> = (0..nvars).map(|i| format!("v{i}")).collect();
    let parts = CodeParts {
        filename: s(heap, "x.py"),
        name: s(heap, "fn"),
        qualname: s(heap, "fn"),
        flags: 3,
        code: bytes::new_bytes(heap, &[151, 0, 121, 0]).unwrap(),
        firstlineno: 1,
        linetable: bytes::new_bytes(heap, &[]).unwrap(),
        consts: tuple::new_tuple(heap, vec![none(heap)]).unwrap(),
        names: tuple::new_tuple(heap, vec![]).unwrap(),
        localsplusnames: str_tuple(heap, &vars),
        localspluskinds: bytes::new_bytes(heap, &vec![code::CO_FAST_LOCAL; nvars]).unwrap(),
        argcount: 0,
        posonlyargcount: 0,
        kwonlyargcount: 0,
        stacksize,
        exceptiontable: bytes::new_bytes(heap, &[]).unwrap(),
    };
    let c = code::new_code(heap, parts).unwrap();
    let globals = dict::new_dict(heap).unwrap();
    function::new_function(
        heap,
        c.object(),
        globals.object(),
        None,
        dict::new_dict(heap).unwrap(),
    )
    .unwrap()
}

fn generator_of<'h>(heap: &'h Heap, stack: &DataStack<'h>, func: Obj<'h>) -> Obj<'h> {
    let frame = stack.push(func, None).unwrap();
    genobject::new_generator(heap, stack, frame).unwrap()
}

const ITER_SCRIPT: &str = r#"
import sys, gc
class S:
    def __len__(self): return 0
    def __getitem__(self, i): raise IndexError
its = [iter([1]), reversed([1]), iter((1,)), iter(b'a'), iter('ab'), iter('é'), iter(range(3)),
       iter(range(2**64, 2**64 + 3)), iter({}), iter({}.values()), iter({}.items()), reversed({}),
       reversed({}.values()), reversed({}.items()), iter(set()), enumerate([]), zip(), map(len, []),
       filter(None, []), reversed(S())]
print(' '.join(f'{type(i).__name__}:{sys.getsizeof(i)}:{gc.is_tracked(i)}' for i in its))
l = [1, 2, 3]; it = iter(l); next(it); del l[1:]
print(list(it), it.__length_hint__())
d = {'a': 1, 'b': 2}; it = iter(d); next(it); d['c'] = 3
try: next(it)
except RuntimeError as e: print(e)
try: next(it)
except RuntimeError as e: print(e)
for args in [([1], [1, 2]), ([1, 2], [1]), ([1, 2], [1, 2], [1])]:
    try: list(zip(*args, strict=True))
    except ValueError as e: print(e)
print(list(enumerate('abc', sys.maxsize - 1)))
it = iter(range(2**64, 2**64 + 7, 3)); print(type(it).__name__, it.__length_hint__(), list(it))
print(list(reversed(range(0, 10, 3))), list(reversed([1, 2, 3])), list(reversed({'a': 1, 'b': 2}.items())))
it = iter({'a': 1, 'b': 2}.items()); a = next(it); i = id(a); del a; print(id(next(it)) == i)
it = enumerate('ab'); a = next(it); i = id(a); del a; print(id(next(it)) == i)
s = {1, 2}; it = iter(s); next(it); s.add(3)
try: next(it)
except RuntimeError as e: print(e)
print(list(map(None.__class__, [])), list(filter(None, [0, 1, '', 'a'])))
"#;

fn items_of<'h>(heap: &'h Heap, it: &Obj<'h>) -> Vec<Obj<'h>> {
    let mut out = Vec::new();
    while let Some(x) = iter_next(heap, it.object()).unwrap() {
        out.push(x);
    }
    out
}

fn repr_list(heap: &Heap, items: &[Obj<'_>]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|x| abstract_::repr(heap, x.object()).unwrap())
        .collect();
    format!("[{}]", parts.join(", "))
}

fn py_dict<'h>(heap: &'h Heap, pairs: &[(&str, i64)]) -> Obj<'h> {
    let d = dict::new_dict(heap).unwrap();
    for &(k, v) in pairs {
        dict::set_item(
            heap,
            dict::Dict::cast(d.object()).unwrap(),
            s(heap, k),
            int(heap, v),
        )
        .unwrap();
    }
    d
}

#[test]
fn iterators_match_cpython() {
    let Some(check) = cross_check(16) else {
        return;
    };
    let out = check.python().run(ITER_SCRIPT);
    let heap = Heap::new();
    let h = &heap;
    let l1 = list::new_list(h, vec![int(h, 1)]).unwrap();
    let t1 = tuple::new_tuple(h, vec![int(h, 1)]).unwrap();
    let empty = dict::new_dict(h).unwrap();
    let es = set::new_set(h).unwrap();
    let big = range::range_from_args(h, &[int(h, 0).object(), int(h, 3).object()]).unwrap();
    let two64 = abstract_::binary_op(
        h,
        int(h, 1 << 62).object(),
        int(h, 4).object(),
        abstract_::BinOp::Mul,
    )
    .unwrap();
    let top =
        abstract_::binary_op(h, two64.object(), int(h, 3).object(), abstract_::BinOp::Add).unwrap();
    let long_range = range::range_from_args(h, &[two64.object(), top.object()]).unwrap();
    let empty_list = list::new_list(h, vec![]).unwrap();
    let its = vec![
        seq::list_iter(h, &l1).unwrap(),
        seq::list_reversed(h, &l1).unwrap(),
        seq::tuple_iter(h, &t1).unwrap(),
        seq::bytes_iter(h, &bytes::new_bytes(h, b"a").unwrap()).unwrap(),
        seq::str_iter(h, &s(h, "ab")).unwrap(),
        seq::str_iter(h, &s(h, "é")).unwrap(),
        seq::range_iter(h, &big, false).unwrap(),
        seq::range_iter(h, &long_range, false).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Keys, false).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Values, false).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Items, false).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Keys, true).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Values, true).unwrap(),
        di::dict_iter(h, &empty, di::DictIterKind::Items, true).unwrap(),
        di::set_iter(h, &es).unwrap(),
        builtins::new_enumerate(h, empty_list.object(), None).unwrap(),
        builtins::new_zip(h, &[], false).unwrap(),
        builtins::new_map(h, none(h), &[empty_list.object()]).unwrap(),
        builtins::new_filter(h, none(h), empty_list.object()).unwrap(),
        builtins::new_reversed(h, empty_list.clone(), 0).unwrap(),
    ];
    let line: Vec<String> = its
        .iter()
        .map(|i| {
            let tracked = if h.is_tracked(i.object()) {
                "True"
            } else {
                "False"
            };
            format!("{}:{}:{tracked}", i.ob_type().name(), getsizeof(i.object()))
        })
        .collect();
    let mut n = 0;
    let mut cmp = |k: usize, ours: String| {
        assert_eq!(ours, out[k], "line {k}");
        n += 1;
    };
    cmp(0, line.join(" "));
    // A list iterator after the list shrank.
    let l = list::new_list(h, vec![int(h, 1), int(h, 2), int(h, 3)]).unwrap();
    let it = seq::list_iter(h, &l).unwrap();
    iter_next(h, it.object()).unwrap();
    list::del_slice(h, l.cast::<list::List>().unwrap(), 1, 3).unwrap();
    let rest = items_of(h, &it);
    let hint = length_hint(h, it.object()).unwrap().unwrap();
    cmp(
        1,
        format!(
            "{} {}",
            repr_list(h, &rest),
            abstract_::repr(h, hint.object()).unwrap()
        ),
    );
    // A dict that changed size, twice (the failure sticks).
    let d = py_dict(h, &[("a", 1), ("b", 2)]);
    let it = di::dict_iter(h, &d, di::DictIterKind::Keys, false).unwrap();
    iter_next(h, it.object()).unwrap();
    dict::set_item(h, d.cast::<dict::Dict>().unwrap(), s(h, "c"), int(h, 3)).unwrap();
    let e1 = iter_next(h, it.object()).unwrap_err();
    cmp(2, e1.message().to_string());
    let e2 = iter_next(h, it.object()).unwrap_err();
    cmp(3, e2.message().to_string());
    // zip(strict=True).
    let lists = |v: &[i64]| list::new_list(h, v.iter().map(|&x| int(h, x)).collect()).unwrap();
    for (k, args) in [
        vec![lists(&[1]), lists(&[1, 2])],
        vec![lists(&[1, 2]), lists(&[1])],
        vec![lists(&[1, 2]), lists(&[1, 2]), lists(&[1])],
    ]
    .iter()
    .enumerate()
    {
        let refs: Vec<_> = args.iter().map(Obj::object).collect();
        let z = builtins::new_zip(h, &refs, true).unwrap();
        let err: PyErr = loop {
            match iter_next(h, z.object()) {
                Ok(Some(_)) => {}
                Ok(None) => panic!("no error"),
                Err(e) => break e,
            }
        };
        cmp(4 + k, err.message().to_string());
    }
    // enumerate across sys.maxsize.
    let e = builtins::new_enumerate(h, s(h, "abc").object(), Some(int(h, i64::MAX - 1).object()))
        .unwrap();
    cmp(7, repr_list(h, &items_of(h, &e)));
    // A long range iterator.
    let step3 =
        abstract_::binary_op(h, two64.object(), int(h, 7).object(), abstract_::BinOp::Add).unwrap();
    let r =
        range::range_from_args(h, &[two64.object(), step3.object(), int(h, 3).object()]).unwrap();
    let it = seq::range_iter(h, &r, false).unwrap();
    let hint = length_hint(h, it.object()).unwrap().unwrap();
    cmp(
        8,
        format!(
            "{} {} {}",
            it.ob_type().name(),
            abstract_::repr(h, hint.object()).unwrap(),
            repr_list(h, &items_of(h, &it))
        ),
    );
    // reversed: a range, a list, dict items.
    let r = range::range_from_args(
        h,
        &[int(h, 0).object(), int(h, 10).object(), int(h, 3).object()],
    )
    .unwrap();
    let rr = seq::range_iter(h, &r, true).unwrap();
    let rl = seq::list_reversed(h, &lists(&[1, 2, 3])).unwrap();
    let rd = di::dict_iter(
        h,
        &py_dict(h, &[("a", 1), ("b", 2)]),
        di::DictIterKind::Items,
        true,
    )
    .unwrap();
    cmp(
        9,
        format!(
            "{} {} {}",
            repr_list(h, &items_of(h, &rr)),
            repr_list(h, &items_of(h, &rl)),
            repr_list(h, &items_of(h, &rd))
        ),
    );
    // Result tuples are reused while nothing else holds them.
    let it = di::dict_iter(
        h,
        &py_dict(h, &[("a", 1), ("b", 2)]),
        di::DictIterKind::Items,
        false,
    )
    .unwrap();
    let a = iter_next(h, it.object()).unwrap().unwrap();
    let first = a.as_ptr();
    drop(a);
    let same = iter_next(h, it.object()).unwrap().unwrap().as_ptr() == first;
    cmp(10, if same { "True" } else { "False" }.into());
    let it = builtins::new_enumerate(h, s(h, "ab").object(), None).unwrap();
    let a = iter_next(h, it.object()).unwrap().unwrap();
    let first = a.as_ptr();
    drop(a);
    let same = iter_next(h, it.object()).unwrap().unwrap().as_ptr() == first;
    cmp(11, if same { "True" } else { "False" }.into());
    // A set that changed size.
    let st = set::new_set(h).unwrap();
    let sv = st.cast::<set::Set>().unwrap();
    set::add(h, sv, int(h, 1)).unwrap();
    set::add(h, sv, int(h, 2)).unwrap();
    let it = di::set_iter(h, &st).unwrap();
    iter_next(h, it.object()).unwrap();
    set::add(h, sv, int(h, 3)).unwrap();
    cmp(
        12,
        iter_next(h, it.object()).unwrap_err().message().to_string(),
    );
    // filter(None, ...).
    let src = list::new_list(h, vec![int(h, 0), int(h, 1), s(h, ""), s(h, "a")]).unwrap();
    let f = builtins::new_filter(h, none(h), src.object()).unwrap();
    cmp(13, format!("[] {}", repr_list(h, &items_of(h, &f))));
    check.compared(n);
    // Iterators own their sequence until exhausted.
    let l = lists(&[1]);
    let before = l.object().refcnt();
    let it = seq::list_iter(h, &l).unwrap();
    assert_eq!(l.object().refcnt(), before + 1);
    items_of(h, &it);
    assert_eq!(
        l.object().refcnt(),
        before,
        "an exhausted iterator drops its list"
    );
    // A non-iterator is CPython's TypeError.
    let err = iter_next(h, int(h, 5).object()).unwrap_err();
    assert_eq!(err.message(), "'int' object is not an iterator");
    let err = abstract_::get_iter(h, int(h, 5).object()).unwrap_err();
    assert_eq!(err.message(), "'int' object is not iterable");
    check.compared(2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random pushes and pops keep every live frame's slots intact, pop only the top, and give
    /// every chunk but the root back once the stack is empty.
    #[test]
    fn data_stack_push_pop_programs(ops in prop::collection::vec((any::<bool>(), 0usize..3000, 0i32..40), 1..120)) {
        let heap = Heap::new();
        let stack = DataStack::new(&heap);
        let mut live: Vec<(StackFrame<'_>, i64, usize)> = Vec::new();
        let mut tag = 0i64;
        for (push, nvars, stacksize) in ops {
            if push || live.is_empty() {
                let f = function_with_counts(&heap, nvars % 700, stacksize);
                let frame = stack.push(f, None).unwrap();
                tag += 1;
                let n = nvars % 700;
                for i in 0..n {
                    frame.frame().set_local(&heap, i, Some(int(&heap, tag * 10_000 + i as i64))).unwrap();
                }
                live.push((frame, tag, n));
            } else {
                let (frame, _, _) = live.pop().unwrap();
                prop_assert!(stack.pop(frame).is_ok());
            }
            for (frame, t, n) in &live {
                for i in [0, n / 2, n.saturating_sub(1)] {
                    if i < *n {
                        let v = frame.frame().local(&heap, i).unwrap();
                        prop_assert_eq!(long::object_as_i64(v.object()), Some(t * 10_000 + i as i64));
                    }
                }
            }
            prop_assert_eq!(stack.depth(), live.len());
        }
        // Popping a frame that is not the top is refused.
        if live.len() >= 2 {
            let bottom = live.remove(0);
            let back = stack.pop(bottom.0);
            prop_assert!(back.is_err());
            live.insert(0, (back.err().unwrap(), bottom.1, bottom.2));
        }
        while let Some((frame, _, _)) = live.pop() {
            prop_assert!(stack.pop(frame).is_ok());
        }
        let sizes = stack.chunk_sizes();
        prop_assert!(sizes.len() <= 1, "{:?}", sizes);
        prop_assert!(sizes.iter().all(|&s| s >= 16 * 1024));
    }
}

#[test]
fn big_frames_get_their_own_chunks_of_16k_doubled() {
    let heap = Heap::new();
    let stack = DataStack::new(&heap);
    let small = stack
        .push(function_with_counts(&heap, 10, 5), None)
        .unwrap();
    assert_eq!(stack.chunk_sizes(), [16 * 1024]);
    // 3000 words + 1000 of overhead need 32 KiB.
    let big = stack
        .push(function_with_counts(&heap, 2990, 1), None)
        .unwrap();
    assert_eq!(stack.chunk_sizes(), [32 * 1024, 16 * 1024]);
    assert!(stack.pop(big).is_ok());
    assert_eq!(stack.chunk_sizes(), [16 * 1024]);
    assert!(stack.pop(small).is_ok());
    assert_eq!(stack.chunk_sizes(), [16 * 1024], "the root chunk stays");
}

#[test]
fn a_frame_object_outliving_its_call_owns_the_frame_and_its_back_link() {
    let heap = Heap::new();
    let stack = DataStack::new(&heap);
    let caller = stack.push(function_with_counts(&heap, 1, 2), None).unwrap();
    caller.frame().set_lasti(1);
    let callee = stack.push(function_with_counts(&heap, 2, 2), None).unwrap();
    callee.frame().set_lasti(1);
    // SAFETY: the caller stays on the stack below the callee until after the callee's pop.
    unsafe { callee.frame().set_previous(Some(caller.as_ptr())) };
    let value = int(&heap, 123_456);
    callee
        .frame()
        .set_local(&heap, 1, Some(value.clone()))
        .unwrap();
    let fo = callee.frame().frame_object(&heap).unwrap();
    assert!(
        !heap.is_tracked(fo.object()),
        "a running frame's object is untracked"
    );
    let before = value.object().refcnt();
    assert!(stack.pop(callee).is_ok());
    assert_eq!(
        value.object().refcnt(),
        before,
        "the local moved into the frame object"
    );
    let fov = fo.cast::<FrameObject>().unwrap();
    assert!(fov.owns_frame() && heap.is_tracked(fo.object()));
    assert_eq!(
        fov.frame().local(&heap, 1).unwrap().as_ptr(),
        value.as_ptr()
    );
    let back = fov.back(&heap).unwrap().unwrap();
    assert!(back.is(&caller.frame().frame_obj(&heap).unwrap()));
    drop(back);
    assert!(stack.pop(caller).is_ok());
    drop(fo);
    assert_eq!(
        value.object().refcnt(),
        before - 1,
        "the frame object released its locals"
    );
}

#[test]
fn generators_keep_their_frame_until_cleared_and_finalize_without_a_vm() {
    let heap = Heap::new();
    let stack = DataStack::new(&heap);
    let f = function_with_counts(&heap, 2, 3);
    let frame = stack.push(f, None).unwrap();
    let v = int(&heap, 987_654);
    frame.frame().set_local(&heap, 0, Some(v.clone())).unwrap();
    let g = genobject::new_generator(&heap, &stack, frame).unwrap();
    assert_eq!(stack.depth(), 0);
    let gv = g.cast::<genobject::Generator>().unwrap();
    assert_eq!(gv.frame_state(), genobject::FRAME_CREATED);
    assert_eq!(gv.frame().local(&heap, 0).unwrap().as_ptr(), v.as_ptr());
    let refs = heap.referents(&[g.object()]);
    assert!(
        refs.iter().any(|r| r.is(&v)),
        "the frame's locals are traversed"
    );
    drop(refs);
    let before = v.object().refcnt();
    drop(g);
    assert_eq!(v.object().refcnt(), before - 1);
}

#[test]
fn misuse_gives_type_errors_not_panics() {
    let heap = Heap::new();
    let h = &heap;
    let e = function::new_function(
        h,
        int(h, 1).object(),
        dict::new_dict(h).unwrap().object(),
        None,
        none(h),
    )
    .unwrap_err();
    assert_eq!(e.message(), "expected code, got 'int'");
    let stack = DataStack::new(h);
    assert!(stack.push(int(h, 1), None).is_err());
    assert!(builtins::new_map(h, none(h), &[]).is_err());
    let parts_err = code::new_code(
        h,
        CodeParts {
            filename: s(h, "x"),
            name: s(h, "f"),
            qualname: s(h, "f"),
            flags: 0,
            code: bytes::new_bytes(h, &[1, 2, 3]).unwrap(),
            firstlineno: 1,
            linetable: bytes::new_bytes(h, &[]).unwrap(),
            consts: tuple::new_tuple(h, vec![]).unwrap(),
            names: tuple::new_tuple(h, vec![]).unwrap(),
            localsplusnames: tuple::new_tuple(h, vec![]).unwrap(),
            localspluskinds: bytes::new_bytes(h, &[]).unwrap(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            stacksize: 0,
            exceptiontable: bytes::new_bytes(h, &[]).unwrap(),
        },
    )
    .unwrap_err();
    assert_eq!(parts_err.message(), "code: co_code is malformed");
}

#[test]
fn push_call_moves_the_arguments_and_copies_the_defaults_into_a_linked_frame() {
    let heap = Heap::new();
    let stack = DataStack::new(&heap);
    // The caller: two locals and a value stack holding two arguments.
    let caller = stack.push(function_with_counts(&heap, 2, 4), None).unwrap();
    let (a, b) = (int(&heap, 1_000_001), int(&heap, 1_000_002));
    caller.frame().stack_push(&heap, a.clone()).unwrap();
    caller.frame().stack_push(&heap, b.clone()).unwrap();
    let (ra, rb) = (a.object().refcnt(), b.object().refcnt());
    // The callee: four locals; the last one comes from `__defaults__`.
    let callee_fn = function_with_counts(&heap, 4, 2);
    let d = int(&heap, 1_000_003);
    let defaults = tuple::new_tuple(&heap, vec![int(&heap, 7), d.clone()]).unwrap();
    function::Function::cast(callee_fn.object())
        .unwrap()
        .set_defaults(&heap, Some(defaults))
        .unwrap();
    let rd = d.object().refcnt();
    let callee = stack.push_call(callee_fn, caller.frame(), 2, 1).unwrap();
    let f = callee.frame();
    assert_eq!(f.local(&heap, 0).unwrap().as_ptr(), a.as_ptr());
    assert_eq!(f.local(&heap, 1).unwrap().as_ptr(), b.as_ptr());
    assert_eq!(f.local(&heap, 2).unwrap().as_ptr(), d.as_ptr());
    assert!(f.local(&heap, 3).is_none());
    assert_eq!(f.stacktop(), 4);
    assert_eq!(caller.frame().stack_depth(), 0, "the arguments moved out");
    assert_eq!(
        (a.object().refcnt(), b.object().refcnt()),
        (ra, rb),
        "moved, not copied"
    );
    assert_eq!(
        d.object().refcnt(),
        rd + 1,
        "a default gets a new reference"
    );
    assert_eq!(stack.depth(), 2);
    assert!(std::ptr::eq(stack.top_frame().unwrap(), f));
    assert!(std::ptr::eq(
        stack.frame_from_top(1).unwrap(),
        caller.frame()
    ));
    assert!(stack.frame_from_top(2).is_none());
    // More arguments than the caller holds, or than the callee's locals, are refused.
    let too_many = stack.push_call(function_with_counts(&heap, 1, 1), f, 5, 0);
    assert!(too_many.is_err());
    let too_few_defaults = stack.push_call(function_with_counts(&heap, 4, 1), f, 0, 1);
    assert!(too_few_defaults.is_err());
    // The caller cannot be popped under its callee; the callee can.
    let caller = stack.pop(caller).unwrap_err();
    assert!(stack.pop(callee).is_ok());
    assert_eq!(
        a.object().refcnt(),
        ra - 1,
        "the popped frame released its locals"
    );
    assert!(stack.pop(caller).is_ok());
    assert_eq!(stack.depth(), 0);
}
