//! The `math` module's functions and constants (`Modules/mathmodule.c` of CPython 3.12), as
//! plain Rust over `f64` and [`LongValue`] plus one method
//! table, [`MATH_FUNCTIONS`], that binds Python arguments with CPython's messages — the
//! interpreter registers the table's entries and [`CONSTANTS`] in its `math` module object
//! (the table's receiver is that module, which the functions ignore).
//!
//! | file | functions |
//! |---|---|
//! | `real.rs` | libm wrappers and their error rules (`math_1`, `math_2`), `pow`, `fmod`, `log`, `modf`, `frexp`, `ldexp`, `isclose`, `ulp` |
//! | `integer.rs` | `gcd`, `lcm`, `factorial`, `comb`, `perm`, `isqrt` |
//! | `sums.rs` | `fsum` (exact), `prod`, and `vector_norm` for `hypot` and `dist` |
//! | `sumprod.rs` | `sumprod` (exact ints, triple-length floats, then generic) |
//! | `gamma.rs` | CPython's own `gamma`, `lgamma`, `remainder` and `nextafter`'s `steps` |
//! | `libm.rs` | glibc's `acosh`, `asinh`, `atanh`, `erf`, `erfc`, `cbrt`, `nextafter`, which Rust's `f64` does not call |
//!
//! Rust links `cbrt` (and `fmod`, exact either way) from its own compiler-builtins, whose
//! `cbrt` is not glibc's: `libm.rs` calls glibc's through its `cbrtf64` alias. The other
//! functions call glibc's libm, as CPython does.
//!
//! Arguments are converted as CPython converts them, for the built-in types:
//! `PyFloat_AsDouble` ([`as_double`]: `TypeError: must be real number, not str`, `OverflowError:
//! int too large to convert to float`) and `PyNumber_Index`
//! ([`index_value`](crate::numbers::index_value)). `floor`, `ceil` and `trunc` call the
//! types' `__floor__`/`__ceil__`/`__trunc__` (a class's own through
//! [`slot_defs`]), and `floor`/`ceil` fall back to a class's
//! `__float__` or `__index__` ([`as_double_special`]).

mod gamma;
mod integer;
mod libm;
mod real;
mod sumprod;
mod sums;

pub use gamma::{gamma, lgamma, nextafter_steps, remainder};
pub use integer::{
    comb, factorial, factorial_of, gcd, gcd_of, isqrt, isqrt_of, lcm, lcm_of, perm, rising_product,
};
pub use libm::{c_acosh, c_asinh, c_atanh, c_cbrt, c_erf, c_erfc, c_nextafter};
pub use real::{
    apply_1, apply_2, atan2, domain_error, fmod, frexp, isclose, ldexp, log, log1p, loghelper,
    long_frexp, modf, pow, range_error, ulp,
};
pub use sumprod::sumprod;
pub use sums::{FSum, dist, fsum, hypot, prod, prod_with, vector_norm};

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::methods::{Bound, MethodDef, MethodFn, MethodTable, Params, arg, opt};
use crate::numbers::as_double;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::float::{FLOAT_TYPE, Float, float_value, new_float};
use crate::types::long::{Int, long_error, new_bool, new_int};
use crate::types::module::Module;
use crate::types::slot_defs;
use crate::types::tuple::new_tuple;

/// The module's constants, in CPython's order.
pub const CONSTANTS: &[(&str, f64)] = &[
    ("pi", core::f64::consts::PI),
    ("e", core::f64::consts::E),
    ("tau", core::f64::consts::TAU),
    ("inf", f64::INFINITY),
    ("nan", f64::NAN),
];

const fn def(name: &'static str, params: Params, call: MethodFn<Module>) -> MethodDef<Module> {
    MethodDef { name, params, call }
}

const ONE: Params = Params::One;
const TWO: Params = Params::Positional { min: 2, max: 2 };

