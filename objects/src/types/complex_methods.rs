//! The methods of `complex` (`complex_methods` in `Objects/complexobject.c`, with the argument
//! handling of `Objects/clinic/complexobject.c.h`): `conjugate`, `__complex__`,
//! `__getnewargs__` and `__format__`, declared once here and called by the interpreter for
//! `z.conjugate()` and bound methods alike.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params};
use crate::obj::Obj;
use crate::types::COMPLEX_TYPE;
use crate::types::complex::{Complex, complex_value, new_complex};
use crate::types::{float, tuple};
use crate::view::View;

/// `complex`'s methods, in CPython's order.
pub static COMPLEX_METHODS: MethodTable<Complex> = MethodTable {
    type_name: "complex",
    methods: &[
        MethodDef {
            name: "conjugate",
            params: Params::NoArgs,
            call: conjugate,
        },
        MethodDef {
            name: "__complex__",
            params: Params::NoArgs,
            call: to_complex,
        },
        MethodDef {
            name: "__getnewargs__",
            params: Params::NoArgs,
            call: getnewargs,
        },
        MethodDef {
            name: "__format__",
            params: Params::One,
            call: |heap, z, args| super::long_methods::format_number(heap, z.as_object(), args),
        },
    ],
};

/// `complex_conjugate_impl`: a new exact complex with the imaginary part negated.
fn conjugate<'h>(heap: &'h Heap, z: &Complex, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let c = complex_value(z);
    new_complex(heap, c.real, -c.imag)
}

/// `complex___complex___impl`: an exact complex is itself, a subclass's instance an exact
/// complex of the same value.
fn to_complex<'h>(heap: &'h Heap, z: &Complex, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let o = z.as_object();
    if core::ptr::eq(o.ob_type(), COMPLEX_TYPE.get()) {
        // SAFETY: the caller holds `z`, an object of this heap.
        return Ok(unsafe { Obj::from_borrowed(heap, o) });
    }
    let c = complex_value(z);
    new_complex(heap, c.real, c.imag)
}

/// `complex___getnewargs___impl`: `(real, imag)`.
fn getnewargs<'h>(heap: &'h Heap, z: &Complex, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let c = complex_value(z);
    tuple::new_tuple(
        heap,
        vec![
            float::new_float(heap, c.real)?,
            float::new_float(heap, c.imag)?,
        ],
    )
}
