//! `_struct` (`Modules/_struct.c`), under the shipped `struct.py`: `pack`, `unpack`,
//! `calcsize`, `unpack_from`, `pack_into` and the exception class `struct.error`.
//!
//! A format is an optional byte order (`@` native order, sizes and alignment, the default;
//! `=` native order with standard sizes; `<`; `>` and `!`), then codes with optional repeat
//! counts: `x` pad, `c` char, `b B ?` 1 byte, `h H e` 2, `i I f` 4, `l L` (4 standard, 8
//! native), `q Q d` 8, `n N P` (native only, 8), `s` and `p` (the count is the length).
//! Native mode aligns each item to its size, as a C compiler lays out a struct. The `Struct`
//! class and `iter_unpack` are not here.

use pyrt_objects::types::{buffer, bytearray, bytes, float, long, none, tuple, unicode};
use pyrt_objects::{Obj, PyObject};

use super::super::exceptions;
use super::super::{Interp, R};

/// One code of a format, repeated `count` times (`s`/`p`: one item of `count` bytes).
#[derive(Clone, Copy)]
struct Code {
    code: u8,
    count: usize,
    size: usize,
    offset: usize,
}

/// A parsed format: its codes with their offsets, the total size, the byte order.
struct Format {
    codes: Vec<Code>,
    size: usize,
    little: bool,
    native: bool,
}

impl Format {
    /// The number of values `pack` takes and `unpack` gives.
    fn items(&self) -> usize {
        self.codes
            .iter()
            .map(|c| match c.code {
                b'x' => 0,
                b's' | b'p' => 1,
                _ => c.count,
            })
            .sum()
    }
}

/// The size of `code` in native (`@`) or standard mode; `None` for a bad code.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn struct_error<'py>(interp: &Interp<'py>, message: &str) -> super::super::Unwind<'py> {
    let cls = match error_class(interp) {
        Ok(c) => c,
        Err(e) => return e,
    };
    let msg = match unicode::new_str(interp.heap, message) {
        Ok(m) => m,
        Err(e) => return interp.err(e),
    };
    match interp.call(&cls, vec![msg], Vec::new()) {
        Ok(exc) => super::super::Unwind::Raise(super::super::Raised { exc }),
        Err(e) => e,
    }
}

/// `struct.error`, as the `_struct` module holds it.
fn error_class<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
    let m = interp.vm_import("_struct")?;
    interp.getattr(&m, "error")
}

/// A new `struct.error` class (`class error(Exception)` with `__module__` `'struct'`).
pub(crate) fn new_error_class<'py>(interp: &Interp<'py>) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let name = unicode::new_str(heap, "error").map_err(err)?;
    let base = interp.type_as_object(exceptions::EXCEPTION.get());
    let bases = tuple::new_tuple(heap, vec![base]).map_err(err)?;
    let ns = pyrt_objects::types::dict::new_dict(heap).map_err(err)?;
    let view = pyrt_objects::types::dict::Dict::cast_internal(ns.object()).map_err(err)?;
    let module = unicode::new_str(heap, "struct").map_err(err)?;
    pyrt_objects::types::dict::set_item(heap, view, interp.name_str("__module__")?, module)
        .map_err(err)?;
    interp.type_new(None, &name, &bases, &ns, &[])
}

/// Parses a format (a str or bytes).
fn parse<'py>(interp: &Interp<'py>, f: &Obj<'py>) -> R<'py, Format> {
    let text: Vec<u8> = if let Some(s) = unicode::Str::cast(f.object()) {
        unicode::str_value(s).into_bytes()
    } else if let Some(b) = bytes::Bytes::cast(f.object()) {
        bytes::bytes_value(b).to_vec()
    } else {
        return Err(interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                f.ob_type().name()
            ),
        ));
    };
    let (native, little, rest) = match text.first() {
        Some(b'@') => (true, true, &text[1..]),
        Some(b'=') | Some(b'<') => (false, true, &text[1..]),
        Some(b'>') | Some(b'!') => (false, false, &text[1..]),
        _ => (true, true, &text[..]),
    };
    let mut codes = Vec::new();
    let mut size = 0usize;
    let mut i = 0;
    while i < rest.len() {
        let c = rest[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count = None;
        while i < rest.len() && rest[i].is_ascii_digit() {
            let d = usize::from(rest[i] - b'0');
            count = Some(count.unwrap_or(0usize).saturating_mul(10).saturating_add(d));
            i += 1;
        }
        let Some(&code) = rest.get(i) else {
            return Err(struct_error(
                interp,
                "repeat count given without format specifier",
            ));
        };
        let Some(item) = code_size(code, native) else {
            return Err(struct_error(interp, "bad char in struct format"));
        };
        i += 1;
        let count = count.unwrap_or(1);
        if native && !matches!(code, b's' | b'p' | b'x') {
            size = size.next_multiple_of(item);
        }
        let bytes = item.saturating_mul(count);
        codes.push(Code {
            code,
            count,
            size: item,
            offset: size,
        });
        size = size.saturating_add(bytes);
        if size > isize::MAX as usize {
            return Err(struct_error(interp, "total struct size too long"));
        }
    }
    Ok(Format {
        codes,
        size,
        little,
        native,
    })
}

