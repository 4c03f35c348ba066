"""Writes interp/src/static_type_names.rs from a live CPython 3.12.1: each built-in static
type's `list(T.__dict__)` (the keys of its type dict, in CPython's order) and its `__doc__`.

Run: PYENV_VERSION=3.12.1 python3.12 scripts/gen_static_type_names.py > interp/src/static_type_names.rs
then `cargo fmt`.
"""
import builtins
import types

TYPES = [t for t in vars(builtins).values() if isinstance(t, type)]
TYPES += [type(None), type(NotImplemented), type(...), types.FunctionType, types.MethodType,
          types.BuiltinFunctionType, types.GeneratorType, types.CodeType, types.ModuleType,
          types.MappingProxyType, types.CellType, types.FrameType, types.TracebackType,
          types.WrapperDescriptorType, types.MethodWrapperType, types.MethodDescriptorType,
          types.GetSetDescriptorType, types.MemberDescriptorType, types.ClassMethodDescriptorType,
          type({}.keys()), type({}.values()), type({}.items()), type(iter([])), type(iter(())),
          type(iter("")), type(iter(range(0))), type(iter({})), type(iter(set())),
          type(reversed([])), type(reversed(range(0))), type(reversed({})),
          type(iter({}.values())), type(iter({}.items())), type(reversed({}.values())),
          type(reversed({}.items())), type(iter(range(1 << 70))), type(iter(b"")),
          type(iter(bytearray())), type(iter("\u20ac")), type(iter(int, 1)),
          types.SimpleNamespace, types.CoroutineType, types.AsyncGeneratorType,
          types.GenericAlias, types.UnionType, types.NoneType, types.EllipsisType]
# Types of pyrt's built-in modules other than builtins (`_collections`): static types in pyrt,
# immutable heap types in CPython 3.12.
import collections
EXTRA = [collections.deque, type(iter(collections.deque())),
         type(reversed(collections.deque()))]
TYPES += EXTRA
seen = set()
rows = []
TYPE_BY_NAME = {}
for t in TYPES:
    if t.__flags__ & (1 << 9) and t not in EXTRA or t.__name__ in seen:  # Py_TPFLAGS_HEAPTYPE
        continue
    seen.add(t.__name__)
    TYPE_BY_NAME[t.__name__] = t
    rows.append((t.__name__, list(t.__dict__), type.__dict__["__doc__"].__get__(t)))
rows.sort()


def lit(s):
    out = []
    for c in s:
        if c in '"\\':
            out.append("\\" + c)
        elif c == "\n":
            out.append("\\n")
        elif " " <= c <= "~":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return '"' + "".join(out) + '"'


print("//! The names in each built-in static type's dict, in CPython 3.12.1's order (`type_ready`:")
print("//! `__new__`, the slot wrappers in `slotdefs` order, `tp_methods`, `tp_members`, `tp_getset`,")
print("//! then `__doc__` and the rest), and the types' `__doc__`: what `dir()` of a built-in object")
print("//! merges along the MRO (`Objects/typeobject.c`'s `merge_class_dict`) and `T.__doc__` reads.")
print("//!")
print("//! Generated from a live CPython 3.12.1 by `scripts/gen_static_type_names.py`: do not edit.")
print()
print("/// `list(T.__dict__)` of the built-in static type whose `tp_name` is `name`, in CPython's order.")
print("pub(crate) fn dict_names(name: &str) -> Option<&'static [&'static str]> {")
print("    Some(match name {")
for name, keys, _ in rows:
    print(f"        {lit(name)} => &[{', '.join(lit(k) for k in keys)}],")
print("        _ => return None,")
print("    })")
print("}")
print()
print("/// The kind of each value of `T.__dict__` (one letter per name of [`dict_names`], same order):")
print("/// `n` a built-in method (`__new__`), `w` a `wrapper_descriptor`, `m` a `method_descriptor`,")
print("/// `c` a `classmethod_descriptor`, `g` a `getset_descriptor`, `M` a `member_descriptor`, `s` a")
print("/// `staticmethod`, `d` the `__doc__` (a str or None), `N` None (`__hash__` of an unhashable")
print("/// type), `o` anything else.")
print("pub(crate) fn dict_kinds(name: &str) -> Option<&'static str> {")
print("    Some(match name {")
KIND = {"builtin_function_or_method": "n", "wrapper_descriptor": "w", "method_descriptor": "m",
        "classmethod_descriptor": "c", "getset_descriptor": "g", "member_descriptor": "M",
        "staticmethod": "s"}
for name, keys, _ in rows:
    d = TYPE_BY_NAME[name].__dict__
    code = "".join("d" if k == "__doc__" and isinstance(d[k], (str, type(None))) else "N" if d[k] is None else KIND.get(type(d[k]).__name__, "o")
                   for k in keys)
    print(f"        {lit(name)} => {lit(code)},")
print("        _ => return None,")
print("    })")
print("}")
print()
print("/// `T.__doc__` of the built-in static type whose `tp_name` is `name` (`None` in Python where")
print("/// the type has no docstring).")
print("pub(crate) fn doc(name: &str) -> Option<Option<&'static str>> {")
print("    Some(match name {")
for name, _, doc in [r for r in rows if r[2] is None or isinstance(r[2], str)]:
    print(f"        {lit(name)} => {'None' if doc is None else 'Some(' + lit(doc) + ')'},")
print("        _ => return None,")
print("    })")
print("}")
print()
print("/// Whether an instance of the built-in static type named `name` reads the type's `__doc__`:")
print("/// the type dict holds it as a plain string or None and the instances have no `__dict__` of their")
print("/// own (unlike `staticmethod`, whose instances copy the function's `__doc__`).")
print("pub(crate) fn instances_share_doc(name: &str) -> bool {")
print("    matches!(")
print("        name,")
shared = [name for name, keys, _ in rows
          if "__doc__" in TYPE_BY_NAME[name].__dict__
          and isinstance(TYPE_BY_NAME[name].__dict__["__doc__"], (str, type(None)))
          and "__dict__" not in dir(TYPE_BY_NAME[name])]
print("        " + "\n            | ".join(lit(n) for n in shared))
print("    )")
print("}")
