//! `int.to_bytes(length=1, byteorder='big', *, signed=False)` and
//! `int.from_bytes(bytes, byteorder='big', *, signed=False)` (`int_to_bytes_impl`,
//! `int_from_bytes_impl` with `_PyLong_AsByteArray` and `_PyLong_FromByteArray` in
//! `Objects/longobject.c`): two's complement of a fixed length, either byte order.

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::long_digits::{LongValue, SHIFT};
use crate::methods::{Bound, Params, arg, bind, opt};
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::bytes::{Bytes, bytes_value, new_bytes};
use crate::types::long::{self, Int, long_value, new_bool, new_int};
use crate::types::unicode::{Str, str_value};

/// How `to_bytes` takes its arguments.
pub const TO_BYTES_PARAMS: Params = Params::Keywords {
    names: &["length", "byteorder", "signed"],
    positional: 2,
    required: 0,
};

/// How `from_bytes` takes its arguments.
pub const FROM_BYTES_PARAMS: Params = Params::Keywords {
    names: &["bytes", "byteorder", "signed"],
    positional: 2,
    required: 1,
};

/// The `byteorder` argument: `true` for little-endian. Clinic checks the type when it
/// converts, the value only once the other arguments are read.
fn byteorder_is_str(method: &str, o: Option<&PyObject>) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(o) => match Str::cast(o) {
            Some(s) => Ok(Some(str_value(s))),
            None => Err(PyErr::type_error(format!(
                "{method}() argument 'byteorder' must be str, not {}",
                o.ob_type().name()
            ))),
        },
    }
}

fn little_endian(byteorder: Option<String>) -> PyResult<bool> {
    match byteorder.as_deref() {
        None | Some("big") => Ok(false),
        Some("little") => Ok(true),
        Some(_) => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// The `signed` flag (`PyObject_IsTrue`).
fn signed_flag(heap: &Heap, o: Option<&PyObject>) -> PyResult<bool> {
    o.map_or(Ok(false), |o| crate::abstract_::is_true(heap, o))
}

/// `n.to_bytes(...)` with its arguments bound.
///
/// # Errors
/// `TypeError` for a `length` that is no int or a `byteorder` that is no str, `ValueError:
/// byteorder must be either 'little' or 'big'`, `ValueError: length argument must be
/// non-negative`, `OverflowError: int too big to convert`, `OverflowError: can't convert
/// negative int to unsigned`, `MemoryError`.
pub fn call_to_bytes<'h>(heap: &'h Heap, n: &Int, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let length = match opt(args, 0) {
        None => 1,
        Some(o) => match Int::cast(o.object()) {
            Some(i) => long::as_ssize_t(i)? as i64,
            None if crate::numbers::user_index_value(o.object()).is_some() => {
                crate::methods::ssize_arg(o.object())? as i64
            }
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    o.ob_type().name()
                )));
            }
        },
    };
    let byteorder = byteorder_is_str("to_bytes", opt(args, 1).map(Obj::object))?;
    let signed = signed_flag(heap, opt(args, 2).map(Obj::object))?;
    let little = little_endian(byteorder)?;
    let length = usize::try_from(length)
        .map_err(|_| PyErr::value_error("length argument must be non-negative"))?;
    let data = to_bytes(&long_value(n), length, little, signed)?;
    new_bytes(heap, &data)
}

/// `_PyLong_AsByteArray`: `v` as `length` bytes of two's complement (`signed`) or of an
/// unsigned magnitude.
///
/// # Errors
/// `OverflowError: can't convert negative int to unsigned`, `OverflowError: int too big to
/// convert`, `MemoryError`.
pub fn to_bytes(v: &LongValue, length: usize, little: bool, signed: bool) -> PyResult<Vec<u8>> {
    if v.is_negative() && !signed {
        return Err(PyErr::overflow_error(
            "can't convert negative int to unsigned",
        ));
    }
    // Bits the value needs: for a negative one, those of |v| - 1 (two's complement).
    let needed = if v.is_negative() {
        v.abs().sub(&LongValue::one()).bit_length()
    } else {
        v.bit_length()
    } + u64::from(signed);
    // CPython lets -1 through as zero bytes of two's complement (`(-1).to_bytes(0,
    // signed=True) == b''`).
    let minus_one = v.is_negative() && v.abs().is_one();
    if needed > (length as u64).saturating_mul(8) && !(length == 0 && minus_one) {
        return Err(PyErr::overflow_error("int too big to convert"));
    }
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve_exact(length)
        .map_err(|_| PyErr::memory_error())?;
    out.extend(magnitude_le_bytes(v).into_iter().take(length));
    out.resize(length, 0);
    if v.is_negative() {
        // Two's complement: invert, then add one.
        let mut carry = true;
        for b in &mut out {
            let (sum, overflow) = (!*b).overflowing_add(u8::from(carry));
            *b = sum;
            carry = overflow;
        }
    }
    if !little {
        out.reverse();
    }
    Ok(out)
}