/// The bytes of an integer of `size` bytes in the format's order.
fn int_bytes(v: i128, size: usize, little: bool) -> Vec<u8> {
    let mut b = (v as u128).to_le_bytes()[..size].to_vec();
    if !little {
        b.reverse();
    }
    b
}

/// The integer of a packed item, checked against the code's range.
fn pack_int<'py>(interp: &Interp<'py>, code: u8, size: usize, v: &Obj<'py>) -> R<'py, i128> {
    let value = if let Some(i) = long::Int::cast(v.object()) {
        long::long_value(i)
    } else if let Some(i) = pyrt_objects::numbers::user_index_value(v.object()) {
        i.map_err(|e| interp.err(e))?
    } else {
        return Err(struct_error(interp, "required argument is not an integer"));
    };
    let n = value
        .to_string()
        .parse::<i128>()
        .unwrap_or(if value.is_negative() {
            i128::MIN
        } else {
            i128::MAX
        });
    let signed = code.is_ascii_lowercase() && code != b'p';
    let bits = 8 * size as u32;
    let (lo, hi) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    };
    if code == b'P' {
        // `np_void_p`: any int that fits a pointer, negative ones wrapped.
        return Ok(n);
    }
    if n < lo || n > hi {
        return Err(struct_error(
            interp,
            &format!(
                "'{}' format requires {lo} <= number <= {hi}",
                char::from(code)
            ),
        ));
    }
    Ok(n)
}

/// `float` of a packed item (`PyFloat_AsDouble`: an int or an object with `__float__`).
fn pack_float<'py>(interp: &Interp<'py>, v: &Obj<'py>) -> R<'py, f64> {
    if let Some(x) = float::Float::cast(v.object()) {
        return Ok(float::float_value(x));
    }
    pyrt_objects::numbers::as_double(v.object())
        .map_err(|_| struct_error(interp, "required argument is not a float"))
}

/// A double as an IEEE half (`PyFloat_Pack2`, round half to even).
fn to_half<'py>(interp: &Interp<'py>, x: f64) -> R<'py, u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Ok(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Ok(sign | 0x7c00);
    }
    if a == 0.0 {
        return Ok(sign);
    }
    // Units of the smallest subnormal, 2**-24; a value rounds to a multiple of its spacing.
    let (exp, _) = frexp(a);
    let e = exp - 1; // a = m * 2**e with 1 <= m < 2
    let bits = if e < -14 {
        // Subnormal: a multiple of 2**-24.
        let q = round_half_even(a * 2f64.powi(24));
        q as u16
    } else {
        let scaled = a * 2f64.powi(10 - e);
        let mut q = round_half_even(scaled) as u32; // 1024..=2048
        let mut e = e;
        if q == 2048 {
            q = 1024;
            e += 1;
        }
        if e > 15 {
            return Err(interp.raise(
                &exceptions::OVERFLOW_ERROR,
                "float too large to pack with e format",
            ));
        }
        (((e + 15) as u16) << 10) | (q as u16 & 0x3ff)
    };
    Ok(sign | bits)
}

fn frexp(x: f64) -> (i32, f64) {
    if x == 0.0 {
        return (0, 0.0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (e, m) = frexp(x * 2f64.powi(64));
        return (e - 64, m);
    }
    (
        exp - 1022,
        f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52)),
    )
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

/// An IEEE half as a double (`PyFloat_Unpack2`).
fn from_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = i32::from((h >> 10) & 0x1f);
    let f = f64::from(h & 0x3ff);
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 if f == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

