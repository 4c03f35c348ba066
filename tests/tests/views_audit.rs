//! The typed-views audit (ARCHITECTURE.md, "Architecture invariants"; `objects/src/view.rs`):
//! no public function of `pyrt-objects`, and none of the interpreter's own object types in
//! `interp/src` (the interpreter, `pyrt-interp`), reads an object's body without a checked type.
//!
//! The check reads the Rust sources (test modules left out) and enforces two rules:
//!
//! * **(b) Raw layout casts live in layout owners.** A raw cast of an object (`.cast::<PyX>()`,
//!   `ptr::from_ref(o).cast…`, `as *const PyX`, `cast_unchecked(…)`) may appear only in a
//!   private `header` or `slot_self` function, in a constructor (its body allocates the object
//!   with `alloc_object`), in a deallocator (`dealloc`, `…_dealloc`: a slot run on a dead object
//!   of its own type), in `view.rs`, or in a function of [`LAYOUT_OWNERS`], each with its reason.
//! * **(a) No public function reads a body through an unchecked reference.** A function with a
//!   `&PyObject`, `ObjPtr` or `NonNull<PyObject>` parameter *reads a body* if it holds a raw cast
//!   or calls (by name, in its own module, or as `module::name` from another) a function that
//!   does and is not a checked access. A `pub`/`pub(crate)` function that reads a body must be a
//!   checked access of [`CHECKED`], with its reason (it dispatches on the type, it is a slot
//!   called only through its type's slot table, it only reads the header). `unsafe fn`s are
//!   outside the rule: their `# Safety` section makes the caller promise the type, as
//!   `cast_unchecked` does.
//!
//! A parameter of a callback type (`&dyn Fn(&PyObject)`) is not an object parameter.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Functions allowed to hold raw layout casts besides `header`, `slot_self`, constructors and
/// deallocators: `(file, function, why)`.
const LAYOUT_OWNERS: &[(&str, &str, &str)] = &[
    // Typed views' bodies, as a `header` function reads them (the name `header` is taken in
    // their module by another type's).
    (
        "objects/src/types/deque/iter.rs",
        "iter_header",
        "a `DequeIter` view's body: the view checked the iterator types",
    ),
    (
        "objects/src/types/random.rs",
        "fields",
        "a `Random` view's body: the view checked `_random.Random` or a subclass, same layout first",
    ),
    // The speed paths of exact ints and floats, each after an exact type check or on a body
    // the function itself just allocated.
    (
        "objects/src/abstract_fast.rs",
        "binary_exact_builtins_owned",
        "float or int bodies, only when both operands' `ob_type` is exactly `float` or `int`",
    ),
    (
        "objects/src/types/list.rs",
        "init_list",
        "a list body its caller just allocated or took from the free list, with one reference",
    ),
    (
        "objects/src/types/float.rs",
        "new_float",
        "the `PyFloatObject` it just took from the free list or allocated",
    ),
    (
        "objects/src/types/float.rs",
        "set_value",
        "an exact float's `ob_fval` whose one reference is the caller's (debug-asserted)",
    ),
    (
        "objects/src/types/long.rs",
        "medium_value",
        "at most two digits of an `Int` view, as its `lv_tag` says it has",
    ),
    (
        "objects/src/types/long.rs",
        "exact_medium_value",
        "the int body, only when `ob_type` is exactly `int`",
    ),
    (
        "objects/src/types/long.rs",
        "new_one_digit_int",
        "the `PyLongObject` with one digit it just allocated",
    ),
    (
        "objects/src/types/long.rs",
        "new_wide_int_from_word",
        "the `PyLongObject` with two or three digits it just allocated",
    ),
    // The VM's unchecked access to fast locals and the value stack.
    (
        "objects/src/types/frame.rs",
        "slot_unchecked",
        "`localsplus` after the frame's header, below `frame_slots` (the caller's contract, \
         debug-asserted)",
    ),
    (
        "objects/src/types/frame.rs",
        "stack_pointer",
        "the address of `localsplus[stacktop]` after the frame's header (no read)",
    ),
    (
        "objects/src/types/frame.rs",
        "set_stack_pointer",
        "the base of `localsplus` after the frame's header, to turn the VM's stack pointer back \
         into `stacktop` (no read; the caller's contract, debug-asserted)",
    ),
    // The compact value of an exact int, after the exact type check.
    (
        "objects/src/types/long.rs",
        "exact_compact_value",
        "the int body, only when `ob_type` is exactly `int`",
    ),
    // A str view of an exact str, after the exact type check (names and str dict keys).
    (
        "objects/src/types/unicode.rs",
        "as_exact_str",
        "the str view, only when `ob_type` is exactly `str`",
    ),
    // The text stream's one word, read after its type check.
    (
        "interp/src/stdio.rs",
        "stream_fd",
        "the `StreamObject` body, only when `is_stream` holds",
    ),
    // The subclass bodies of an exception view, by the layout of its class.
    (
        "objects/src/types/exceptions/mod.rs",
        "field",
        "a reference field at an offset the instance's own layout lists (asserted)",
    ),
    (
        "objects/src/types/exceptions/mod.rs",
        "unicode_body",
        "the `PyUnicodeErrorObject` body, only when the instance's layout is `Unicode`",
    ),
    (
        "objects/src/types/exceptions/mod.rs",
        "os_body",
        "the `PyOSErrorObject` body, only when the instance's layout is `OsError`",
    ),
    // Header-only reads of any object.
    (
        "objects/src/abstract_.rs",
        "sizeof",
        "reads only `PyVarObject.ob_size`, the header of every type with `tp_itemsize > 0`",
    ),
    (
        "objects/src/freelist.rs",
        "push",
        "links dead objects through their `ob_type` header word",
    ),
    (
        "objects/src/types/base.rs",
        "type_object",
        "the checked cast to `PyTypeObject`: `ob_type` is `type`",
    ),
    (
        "objects/src/types/weakref.rs",
        "weaklist",
        "the word `tp_weaklistoffset` (or the managed pre-header) names, as CPython's `_PyObject_GET_WEAKREFS_LISTPTR`",
    ),
    (
        "objects/src/types/dict/managed.rs",
        "word",
        "the managed dict word of the pre-header of a `&ManagedInstance`",
    ),
    // The variable part after the header, read from the module's own view.
    (
        "objects/src/types/bytes.rs",
        "bytes_value",
        "the bytes after the header of a `&Bytes`",
    ),
    (
        "objects/src/types/tuple.rs",
        "items",
        "the items after the header of a `&Tuple`",
    ),
    (
        "objects/src/types/record.rs",
        "cells",
        "the field cells after the header of a `&Record`",
    ),
    (
        "objects/src/types/class.rs",
        "slot_cells",
        "the member slot cells after the header of an `&Instance`",
    ),
    (
        "objects/src/types/class.rs",
        "items_cells",
        "the size word and the item cells after the header of an `&ItemsInstance`",
    ),
    (
        "objects/src/types/builtin_subclass.rs",
        "member_cells",
        "the member slot cells after the built-in base's struct, for instances of classes on \
         `float`, `complex`, `dict`, `set`, `frozenset`, `list` and the exceptions, after the \
         characters on `str` (an empty list for the other bases)",
    ),
    (
        "objects/src/types/long.rs",
        "digits",
        "the digits after the header of an `&Int`",
    ),
    (
        "objects/src/types/unicode.rs",
        "str_value",
        "the characters after the header of a `&Str`",
    ),
    (
        "objects/src/types/unicode.rs",
        "str_repeat",
        "copies the characters after the header of a `&Str` into a fresh string",
    ),
    (
        "interp/src/objects.rs",
        "words",
        "the words after the header of a `Typed` (kind-checked) object",
    ),
    // The VM's objects: the variable part after a fixed layout, read from the module's view.
    (
        "objects/src/types/code.rs",
        "units",
        "the code units after the fixed part of a `&Code`",
    ),
    (
        "objects/src/types/frame.rs",
        "slots",
        "the localsplus slots after an `&InterpreterFrame` (not an object: frames are only made by `init`/`move_to`)",
    ),
    (
        "objects/src/types/frameobject.rs",
        "own_data",
        "the frame data after the fixed part of a `&FrameObject`",
    ),
    (
        "objects/src/types/genobject.rs",
        "frame",
        "the frame embedded after the fixed part of a `&Generator`",
    ),
    (
        "objects/src/types/frame.rs",
        "code",
        "the frame's `f_code`, which only ever holds a code object (`init`, `init_call` and \
         `move_to` store a checked one; debug-asserted)",
    ),
    (
        "objects/src/types/genobject.rs",
        "of_frame",
        "the generator around a frame owned by a generator (`_PyFrame_GetGenerator`: such a \
         frame is only ever embedded in one), then checked by `Generator::cast`",
    ),
    (
        "objects/src/types/tuple.rs",
        "swap_item",
        "writes an item slot after the header of a `&Tuple`",
    ),
    (
        "objects/src/types/unicode.rs",
        "char_at",
        "reads one character after the header of a `&Str`",
    ),
    (
        "objects/src/types/unicode.rs",
        "str_data",
        "the code units after the header of a `&Str`, as bytes, for `unicode_eq`",
    ),
    // Header casts of modules that own several layouts, one function per view.
    (
        "objects/src/types/iter/seq.rs",
        "range_header",
        "the header of a `&RangeIter`",
    ),
    (
        "objects/src/types/iter/seq.rs",
        "longrange_header",
        "the header of a `&LongRangeIter`",
    ),
    (
        "objects/src/types/iter/dict.rs",
        "set_header",
        "the header of a `&SetIter`",
    ),
    (
        "objects/src/types/iter/builtins.rs",
        "enum_header",
        "the header of an `&Enumerate`",
    ),
    (
        "objects/src/types/iter/builtins.rs",
        "rev_header",
        "the header of a `&Reversed`",
    ),
    (
        "objects/src/types/iter/builtins.rs",
        "zip_header",
        "the header of a `&Zip`",
    ),
    (
        "objects/src/types/iter/builtins.rs",
        "map_header",
        "the header of a `&Map`",
    ),
    (
        "objects/src/types/iter/builtins.rs",
        "filter_header",
        "the header of a `&Filter`",
    ),
    (
        "objects/src/types/slot_wrappers.rs",
        "descr_header",
        "the header of a `&WrapperDescr`",
    ),
    (
        "objects/src/types/slot_wrappers.rs",
        "wrapper_header",
        "the header of a `&MethodWrapper`",
    ),
    // View-to-view casts with a proof: a field whose type the owner checked once.
    (
        "objects/src/types/code.rs",
        "field",
        "a code object's fields are checked by `new_code` (`_PyCode_Validate`) and never replaced",
    ),
    // Headers under the module's own name for its `header` function.
    (
        "objects/src/types/complex.rs",
        "complex_value",
        "the header of a `&Complex`",
    ),
    (
        "objects/src/types/float.rs",
        "float_value",
        "the header of a `&Float`",
    ),
    (
        "objects/src/types/long.rs",
        "long_header",
        "the header of an `&Int`",
    ),
    (
        "objects/src/types/range.rs",
        "fields",
        "the header of a `&Range`",
    ),
    (
        "objects/src/types/unicode.rs",
        "ascii_header",
        "the header of a `&Str`",
    ),
    (
        "objects/src/types/unicode.rs",
        "str_sizeof",
        "the compact header of a `&Str` (a slot of `str`)",
    ),
    (
        "objects/src/types/unicode.rs",
        "write_header",
        "constructor helper: writes the header of a fresh allocation (`unsafe fn`)",
    ),
    // View-to-view casts with a proof.
    (
        "objects/src/types/set.rs",
        "as_any",
        "`&Set` to `&AnySet`: `PySet_Check` implies `PyAnySet_Check`",
    ),
    (
        "objects/src/types/range.rs",
        "field",
        "a range's four fields are exact ints, stored only by range.rs",
    ),
    (
        "objects/src/types/weakref.rs",
        "wr_at",
        "the nodes of a weak-reference list are weak references, linked only by weakref.rs",
    ),
];

