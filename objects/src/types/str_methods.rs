//! The methods of `str` (`unicode_methods` in `Objects/unicodeobject.c`, with the argument
//! handling of `Objects/clinic/unicodeobject.c.h` and, for the searching methods that 3.12 still
//! parses with `PyArg_ParseTuple`, its old messages): declared once here, called by the
//! interpreter for `s.split(...)` and bound methods alike. Each entry calls the semantic
//! function of [`unicode_methods`] (or [`str_format`]), which the Rust API calls too.

use crate::abstract_;
use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params, arg, opt};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::str_format::{self, FormatArgs};
use crate::types::unicode::{Str, str_value};
use crate::types::unicode_more::{self, CharTest, Justify};
use crate::types::{unicode_join, unicode_methods};
use crate::view::View;

/// `find`, `count`, `startswith`, ...: `"O|OO:find"`.
const FIND: Params = Params::VarArgs { min: 1, max: 3 };

/// `strip`, `lstrip`, `rstrip`: `chars=None`, positional only.
const STRIP: Params = Params::Positional { min: 0, max: 1 };

/// `str`'s methods, in CPython's order.
pub static STR_METHODS: MethodTable<Str> = MethodTable {
    type_name: "str",
    methods: &[
        MethodDef {
            name: "replace",
            params: Params::Positional { min: 2, max: 3 },
            call: replace,
        },
        MethodDef {
            name: "split",
            params: Params::Keywords {
                names: &["sep", "maxsplit"],
                positional: 2,
                required: 0,
            },
            call: split,
        },
        MethodDef {
            name: "rsplit",
            params: Params::Keywords {
                names: &["sep", "maxsplit"],
                positional: 2,
                required: 0,
            },
            call: rsplit,
        },
        MethodDef {
            name: "join",
            params: Params::One,
            call: join,
        },
        MethodDef {
            name: "count",
            params: FIND,
            call: count,
        },
        MethodDef {
            name: "find",
            params: FIND,
            call: find,
        },
        MethodDef {
            name: "index",
            params: FIND,
            call: index,
        },
        MethodDef {
            name: "lower",
            params: Params::NoArgs,
            call: lower,
        },
        MethodDef {
            name: "lstrip",
            params: STRIP,
            call: lstrip,
        },
        MethodDef {
            name: "rfind",
            params: FIND,
            call: rfind,
        },
        MethodDef {
            name: "rindex",
            params: FIND,
            call: rindex,
        },
        MethodDef {
            name: "rstrip",
            params: STRIP,
            call: rstrip,
        },
        MethodDef {
            name: "strip",
            params: STRIP,
            call: strip,
        },
        MethodDef {
            name: "upper",
            params: Params::NoArgs,
            call: upper,
        },
        MethodDef {
            name: "startswith",
            params: FIND,
            call: startswith,
        },
        MethodDef {
            name: "endswith",
            params: FIND,
            call: endswith,
        },
        MethodDef {
            name: "isspace",
            params: Params::NoArgs,
            call: isspace,
        },
        MethodDef {
            name: "isdigit",
            params: Params::NoArgs,
            call: isdigit,
        },
        MethodDef {
            name: "isalpha",
            params: Params::NoArgs,
            call: isalpha,
        },
        MethodDef {
            name: "isidentifier",
            params: Params::NoArgs,
            call: isidentifier,
        },
        MethodDef {
            name: "format",
            params: Params::VarKeywords,
            call: format,
        },
        MethodDef {
            name: "encode",
            params: Params::Keywords {
                names: &["encoding", "errors"],
                positional: 2,
                required: 0,
            },
            call: crate::types::str_encode::encode,
        },
        MethodDef {
            name: "format_map",
            params: Params::One,
            call: format_map,
        },
        MethodDef {
            name: "__format__",
            params: Params::One,
            call: |heap, s, args| super::long_methods::format_number(heap, s.as_object(), args),
        },
        MethodDef {
            name: "__sizeof__",
            params: Params::NoArgs,
            call: |heap, s, _| {
                crate::types::long::int_from_i64(heap, abstract_::sizeof(s.as_object()) as i64)
            },
        },
        MethodDef {
            name: "__getnewargs__",
            params: Params::NoArgs,
            call: |heap, s, _| {
                let copy = crate::types::unicode::new_str(heap, &str_value(s))?;
                crate::types::tuple::new_tuple(heap, vec![copy])
            },
        },
        MethodDef {
            name: "partition",
            params: Params::One,
            call: partition,
        },
        MethodDef {
            name: "rpartition",
            params: Params::One,
            call: rpartition,
        },
        MethodDef {
            name: "splitlines",
            params: Params::Keywords {
                names: &["keepends"],
                positional: 1,
                required: 0,
            },
            call: splitlines,
        },
        MethodDef {
            name: "expandtabs",
            params: Params::Keywords {
                names: &["tabsize"],
                positional: 1,
                required: 0,
            },
            call: expandtabs,
        },
        MethodDef {
            name: "zfill",
            params: Params::One,
            call: zfill,
        },
        MethodDef {
            name: "center",
            params: Params::Positional { min: 1, max: 2 },
            call: center,
        },
        MethodDef {
            name: "ljust",
            params: Params::Positional { min: 1, max: 2 },
            call: ljust,
        },
        MethodDef {
            name: "rjust",
            params: Params::Positional { min: 1, max: 2 },
            call: rjust,
        },
        MethodDef {
            name: "removeprefix",
            params: Params::One,
            call: removeprefix,
        },
        MethodDef {
            name: "removesuffix",
            params: Params::One,
            call: removesuffix,
        },
        MethodDef {
            name: "capitalize",
            params: Params::NoArgs,
            call: capitalize,
        },
        MethodDef {
            name: "title",
            params: Params::NoArgs,
            call: title,
        },
        MethodDef {
            name: "swapcase",
            params: Params::NoArgs,
            call: swapcase,
        },
        MethodDef {
            name: "casefold",
            params: Params::NoArgs,
            call: casefold,
        },
        MethodDef {
            name: "islower",
            params: Params::NoArgs,
            call: islower,
        },
        MethodDef {
            name: "isupper",
            params: Params::NoArgs,
            call: isupper,
        },
        MethodDef {
            name: "istitle",
            params: Params::NoArgs,
            call: istitle,
        },
        MethodDef {
            name: "isalnum",
            params: Params::NoArgs,
            call: isalnum,
        },
        MethodDef {
            name: "isdecimal",
            params: Params::NoArgs,
            call: isdecimal,
        },
        MethodDef {
            name: "isascii",
            params: Params::NoArgs,
            call: isascii,
        },
        MethodDef {
            name: "isprintable",
            params: Params::NoArgs,
            call: isprintable,
        },
        MethodDef {
            name: "maketrans",
            params: Params::Positional { min: 1, max: 3 },
            call: maketrans,
        },
        MethodDef {
            name: "translate",
            params: Params::One,
            call: translate,
        },
        MethodDef {
            name: "isnumeric",
            params: Params::NoArgs,
            call: isnumeric,
        },
    ],
};