/// Packs `values` by `fmt` into a fresh buffer.
fn pack_values<'py>(interp: &Interp<'py>, fmt: &Format, values: &[Obj<'py>]) -> R<'py, Vec<u8>> {
    let want = fmt.items();
    if values.len() != want {
        return Err(struct_error(
            interp,
            &format!(
                "pack expected {want} items for packing (got {})",
                values.len()
            ),
        ));
    }
    let mut out = vec![0u8; fmt.size];
    let mut next = values.iter();
    for c in &fmt.codes {
        match c.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next
                    .next()
                    .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
                let data = match bytes::Bytes::cast(v.object()) {
                    Some(b) => bytes::bytes_value(b).to_vec(),
                    None if bytearray::is_bytearray(v.object()) => {
                        buffer::contiguous_bytes(v.object()).unwrap_or_default()
                    }
                    None => {
                        return Err(struct_error(
                            interp,
                            &format!(
                                "argument for '{}' must be a bytes object",
                                char::from(c.code)
                            ),
                        ));
                    }
                };
                let field = &mut out[c.offset..c.offset + c.count];
                if c.code == b's' {
                    let n = data.len().min(c.count);
                    field[..n].copy_from_slice(&data[..n]);
                } else if c.count > 0 {
                    let n = data.len().min(c.count - 1).min(255);
                    field[0] = n as u8;
                    field[1..=n].copy_from_slice(&data[..n]);
                }
            }
            _ => {
                for k in 0..c.count {
                    let v = next
                        .next()
                        .ok_or_else(|| interp.err(pyrt_objects::view::bad_internal_call()))?;
                    let raw = pack_one(interp, fmt, c, v)?;
                    let at = c.offset + k * c.size;
                    out[at..at + c.size].copy_from_slice(&raw);
                }
            }
        }
    }
    Ok(out)
}

fn pack_one<'py>(interp: &Interp<'py>, fmt: &Format, c: &Code, v: &Obj<'py>) -> R<'py, Vec<u8>> {
    let little = fmt.little;
    let order = |mut b: Vec<u8>| {
        if !little {
            b.reverse();
        }
        b
    };
    Ok(match c.code {
        b'c' => match bytes::Bytes::cast(v.object()).map(bytes::bytes_value) {
            Some([b]) => vec![*b],
            _ => {
                if let Some(b) = bytearray::ByteArray::cast(v.object())
                    && let [x] = bytearray::data(b)
                {
                    vec![*x]
                } else {
                    return Err(struct_error(
                        interp,
                        "char format requires a bytes object of length 1",
                    ));
                }
            }
        },
        b'?' => vec![u8::from(
            pyrt_objects::abstract_::is_true(interp.heap, v.object()).map_err(|e| interp.err(e))?,
        )],
        b'e' => order(
            to_half(interp, pack_float(interp, v)?)?
                .to_le_bytes()
                .to_vec(),
        ),
        b'f' => order((pack_float(interp, v)? as f32).to_le_bytes().to_vec()),
        b'd' => order(pack_float(interp, v)?.to_le_bytes().to_vec()),
        code => int_bytes(pack_int(interp, code, c.size, v)?, c.size, little),
    })
}

/// The values of `data` (exactly `fmt.size` bytes) as a tuple.
fn unpack_values<'py>(interp: &Interp<'py>, fmt: &Format, data: &[u8]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let mut items = Vec::with_capacity(fmt.items());
    for c in &fmt.codes {
        match c.code {
            b'x' => {}
            b's' => items
                .push(bytes::new_bytes(heap, &data[c.offset..c.offset + c.count]).map_err(err)?),
            b'p' => {
                let field = &data[c.offset..c.offset + c.count];
                let n = field
                    .first()
                    .map_or(0, |&n| usize::from(n).min(c.count.saturating_sub(1)));
                let body = field.get(1..=n).unwrap_or(&[]);
                items.push(bytes::new_bytes(heap, body).map_err(err)?);
            }
            _ => {
                for k in 0..c.count {
                    let at = c.offset + k * c.size;
                    let mut raw = data[at..at + c.size].to_vec();
                    if !fmt.little {
                        raw.reverse();
                    }
                    items.push(unpack_one(interp, c.code, &raw)?);
                }
            }
        }
    }
    let _ = fmt.native;
    tuple::new_tuple(heap, items).map_err(err)
}

fn unpack_one<'py>(interp: &Interp<'py>, code: u8, raw: &[u8]) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let mut w = [0u8; 16];
    w[..raw.len()].copy_from_slice(raw);
    let unsigned = u128::from_le_bytes(w);
    match code {
        b'c' => bytes::new_bytes(heap, raw).map_err(err),
        b'?' => Ok(long::new_bool(heap, raw[0] != 0)),
        b'e' => float::new_float(heap, from_half(unsigned as u16)).map_err(err),
        b'f' => float::new_float(heap, f64::from(f32::from_bits(unsigned as u32))).map_err(err),
        b'd' => float::new_float(heap, f64::from_bits(unsigned as u64)).map_err(err),
        _ => {
            let bits = 8 * raw.len() as u32;
            let signed = code.is_ascii_lowercase();
            let v = if signed && bits < 128 && unsigned >> (bits - 1) & 1 == 1 {
                unsigned as i128 - (1i128 << bits)
            } else {
                unsigned as i128
            };
            match i64::try_from(v) {
                Ok(v) => long::int_from_i64(heap, v).map_err(err),
                Err(_) => {
                    let lv = pyrt_objects::long_digits::LongValue::parse(&v.to_string())
                        .map_err(|e| interp.err(long::long_error(e)))?;
                    long::new_int(heap, &lv).map_err(err)
                }
            }
        }
    }
}

