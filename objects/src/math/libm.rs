//! The C library's math functions that Rust's `f64` does not call: `acosh`, `asinh`,
//! `atanh`, `erf`, `erfc`, `cbrt` and `nextafter`, as CPython 3.12's `math` calls them
//! (`Modules/mathmodule.c` wraps the platform libm for these).
//!
//! Rust's `f64::acosh`/`asinh`/`atanh` are formulas of Rust's own, and the `cbrt` symbol a
//! Rust binary links is compiler-builtins' port, not glibc's: their last bits differ from
//! CPython's. So the functions are declared here and called through safe wrappers; `cbrt` by
//! glibc's `cbrtf64` alias (the same function, under a name compiler-builtins does not
//! define).

unsafe extern "C" {
    fn acosh(x: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    fn cbrtf64(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
}

/// libm's `acosh(x)`.
pub fn c_acosh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { acosh(x) }
}

/// libm's `asinh(x)`.
pub fn c_asinh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { asinh(x) }
}

/// libm's `atanh(x)`.
pub fn c_atanh(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { atanh(x) }
}

/// libm's `erf(x)`.
pub fn c_erf(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { erf(x) }
}

/// libm's `erfc(x)`.
pub fn c_erfc(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { erfc(x) }
}

/// glibc's `cbrt(x)` (through its `cbrtf64` alias).
pub fn c_cbrt(x: f64) -> f64 {
    // SAFETY: a pure C function of a double: no pointers, no state beyond `errno`.
    unsafe { cbrtf64(x) }
}

/// libm's `nextafter(x, y)`.
pub fn c_nextafter(x: f64, y: f64) -> f64 {
    // SAFETY: a pure C function of two doubles: no pointers, no state beyond `errno`.
    unsafe { nextafter(x, y) }
}