/// `|v|` as little-endian bytes, without trailing zeros.
fn magnitude_le_bytes(v: &LongValue) -> Vec<u8> {
    let mut out = Vec::with_capacity(v.ndigits() * 4);
    let (mut acc, mut bits) = (0u64, 0u32);
    for &d in v.digits() {
        acc |= u64::from(d) << bits;
        bits += SHIFT;
        while bits >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            bits -= 8;
        }
    }
    if bits > 0 {
        out.push(acc as u8);
    }
    while out.last() == Some(&0) {
        out.pop();
    }
    out
}

/// `_PyLong_FromByteArray`: the int of `data`, two's complement when `signed`.
pub fn from_bytes(data: &[u8], little: bool, signed: bool) -> LongValue {
    let mut digits: Vec<u32> = Vec::with_capacity(data.len() * 8 / SHIFT as usize + 1);
    let (mut acc, mut bits) = (0u64, 0u32);
    let mut push = |byte: u8| {
        acc |= u64::from(byte) << bits;
        bits += 8;
        if bits >= SHIFT {
            digits.push((acc as u32) & crate::long_digits::MASK);
            acc >>= SHIFT;
            bits -= SHIFT;
        }
    };
    if little {
        data.iter().copied().for_each(&mut push);
    } else {
        data.iter().rev().copied().for_each(&mut push);
    }
    if bits > 0 {
        digits.push(acc as u32);
    }
    let value = LongValue::from_sign_digits(false, digits);
    let top = if little { data.last() } else { data.first() };
    if signed && top.is_some_and(|b| b & 0x80 != 0) {
        // Negative: value - 2**(8 * len).
        let modulus = LongValue::one()
            .shl(&LongValue::from_u64(data.len() as u64 * 8))
            .unwrap_or_default();
        return value.sub(&modulus);
    }
    value
}

/// `PyBytes_FromObject(o)` for `from_bytes`: a bytes object's data, or the items of a list,
/// tuple or other iterable (each an int in `range(0, 256)`).
///
/// # Errors
/// `TypeError: cannot convert 'str' object to bytes`, `TypeError: 'float' object cannot be
/// interpreted as an integer`, `ValueError: bytes must be in range(0, 256)`, and what
/// iterating raises.
pub fn bytes_from_object(heap: &Heap, o: &PyObject) -> PyResult<Vec<u8>> {
    if let Some(b) = Bytes::cast(o) {
        return Ok(bytes_value(b).to_vec());
    }
    let cannot = || {
        PyErr::type_error(format!(
            "cannot convert '{}' object to bytes",
            o.ob_type().name()
        ))
    };
    if Str::cast(o).is_some() {
        return Err(cannot());
    }
    if crate::abstract_::get_iter(heap, o).is_err() {
        return Err(cannot());
    }
    let mut out = Vec::new();
    crate::abstract_::for_each(heap, o, |item| {
        let v = crate::numbers::index_clipped(item.object())?;
        let byte =
            u8::try_from(v).map_err(|_| PyErr::value_error("bytes must be in range(0, 256)"))?;
        out.push(byte);
        Ok(true)
    })?;
    Ok(out)
}

/// `int.from_bytes(...)` with its arguments bound; `as_bool` for `bool.from_bytes` (CPython
/// calls the class with the int: `bool(n)`).
///
/// # Errors
/// As [`bytes_from_object`], the `byteorder` errors of [`call_to_bytes`], `MemoryError`.
pub fn call_from_bytes<'h>(
    heap: &'h Heap,
    args: Bound<'_, 'h>,
    as_bool: bool,
) -> PyResult<Obj<'h>> {
    let source = arg(args, 0)?;
    let byteorder = byteorder_is_str("from_bytes", opt(args, 1).map(Obj::object))?;
    let signed = signed_flag(heap, opt(args, 2).map(Obj::object))?;
    let little = little_endian(byteorder)?;
    let data = bytes_from_object(heap, source.object())?;
    let v = from_bytes(&data, little, signed);
    if as_bool {
        return Ok(new_bool(heap, !v.is_zero()));
    }
    new_int(heap, &v)
}

/// `int.from_bytes(*args, **kwargs)` called on the class `int` (a classmethod, which a
/// [`MethodTable`](crate::methods::MethodTable) of `int` instances cannot express): binds
/// the arguments with CPython's messages, returns an exact `int`.
///
/// # Errors
/// The argument errors of `from_bytes()`, and those of [`call_from_bytes`].
pub fn int_from_bytes<'h>(
    heap: &'h Heap,
    args: &[Obj<'h>],
    kwargs: &[(String, Obj<'h>)],
) -> PyResult<Obj<'h>> {
    let bound = bind("int", "from_bytes", FROM_BYTES_PARAMS, args, kwargs)?;
    call_from_bytes(heap, &bound, false)
}