/// The bytes of a buffer argument (`unpack`'s `y*`).
fn buffer_arg<'py>(interp: &Interp<'py>, o: &PyObject) -> R<'py, Vec<u8>> {
    buffer::contiguous_bytes(o).ok_or_else(|| {
        interp.raise(
            &exceptions::TYPE_ERROR,
            format!(
                "a bytes-like object is required, not '{}'",
                o.ob_type().name()
            ),
        )
    })
}

/// Calls `_struct.name` with its bound arguments.
pub(crate) fn call<'py>(
    interp: &Interp<'py>,
    name: &str,
    bound: &[Option<Obj<'py>>],
) -> R<'py, Obj<'py>> {
    let heap = interp.heap;
    let err = |e| interp.err(e);
    let args: Vec<Obj<'py>> = bound.iter().flatten().cloned().collect();
    let missing = |n: usize| {
        interp.raise(
            &exceptions::TYPE_ERROR,
            format!("{name} expected at least {n} arguments, got {}", args.len()),
        )
    };
    match name {
        "calcsize" => {
            let fmt = parse(interp, args.first().ok_or_else(|| missing(1))?)?;
            long::int_from_i64(heap, fmt.size as i64).map_err(err)
        }
        "pack" => {
            let (f, values) = args.split_first().ok_or_else(|| {
                interp.raise(
                    &exceptions::TYPE_ERROR,
                    "pack expected at least 1 argument, got 0",
                )
            })?;
            let fmt = parse(interp, f)?;
            bytes::new_bytes(heap, &pack_values(interp, &fmt, values)?).map_err(err)
        }
        "unpack" => {
            let fmt = parse(interp, &args[0])?;
            let data = buffer_arg(interp, args[1].object())?;
            if data.len() != fmt.size {
                return Err(struct_error(
                    interp,
                    &format!("unpack requires a buffer of {} bytes", fmt.size),
                ));
            }
            unpack_values(interp, &fmt, &data)
        }
        "unpack_from" => {
            let fmt = parse(interp, &args[0])?;
            let data = buffer_arg(interp, args[1].object())?;
            let offset = match bound.get(2).cloned().flatten() {
                Some(o) => interp.index(&o, "offset")?,
                None => 0,
            };
            let start = if offset < 0 {
                offset + data.len() as isize
            } else {
                offset
            };
            if offset < 0 && start < 0 {
                return Err(struct_error(
                    interp,
                    &format!(
                        "offset {offset} out of range for {}-byte buffer",
                        data.len()
                    ),
                ));
            }
            let start = start as usize;
            if data.len().saturating_sub(start) < fmt.size || start > data.len() {
                return Err(struct_error(
                    interp,
                    &format!(
                        "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {offset} (actual buffer size is {})",
                        fmt.size + start,
                        fmt.size,
                        data.len()
                    ),
                ));
            }
            unpack_values(interp, &fmt, &data[start..start + fmt.size])
        }
        _ => {
            // `pack_into(format, buffer, offset, *values)`.
            if args.len() < 3 {
                return Err(missing(3));
            }
            let fmt = parse(interp, &args[0])?;
            let packed = pack_values(interp, &fmt, &args[3..])?;
            let target = &args[1];
            let Some(b) = bytearray::ByteArray::cast(target.object()) else {
                return Err(interp.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "argument must be read-write bytes-like object, not {}",
                        target.ob_type().name()
                    ),
                ));
            };
            let n = bytearray::len(b);
            let offset = interp.index(&args[2], "offset")?;
            let start = if offset < 0 {
                offset + n as isize
            } else {
                offset
            };
            if start < 0 || n - (start as usize).min(n) < packed.len() {
                return Err(struct_error(
                    interp,
                    &format!(
                        "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {offset} (actual buffer size is {n})",
                        packed.len() + start.max(0) as usize,
                        packed.len()
                    ),
                ));
            }
            for (k, &x) in packed.iter().enumerate() {
                bytearray::set_byte(b, start as usize + k, x);
            }
            Ok(none(heap))
        }
    }
}