fn replace<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::replace(
        heap,
        s,
        arg(args, 0)?.object(),
        arg(args, 1)?.object(),
        opt(args, 2).map(Obj::object),
    )
}

fn split<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::split(
        heap,
        s,
        opt(args, 0).map(Obj::object),
        opt(args, 1).map(Obj::object),
    )
}

fn rsplit<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::rsplit(
        heap,
        s,
        opt(args, 0).map(Obj::object),
        opt(args, 1).map(Obj::object),
    )
}

fn join<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let items = sequence_fast(heap, arg(args, 0)?.object(), "can only join an iterable")?;
    unicode_join::join_array(heap, s, &items)
}

/// `PySequence_Fast(o, message)`: the items of `o`; `TypeError: message` when `o` cannot be
/// iterated. (Any `TypeError` of `PyObject_GetIter` is replaced, such as a class's `__iter__`
/// raising one or returning a non-iterator; errors raised while iterating are kept.)
///
/// # Errors
/// `TypeError: message`, or what iterating raises.
pub fn sequence_fast<'h>(heap: &'h Heap, o: &PyObject, message: &str) -> PyResult<Vec<Obj<'h>>> {
    let mut items = Vec::new();
    let started = core::cell::Cell::new(false);
    let r = abstract_::for_each_started(
        heap,
        o,
        || {
            started.set(true);
            Ok(())
        },
        |item| {
            items.try_reserve(1).map_err(|_| PyErr::memory_error())?;
            items.push(item);
            Ok(true)
        },
    );
    match r {
        Err(e) if !started.get() && e.kind() == ExcKind::TypeError => {
            Err(PyErr::type_error(message))
        }
        r => r.map(|()| items),
    }
}

fn strip<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::strip(heap, s, opt(args, 0).map(Obj::object))
}