/// The `math` functions pyrt has, each with how CPython 3.12 takes its arguments.
pub static MATH_FUNCTIONS: MethodTable<Module> = MethodTable {
    type_name: "math",
    methods: &[
        def("acos", ONE, acos),
        def("acosh", ONE, acosh),
        def("asin", ONE, asin),
        def("asinh", ONE, asinh),
        def("atan", ONE, atan),
        def("atan2", TWO, call_atan2),
        def("atanh", ONE, atanh),
        def("cbrt", ONE, cbrt),
        def("ceil", ONE, ceil),
        def("comb", TWO, call_comb),
        def("copysign", TWO, copysign),
        def("cos", ONE, cos),
        def("cosh", ONE, cosh),
        def("degrees", ONE, degrees),
        def("dist", TWO, call_dist),
        def("erf", ONE, erf),
        def("erfc", ONE, erfc),
        def("exp", ONE, exp),
        def("exp2", ONE, exp2),
        def("expm1", ONE, expm1),
        def("fabs", ONE, fabs),
        def("factorial", ONE, call_factorial),
        def("floor", ONE, floor),
        def("fmod", TWO, call_fmod),
        def("frexp", ONE, call_frexp),
        def("fsum", ONE, call_fsum),
        def("gamma", ONE, call_gamma),
        def("gcd", Params::AnyArgs, call_gcd),
        def("hypot", Params::AnyArgs, call_hypot),
        def(
            "isclose",
            Params::Keywords {
                names: &["a", "b", "rel_tol", "abs_tol"],
                positional: 2,
                required: 2,
            },
            call_isclose,
        ),
        def("isfinite", ONE, isfinite),
        def("isinf", ONE, isinf),
        def("isnan", ONE, isnan),
        def("isqrt", ONE, call_isqrt),
        def("lcm", Params::AnyArgs, call_lcm),
        def("ldexp", TWO, call_ldexp),
        def("lgamma", ONE, call_lgamma),
        def("log", Params::Positional { min: 1, max: 2 }, call_log),
        def("log10", ONE, log10),
        def("log1p", ONE, call_log1p),
        def("log2", ONE, log2),
        def("modf", ONE, call_modf),
        def(
            "nextafter",
            Params::Keywords {
                names: &["", "", "steps"],
                positional: 2,
                required: 2,
            },
            call_nextafter,
        ),
        def("perm", Params::Positional { min: 1, max: 2 }, call_perm),
        def("pow", TWO, call_pow),
        def(
            "prod",
            Params::Keywords {
                names: &["", "start"],
                positional: 1,
                required: 1,
            },
            call_prod,
        ),
        def("radians", ONE, radians),
        def("remainder", TWO, call_remainder),
        def("sin", ONE, sin),
        def("sinh", ONE, sinh),
        def("sqrt", ONE, sqrt),
        def("sumprod", TWO, call_sumprod),
        def("tan", ONE, tan),
        def("tanh", ONE, tanh),
        def("trunc", ONE, trunc),
        def("ulp", ONE, call_ulp),
    ],
};

/// The `i`-th argument converted by `PyFloat_AsDouble` (a class's `__float__` or
/// `__index__` too).
fn double_arg(heap: &Heap, args: Bound<'_, '_>, i: usize) -> PyResult<f64> {
    as_double_special(heap, arg(args, i)?.object())
}

macro_rules! math_1 {
    ($($name:ident = $f:expr, $can_overflow:expr;)*) => {$(
        fn $name<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            new_float(heap, apply_1(double_arg(heap, args, 0)?, $f, $can_overflow)?)
        }
    )*};
}

math_1! {
    acos = f64::acos, false;
    acosh = c_acosh, false;
    asin = f64::asin, false;
    asinh = c_asinh, false;
    atan = f64::atan, false;
    atanh = c_atanh, false;
    cbrt = c_cbrt, false;
    erf = c_erf, false;
    erfc = c_erfc, false;
    cos = f64::cos, false;
    cosh = f64::cosh, true;
    exp = f64::exp, true;
    exp2 = f64::exp2, true;
    expm1 = f64::exp_m1, true;
    fabs = f64::abs, false;
    call_log1p = log1p, false;
    sin = f64::sin, false;
    sinh = f64::sinh, true;
    sqrt = f64::sqrt, false;
    tan = f64::tan, false;
    tanh = f64::tanh, false;
}