/// Public functions that read a body from an unchecked reference, and why each is safe:
/// `(file, function, why)`.
const CHECKED: &[(&str, &str, &str)] = &[
    // It dispatches on the type, or only reads the header.
    (
        "objects/src/types/builtin_subclass.rs",
        "get",
        "dispatches on the type: only a class on a built-in base (`overrides_builtin`), and a \
         slot index below its class's `__slots__` count",
    ),
    (
        "objects/src/types/builtin_subclass.rs",
        "set",
        "dispatches on the type: only a class on a built-in base (`overrides_builtin`), and a \
         slot index below its class's `__slots__` count",
    ),
    (
        "objects/src/types/builtin_subclass.rs",
        "traverse",
        "dispatches on the type: nothing unless the class is on a built-in base \
         (`overrides_builtin`); its class's `__slots__` count of cells",
    ),
    (
        "objects/src/types/builtin_subclass.rs",
        "clear",
        "dispatches on the type: nothing unless the class is on a built-in base \
         (`overrides_builtin`); its class's `__slots__` count of cells",
    ),
    (
        "objects/src/types/long.rs",
        "exact_medium_value",
        "dispatches on the type: `None` unless `ob_type` is exactly `int`",
    ),
    (
        "objects/src/types/long.rs",
        "exact_compact_value",
        "dispatches on the type: `None` unless `ob_type` is exactly `int`",
    ),
    (
        "interp/src/stdio.rs",
        "stream_fd",
        "dispatches on the type: `None` unless `ob_type` is the text stream's type",
    ),
    (
        "objects/src/types/unicode.rs",
        "as_exact_str",
        "dispatches on the type: `None` unless `ob_type` is exactly `str`",
    ),
    (
        "objects/src/abstract_.rs",
        "sizeof",
        "only reads the header: `ob_size` when the type has `tp_itemsize > 0`",
    ),
    (
        "objects/src/types/base.rs",
        "type_object",
        "dispatches on the type: `None` unless `ob_type` is `type`",
    ),
    (
        "objects/src/types/weakref.rs",
        "weaklist",
        "dispatches on the type: `tp_weaklistoffset` or `MANAGED_WEAKREF`, `None` otherwise",
    ),
    // An invariant its module owns.
    (
        "objects/src/types/range.rs",
        "field",
        "reads a range's own fields, which are ints (range.rs writes them)",
    ),
    (
        "objects/src/types/weakref.rs",
        "wr_at",
        "reads the nodes of a weak-reference list, which are weak references",
    ),
    // A slot called only through its type's slot table.
    (
        "objects/src/types/list.rs",
        "list_sizeof",
        "slot of `list`, shared with list subclasses' table (class.rs): called on lists",
    ),
    (
        "objects/src/types/list.rs",
        "list_repr",
        "slot of `list`, shared with list subclasses' table (class.rs): called on lists",
    ),
    (
        "objects/src/types/list.rs",
        "list_traverse",
        "slot of `list`, called by list subclasses' traverse on their list instances",
    ),
    (
        "objects/src/types/tuple.rs",
        "tuple_hash_slot",
        "slot of `tuple`, shared with namedtuple classes' table (record.rs): called on tuples",
    ),
];

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable source dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n != "tests") {
                rust_files(&p, out);
            }
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The sources the audit reads, as paths relative to the workspace.
fn audited_files() -> Vec<(String, String)> {
    let root = workspace();
    let mut files = Vec::new();
    rust_files(&root.join("objects/src"), &mut files);
    rust_files(&root.join("interp/src"), &mut files);
    files
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(&p).expect("readable source"))
        })
        .collect()
}