fn lstrip<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::lstrip(heap, s, opt(args, 0).map(Obj::object))
}

fn rstrip<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_methods::rstrip(heap, s, opt(args, 0).map(Obj::object))
}

/// A searching method: `(sub, start=None, end=None)`.
macro_rules! searching {
    ($($name:ident),*) => {$(
        fn $name<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            unicode_methods::$name(heap, s, arg(args, 0)?.object(), opt(args, 1).map(Obj::object), opt(args, 2).map(Obj::object))
        }
    )*};
}
searching!(count, find, index, rfind, rindex, startswith, endswith);

/// A method of no arguments.
macro_rules! no_args {
    ($($name:ident),*) => {$(
        fn $name<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            unicode_methods::$name(heap, s)
        }
    )*};
}
no_args!(lower, upper, isspace, isdigit, isalpha, isidentifier);

/// `s.format(*args, **kwargs)`: bound as the positional arguments, a `None`, then names and
/// values ([`Params::VarKeywords`]).
fn format<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let split = args.iter().position(Option::is_none).unwrap_or(args.len());
    let positional: Vec<Obj<'h>> = args[..split].iter().flatten().cloned().collect();
    let mut kwargs = Vec::new();
    for pair in args.get(split + 1..).unwrap_or(&[]).chunks(2) {
        let (Some(Some(k)), Some(Some(v))) = (pair.first(), pair.get(1)) else {
            return Err(crate::view::bad_internal_call());
        };
        let k = Str::cast(k.object()).ok_or_else(crate::view::bad_internal_call)?;
        kwargs.push((str_value(k), v.clone()));
    }
    let args = FormatArgs {
        args: &positional,
        kwargs: &kwargs,
        mapping: None,
    };
    str_format::format(heap, s, &args)
}

/// `str.format_map(mapping)`.
fn format_map<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let mapping = arg(args, 0)?;
    let args = FormatArgs {
        args: &[],
        kwargs: &[],
        mapping: Some(mapping.object()),
    };
    str_format::format(heap, s, &args)
}

fn partition<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::partition(heap, s, arg(args, 0)?.object(), false)
}

fn rpartition<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::partition(heap, s, arg(args, 0)?.object(), true)
}

fn splitlines<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::splitlines(heap, s, opt(args, 0).map(Obj::object))
}

fn expandtabs<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::expandtabs(heap, s, opt(args, 0).map(Obj::object))
}

fn zfill<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::zfill(heap, s, arg(args, 0)?.object())
}

/// `center`, `ljust`, `rjust`: `(width, fillchar=' ', /)`.
macro_rules! justify {
    ($($name:ident: $how:expr),*) => {$(
        fn $name<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            unicode_more::justify(heap, s, arg(args, 0)?.object(), opt(args, 1).map(Obj::object), $how)
        }
    )*};
}
justify!(center: Justify::Center, ljust: Justify::Left, rjust: Justify::Right);

fn removeprefix<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::remove_affix(heap, s, arg(args, 0)?.object(), false)
}

fn removesuffix<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::remove_affix(heap, s, arg(args, 0)?.object(), true)
}

/// A case mapping of no arguments.
macro_rules! case_mapping {
    ($($name:ident),*) => {$(
        fn $name<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            unicode_more::$name(heap, s)
        }
    )*};
}
case_mapping!(capitalize, title, swapcase, casefold);

fn islower<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(unicode_more::is_one_case(heap, s, false))
}

fn isupper<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(unicode_more::is_one_case(heap, s, true))
}

fn istitle<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    Ok(unicode_more::istitle(heap, s))
}

/// A character test of [`CharTest`].
macro_rules! char_test {
    ($($name:ident: $test:expr),*) => {$(
        fn $name<'h>(heap: &'h Heap, s: &Str, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            Ok(unicode_more::char_test(heap, s, $test))
        }
    )*};
}
char_test!(isalnum: CharTest::Alnum, isdecimal: CharTest::Decimal, isascii: CharTest::Ascii,
    isprintable: CharTest::Printable, isnumeric: CharTest::Numeric);

/// `str.maketrans(x, y=None, z=None, /)`, a static method: the receiver is not used.
fn maketrans<'h>(heap: &'h Heap, _: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::maketrans(
        heap,
        arg(args, 0)?.object(),
        opt(args, 1).map(Obj::object),
        opt(args, 2).map(Obj::object),
    )
}

fn translate<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    unicode_more::translate(heap, s, arg(args, 0)?.object())
}