macro_rules! math_2 {
    ($($name:ident = $f:expr;)*) => {$(
        fn $name<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            let x = double_arg(heap, args, 0)?;
            let y = double_arg(heap, args, 1)?;
            new_float(heap, apply_2(x, y, $f)?)
        }
    )*};
}

math_2! {
    call_atan2 = atan2;
    copysign = f64::copysign;
    call_remainder = remainder;
}

macro_rules! of_double {
    ($($name:ident = |$x:ident| $body:expr, $make:ident;)*) => {$(
        fn $name<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
            let $x = double_arg(heap, args, 0)?;
            $make(heap, $body)
        }
    )*};
}

fn make_bool(heap: &Heap, b: bool) -> PyResult<Obj<'_>> {
    Ok(new_bool(heap, b))
}

of_double! {
    degrees = |x| x * (180.0 / core::f64::consts::PI), new_float;
    radians = |x| x * (core::f64::consts::PI / 180.0), new_float;
    isfinite = |x| x.is_finite(), make_bool;
    isinf = |x| x.is_infinite(), make_bool;
    isnan = |x| x.is_nan(), make_bool;
    call_ulp = |x| ulp(x), new_float;
}

fn is_exact_float(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), FLOAT_TYPE.get())
}

/// `math.floor`/`math.ceil`: an exact float directly, else the type's `__floor__`/`__ceil__`
/// (an int or float subclass through the built-in ones, a class's own called as it is),
/// else `PyFloat_AsDouble` ([`as_double_special`]).
fn rounded<'h>(heap: &'h Heap, o: &PyObject, name: &str, f: fn(f64) -> f64) -> PyResult<Obj<'h>> {
    if let Some(r) = user_special(heap, o, name)? {
        return Ok(r);
    }
    if !is_exact_float(o)
        && let Some(i) = Int::cast(o)
    {
        return crate::types::long_methods::exact_int(heap, i);
    }
    let x = as_double_special(heap, o)?;
    new_int(heap, &LongValue::from_f64(f(x)).map_err(long_error)?)
}

/// `_PyObject_LookupSpecial(o, name)` called, for a class's own method (`Ok(None)` for a
/// built-in type or a class that does not define it).
fn user_special<'h>(heap: &'h Heap, o: &PyObject, name: &str) -> PyResult<Option<Obj<'h>>> {
    if !slot_defs::has_protocol_methods(o.ob_type()) {
        return Ok(None);
    }
    slot_defs::call_special(heap, o, name, &[])
}

/// `PyFloat_AsDouble(o)` with a class's `__float__` (whose result must be a float) or
/// `__index__` (an int, converted) before [`as_double`].
///
/// # Errors
/// `TypeError: A.__float__ returned non-float (type int)`, `TypeError: __index__ returned
/// non-int (type str)`, what the methods raise, and [`as_double`]'s errors.
pub fn as_double_special(heap: &Heap, o: &PyObject) -> PyResult<f64> {
    if slot_defs::has_user_slots(o.ob_type()) {
        if let Some(r) = slot_defs::call_special(heap, o, "__float__", &[])? {
            return match Float::cast(r.object()) {
                Some(x) => Ok(float_value(x)),
                None => Err(PyErr::type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    o.ob_type().name(),
                    r.ob_type().name()
                ))),
            };
        }
        if let Some(r) = slot_defs::nb_index(heap, o) {
            return as_double(r?.object());
        }
    }
    as_double(o)
}

fn floor<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    rounded(heap, arg(args, 0)?.object(), "__floor__", f64::floor)
}

fn ceil<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    rounded(heap, arg(args, 0)?.object(), "__ceil__", f64::ceil)
}

/// `math.trunc(x)`: `x.__trunc__()`.
fn trunc<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let o = arg(args, 0)?.object();
    if let Some(r) = user_special(heap, o, "__trunc__")? {
        return Ok(r);
    }
    if let Some(x) = Float::cast(o) {
        return new_int(
            heap,
            &LongValue::from_f64(float_value(x)).map_err(long_error)?,
        );
    }
    if let Some(i) = Int::cast(o) {
        return crate::types::long_methods::exact_int(heap, i);
    }
    Err(PyErr::type_error(format!(
        "type {} doesn't define __trunc__ method",
        o.ob_type().name()
    )))
}