/// `src` with comments, string and char literals blanked (same length, newlines kept), so
/// that braces and patterns are only found in code.
fn strip(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = b.to_vec();
    let blank = |out: &mut Vec<u8>, from: usize, to: usize| {
        for c in &mut out[from..to] {
            if *c != b'\n' {
                *c = b' ';
            }
        }
    };
    let mut i = 0;
    while i < b.len() {
        if b[i..].starts_with(b"//") {
            let end = b[i..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(b.len(), |n| i + n);
            blank(&mut out, i, end);
            i = end;
        } else if b[i..].starts_with(b"/*") {
            let mut depth = 0;
            let mut j = i;
            while j < b.len() {
                if b[j..].starts_with(b"/*") {
                    depth += 1;
                    j += 2;
                } else if b[j..].starts_with(b"*/") {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            blank(&mut out, i, j);
            i = j;
        } else if b[i] == b'r'
            && (i == 0 || !is_ident(b[i - 1]))
            && matches!(b.get(i + 1), Some(b'"' | b'#'))
        {
            let hashes = b[i + 1..].iter().take_while(|&&c| c == b'#').count();
            if b.get(i + 1 + hashes) != Some(&b'"') {
                i += 1;
                continue;
            }
            let close: Vec<u8> = std::iter::once(b'"')
                .chain(std::iter::repeat_n(b'#', hashes))
                .collect();
            let start = i + 2 + hashes;
            let end = b[start..]
                .windows(close.len())
                .position(|w| w == close.as_slice())
                .map_or(b.len(), |n| start + n + close.len());
            blank(&mut out, i, end);
            i = end;
        } else if b[i] == b'"' {
            let mut j = i + 1;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            blank(&mut out, i, j + 1);
            i = j + 1;
        } else if b[i] == b'\'' {
            // A char literal ('x', '\n', '\u{..}'), else a lifetime.
            if b.get(i + 1) == Some(&b'\\') {
                let end = b[i + 2..]
                    .iter()
                    .position(|&c| c == b'\'')
                    .map_or(b.len(), |n| i + 3 + n);
                blank(&mut out, i, end);
                i = end;
            } else if let Some(n) = src[i + 1..].chars().next()
                && src[i + 1 + n.len_utf8()..].starts_with('\'')
            {
                let end = i + 2 + n.len_utf8();
                blank(&mut out, i, end);
                i = end;
            } else {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    String::from_utf8(out).expect("blanking keeps UTF-8 boundaries")
}

fn is_ident(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// The index just past the bracket matching the one at `open`.
fn matching(s: &[u8], open: usize) -> usize {
    let (o, c) = match s[open] {
        b'(' => (b'(', b')'),
        b'{' => (b'{', b'}'),
        _ => (b'[', b']'),
    };
    let mut depth = 0;
    for (j, &ch) in s.iter().enumerate().skip(open) {
        if ch == o {
            depth += 1;
        } else if ch == c {
            depth -= 1;
            if depth == 0 {
                return j + 1;
            }
        }
    }
    s.len()
}

/// `src` without `#[cfg(test)]` items (test modules and test-only functions).
fn without_tests(src: &str) -> String {
    let mut s = src.to_string();
    while let Some(at) = s.find("#[cfg(test)]") {
        let b = s.as_bytes();
        let end = match b[at..].iter().position(|&c| c == b'{' || c == b';') {
            Some(n) if b[at + n] == b'{' => matching(b, at + n),
            Some(n) => at + n + 1,
            None => s.len(),
        };
        s.replace_range(at..end, "");
    }
    s
}

#[derive(Debug)]
struct Fn {
    name: String,
    public: bool,
    is_unsafe: bool,
    /// Names of `&PyObject` / `ObjPtr` / `NonNull<PyObject>` parameters.
    object_params: Vec<String>,
    body: String,
    line: usize,
}

/// Whether a parameter type is an unchecked object reference.
fn is_object_type(ty: &str) -> bool {
    let t: String = ty.chars().filter(|c| !c.is_whitespace()).collect();
    if t.contains("Fn(") || t.contains("Fn<") {
        return false;
    }
    let last = |t: &str, name: &str| {
        t.match_indices(name).any(|(i, _)| {
            let before = t[..i].chars().last();
            let after = t[i + name.len()..].chars().next();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
                && !after.is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    };
    (last(&t, "PyObject") && t.contains('&'))
        || last(&t, "ObjPtr")
        || t.contains("NonNull<PyObject>")
}

fn parse_fns(code: &str) -> Vec<Fn> {
    let b = code.as_bytes();
    let mut fns = Vec::new();
    let mut i = 0;
    while let Some(n) = code[i..].find("fn ") {
        let at = i + n;
        i = at + 3;
        if at > 0 && is_ident(b[at - 1]) {
            continue;
        }
        let name: String = code[at + 3..]
            .chars()
            .take_while(|&c| c.is_alphanumeric() || c == '_')
            .collect();
        if name.is_empty() {
            continue;
        }
        // The item's qualifiers: back to the previous item or block boundary.
        let head_start = code[..at].rfind(['{', '}', ';']).map_or(0, |p| p + 1);
        let head = &code[head_start..at];
        let words: Vec<&str> = head
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .collect();
        let public = words.contains(&"pub");
        let is_unsafe = words.contains(&"unsafe");
        // Parameters: the first `(` at angle depth 0 after the name.
        let mut j = at + 3 + name.len();
        let mut angle = 0i32;
        while j < b.len() {
            match b[j] {
                b'<' => angle += 1,
                b'>' if b[j - 1] != b'-' => angle -= 1,
                b'(' if angle == 0 => break,
                _ => {}
            }
            j += 1;
        }
        if j >= b.len() {
            break;
        }
        let params_end = matching(b, j);
        let params = &code[j + 1..params_end - 1];
        let mut object_params = Vec::new();
        let mut depth = 0i32;
        let mut start = 0;
        let pb = params.as_bytes();
        for k in 0..=pb.len() {
            let split = k == pb.len()
                || match pb[k] {
                    b'(' | b'<' | b'[' => {
                        depth += 1;
                        false
                    }
                    b')' | b']' => {
                        depth -= 1;
                        false
                    }
                    b'>' if k > 0 && pb[k - 1] != b'-' => {
                        depth -= 1;
                        false
                    }
                    b',' => depth == 0,
                    _ => false,
                };
            if split {
                let p = &params[start..k];
                start = k + 1;
                if let Some((pname, ty)) = p.split_once(':')
                    && is_object_type(ty)
                {
                    let pname = pname.trim().trim_start_matches("mut ").trim().to_string();
                    object_params.push(pname);
                }
            }
        }
        // Body: the `{` before any `;` after the parameters.
        let rest = &code[params_end..];
        let body = match rest.find(['{', ';']) {
            Some(k) if rest.as_bytes()[k] == b'{' => {
                let open = params_end + k;
                code[open..matching(b, open)].to_string()
            }
            _ => String::new(),
        };
        let line = code[..at].matches('\n').count() + 1;
        fns.push(Fn {
            name,
            public,
            is_unsafe,
            object_params,
            body,
            line,
        });
    }
    fns
}

/// The raw layout casts in `body`, as short descriptions.
fn raw_casts(body: &str) -> Vec<String> {
    let s: String = body.chars().filter(|c| !c.is_whitespace()).collect();
    let mut found = Vec::new();
    for (i, _) in s.match_indices(".cast::<Py") {
        if !s[i..].starts_with(".cast::<PyObject>") {
            found.push(s[i..(i + 30).min(s.len())].to_string());
        }
    }
    for pat in ["as*constPy", "as*mutPy"] {
        for (i, _) in s.match_indices(pat) {
            if !s[i + pat.len() - 2..].starts_with("PyObject") {
                found.push(s[i..(i + 30).min(s.len())].to_string());
            }
        }
    }
    for (i, _) in s.match_indices("from_ref(") {
        let close = matching(s.as_bytes(), i + "from_ref".len());
        if s[close..].starts_with(".cast::<") || s[close..].starts_with(".cast()") {
            found.push(s[i..(close + 14).min(s.len())].to_string());
        }
    }
    for (i, _) in s.match_indices("cast_unchecked(") {
        found.push(s[i..(i + 30).min(s.len())].to_string());
    }
    found
}

/// Whether a raw cast in `f` starts from one of its object parameters.
fn casts_a_param(f: &Fn) -> bool {
    let s: String = f.body.chars().filter(|c| !c.is_whitespace()).collect();
    f.object_params.iter().any(|p| {
        [
            format!("from_ref({p})"),
            format!("from_ref(&{p}"),
            format!("{p}.cast"),
            format!("{p}.as_ptr().cast"),
            format!("cast_unchecked({p}"),
        ]
        .iter()
        .any(|pat| s.contains(pat.as_str()))
    })
}

fn module_stem(file: &str) -> &str {
    let name = file.rsplit('/').next().unwrap().trim_end_matches(".rs");
    if name == "mod" {
        file.rsplit('/').nth(1).unwrap()
    } else {
        name
    }
}

/// Whether `body` calls `name` as a local function (`name(`, not `.name(` or `x::name(`).
fn calls_local(body: &str, name: &str) -> bool {
    let b = body.as_bytes();
    body.match_indices(name).any(|(i, _)| {
        b.get(i + name.len()) == Some(&b'(')
            && (i == 0 || !(is_ident(b[i - 1]) || b[i - 1] == b'.' || b[i - 1] == b':'))
    })
}

/// Whether `body` calls `module::name(` from another module.
fn calls_qualified(body: &str, module: &str, name: &str) -> bool {
    body.contains(&format!("{module}::{name}("))
}

struct Audit {
    /// Rule (b) violations: raw casts outside layout owners.
    raw_outside_owners: Vec<String>,
    /// Rule (a) violations: public functions reading a body from an unchecked reference.
    unchecked_readers: Vec<String>,
    /// Allowlist entries that name no function, or one that no longer needs them.
    stale: Vec<String>,
}

fn audit(files: &[(String, String)]) -> Audit {
    let parsed: Vec<(String, Vec<Fn>)> = files
        .iter()
        .map(|(f, src)| (f.clone(), parse_fns(&without_tests(&strip(src)))))
        .collect();
    let owner = |f: &str, n: &str| LAYOUT_OWNERS.iter().any(|(lf, ln, _)| *lf == f && *ln == n);
    let checked = |f: &str, n: &str| CHECKED.iter().any(|(lf, ln, _)| *lf == f && *ln == n);
    let mut raw_outside_owners = Vec::new();
    let mut used = BTreeSet::new();
    // Rule (b), and the seeds of rule (a).
    let mut readers: BTreeMap<(String, String), bool> = BTreeMap::new();
    for (file, fns) in &parsed {
        for f in fns {
            let casts = raw_casts(&f.body);
            if casts.is_empty() || file.ends_with("objects/src/view.rs") {
                continue;
            }
            let allowed = (matches!(f.name.as_str(), "header" | "slot_self") && !f.public)
                || f.body.contains("alloc_object(")
                || f.name == "dealloc"
                || f.name.ends_with("_dealloc")
                || owner(file, &f.name);
            if owner(file, &f.name) {
                used.insert(("owner", file.clone(), f.name.clone()));
            }
            if !allowed {
                raw_outside_owners.push(format!(
                    "{file}:{}: {}: {}",
                    f.line,
                    f.name,
                    casts.join(" | ")
                ));
            }
            // A constructor's casts are of its fresh allocation: it reads a body only if it
            // casts one of its parameters.
            let constructor = f.body.contains("alloc_object(");
            if !f.object_params.is_empty() && (!constructor || casts_a_param(f)) {
                readers.insert((file.clone(), f.name.clone()), true);
            }
        }
    }
    // Propagation: a function with an object parameter that calls a reader (not a checked
    // access) reads a body too.
    loop {
        let mut grew = false;
        for (file, fns) in &parsed {
            for f in fns {
                if f.object_params.is_empty()
                    || readers.contains_key(&(file.clone(), f.name.clone()))
                {
                    continue;
                }
                let reads = readers.keys().any(|(rf, rn)| {
                    !checked(rf, rn)
                        && if rf == file {
                            rn != &f.name && calls_local(&f.body, rn)
                        } else {
                            calls_qualified(&f.body, module_stem(rf), rn)
                        }
                });
                if reads {
                    readers.insert((file.clone(), f.name.clone()), true);
                    grew = true;
                }
            }
        }
        if !grew {
            break;
        }
    }
    let mut unchecked_readers = Vec::new();
    for (file, fns) in &parsed {
        for f in fns {
            if !readers.contains_key(&(file.clone(), f.name.clone())) {
                continue;
            }
            if checked(file, &f.name) {
                used.insert(("checked", file.clone(), f.name.clone()));
            } else if f.public && !f.is_unsafe {
                unchecked_readers.push(format!(
                    "{file}:{}: pub fn {}({}) reads an object body without a checked type",
                    f.line,
                    f.name,
                    f.object_params.join(", ")
                ));
            }
        }
    }
    let mut stale = Vec::new();
    for (kind, list) in [("owner", LAYOUT_OWNERS), ("checked", CHECKED)] {
        for (f, n, _) in list {
            if !used.contains(&(kind, f.to_string(), n.to_string())) {
                stale.push(format!("{kind} {f}::{n}"));
            }
        }
    }
    Audit {
        raw_outside_owners,
        unchecked_readers,
        stale,
    }
}

#[test]
fn no_public_function_reads_a_body_without_a_checked_type() {
    let a = audit(&audited_files());
    let mut report = String::new();
    for (title, items) in [
        (
            "raw layout casts outside header/slot_self/constructors/LAYOUT_OWNERS",
            &a.raw_outside_owners,
        ),
        (
            "public functions reading a body from an unchecked reference (take a view, or add a CHECKED entry saying why it is safe)",
            &a.unchecked_readers,
        ),
        ("allowlist entries no longer needed", &a.stale),
    ] {
        if !items.is_empty() {
            report += &format!("{title}:\n  {}\n", items.join("\n  "));
        }
    }
    assert!(report.is_empty(), "{report}");
}

#[test]
fn audit_reads_the_sources() {
    let files = audited_files();
    let fns: usize = files
        .iter()
        .map(|(_, s)| parse_fns(&without_tests(&strip(s))).len())
        .sum();
    assert!(files.iter().any(|(f, _)| f == "objects/src/types/list.rs"));
    assert!(files.iter().any(|(f, _)| f == "interp/src/objects.rs"));
    assert!(fns > 500, "parsed only {fns} functions");
}

/// The audit catches the two ways of reading a body without a checked type.
#[test]
fn audit_catches_violations() {
    let list = r#"
fn slot_self(o: &PyObject) -> &List { unsafe { List::cast_unchecked(o) } }
fn header(o: &List) -> &PyListObject { unsafe { &*ptr::from_ref(o).cast::<PyListObject>() } }
pub fn list_len(o: &List) -> usize { header(o).ob_size.get() as usize }
pub fn foo(o: &PyObject) -> usize { list_len(slot_self(o)) }
pub fn bar(o: &PyObject) -> usize { unsafe { &*ptr::from_ref(o).cast::<PyListObject>() }.allocated.get() as usize }
pub fn fine(o: &PyObject) -> usize { List::cast(o).map_or(0, list_len) }
"#;
    let other = r#"
pub fn baz(o: &PyObject) -> usize { crate::types::list::foo(o) }
pub fn ok(key: &PyObject, is_tracked: &dyn Fn(&PyObject) -> bool) -> bool { is_tracked(key) }
"#;
    let a = audit(&[
        ("objects/src/types/list.rs".into(), list.into()),
        ("objects/src/types/other.rs".into(), other.into()),
    ]);
    assert_eq!(a.raw_outside_owners.len(), 1, "{:?}", a.raw_outside_owners);
    assert!(a.raw_outside_owners[0].contains(": bar: "));
    let names: Vec<&str> = a
        .unchecked_readers
        .iter()
        .map(|r| {
            r.split("pub fn ")
                .nth(1)
                .unwrap()
                .split('(')
                .next()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["foo", "bar", "baz"], "{:?}", a.unchecked_readers);
}