fn call_pow<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(
        heap,
        pow(double_arg(heap, args, 0)?, double_arg(heap, args, 1)?)?,
    )
}

fn call_fmod<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(
        heap,
        fmod(double_arg(heap, args, 0)?, double_arg(heap, args, 1)?)?,
    )
}

fn call_log<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let base = opt(args, 1).map(Obj::object);
    new_float(heap, log(heap, arg(args, 0)?.object(), base)?)
}

fn log2<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, loghelper(heap, arg(args, 0)?.object(), f64::log2)?)
}

fn log10<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, loghelper(heap, arg(args, 0)?.object(), f64::log10)?)
}

fn call_modf<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let (frac, whole) = modf(double_arg(heap, args, 0)?);
    new_tuple(heap, vec![new_float(heap, frac)?, new_float(heap, whole)?])
}

fn call_frexp<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let (m, e) = frexp(double_arg(heap, args, 0)?);
    let e = crate::types::long::int_from_i64(heap, e)?;
    new_tuple(heap, vec![new_float(heap, m)?, e])
}

fn call_ldexp<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let x = double_arg(heap, args, 0)?;
    let Some(i) = Int::cast(arg(args, 1)?.object()) else {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    new_float(heap, ldexp(x, &crate::types::long::long_value(i))?)
}

fn call_isclose<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let a = double_arg(heap, args, 0)?;
    let b = double_arg(heap, args, 1)?;
    let tol = |i: usize, default: f64| {
        opt(args, i).map_or(Ok(default), |o| as_double_special(heap, o.object()))
    };
    let rel_tol = tol(2, 1e-9)?;
    let abs_tol = tol(3, 0.0)?;
    Ok(new_bool(heap, isclose(a, b, rel_tol, abs_tol)?))
}

/// The positional arguments of an `AnyArgs` function.
fn all_args<'a>(args: Bound<'a, '_>) -> Vec<&'a PyObject> {
    args.iter().flatten().map(Obj::object).collect()
}

fn call_hypot<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, hypot(heap, &all_args(args))?)
}

fn call_dist<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, dist(heap, arg(args, 0)?, arg(args, 1)?)?)
}

fn call_fsum<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, fsum(heap, arg(args, 0)?.object())?)
}

fn call_prod<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    prod(heap, arg(args, 0)?.object(), opt(args, 1).cloned())
}

fn call_gcd<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &gcd_of(&all_args(args))?)
}

fn call_lcm<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &lcm_of(&all_args(args))?)
}

fn call_factorial<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &factorial_of(arg(args, 0)?.object())?)
}

fn call_comb<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &comb(arg(args, 0)?.object(), arg(args, 1)?.object())?)
}

fn call_perm<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let k = opt(args, 1)
        .map(Obj::object)
        .filter(|o| !crate::numbers::is_none(o));
    new_int(heap, &perm(arg(args, 0)?.object(), k)?)
}

fn call_isqrt<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_int(heap, &isqrt_of(arg(args, 0)?.object())?)
}

fn call_gamma<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, gamma(double_arg(heap, args, 0)?)?)
}

fn call_lgamma<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    new_float(heap, lgamma(double_arg(heap, args, 0)?)?)
}

fn call_sumprod<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    sumprod(heap, arg(args, 0)?.object(), arg(args, 1)?.object())
}

/// `math.nextafter(x, y, /, *, steps=None)`: libm's `nextafter`, or `steps` floats along
/// (a non-negative index; past 2**64 - 1 as many as that).
fn call_nextafter<'h>(heap: &'h Heap, _: &Module, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let x = double_arg(heap, args, 0)?;
    let y = double_arg(heap, args, 1)?;
    let steps = opt(args, 2)
        .map(Obj::object)
        .filter(|o| !crate::numbers::is_none(o));
    let Some(steps) = steps else {
        return new_float(heap, c_nextafter(x, y));
    };
    let n = crate::numbers::index_value(steps)?;
    if n.is_negative() {
        return Err(PyErr::value_error("steps must be a non-negative integer"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    new_float(heap, nextafter_steps(x, y, n))
}
