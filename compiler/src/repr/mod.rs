//! `repr()` of the compiler's constants, as CPython 3.12 writes them: `float_repr`
//! (`Python/pystrtod.c`'s `'r'` format), `complex_repr`, `unicode_repr`, `bytes_repr`,
//! `tuplerepr` and `frozenset`'s, and `code_repr` (`Objects/codeobject.c`).
//!
//! `dis` prints constants with these by default (pyrt's interpreter can substitute its own
//! objects' reprs), and the folding tests compare them with the live CPython's.

mod printable;

use std::fmt::Write;

use crate::code::{CodeObject, Constant};

pub(crate) use printable::is_printable;

/// The shortest digits that round-trip `x` (finite, non-zero) and the decimal point's position:
/// `x = 0.DIGITS × 10^decpt`.
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` gives the shortest round-tripping digits, as Python's repr uses.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exponent) = sci.split_once('e').expect("{:e} has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let exponent: i32 = exponent.parse().expect("{:e}'s exponent is a number");
    (digits, exponent + 1)
}

/// `float` to text in Python's `repr` style (`PyOS_double_to_string(x, 'r', 0, flags)`):
/// shortest round-tripping digits, exponent notation when the decimal point is before the 4th
/// leading zero or after the 16th digit. `add_dot_0` adds `.0` to integral fixed-point values
/// (`float.__repr__`; complex parts do without); `sign` writes `+` before non-negative values.
fn format_float(x: f64, add_dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_nan() {
        out.push_str("nan");
        return out;
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    if x == 0.0 {
        out.push_str(if add_dot_0 { "0.0" } else { "0" });
        return out;
    }
    let (digits, decpt) = shortest_digits(x);
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let exp = decpt - 1;
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-decpt) as usize));
        out.push_str(&digits);
    } else if decpt as usize >= digits.len() {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', decpt as usize - digits.len()));
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `repr(x)` of a `float`: `0.1`, `1e+16`, `-0.0`, `inf`, `nan`.
pub fn float_repr(x: f64) -> String {
    format_float(x, true, false)
}

/// `repr(complex(real, imag))`: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn complex_repr(real: f64, imag: f64) -> String {
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_float(imag, false, false))
    } else {
        format!(
            "({}{}j)",
            format_float(real, false, false),
            format_float(imag, false, true)
        )
    }
}

/// The quote `repr` puts around text: `'` unless the text has `'` and no `"`.
fn quote_for(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `repr(s)` of a `str` (`unicode_repr`): `\\`, the quote and `\t \n \r` escaped, other
/// non-printable characters as `\xhh`, `\uhhhh` or `\Uhhhhhhhh`.
pub fn str_repr(s: &str) -> String {
    let quote = quote_for(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            _ if is_printable(c) => out.push(c),
            _ if (c as u32) <= 0xff => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            _ if (c as u32) <= 0xffff => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            _ => {
                let _ = write!(out, "\\U{:08x}", c as u32);
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` of a `bytes` (`PyBytes_Repr`): `b'...'`, printable ASCII as is, `\\`, the quote and
/// `\t \n \r` escaped, everything else as `\xhh`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = quote_for(b.contains(&b'\''), b.contains(&b'"')) as u8;
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if byte == quote => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// `repr(code)` (`code_repr`) with `address` as the object's id:
/// `<code object f at 0x7f.., file "<s>", line 2>`.
pub fn code_repr(code: &CodeObject, address: usize) -> String {
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name, address, code.filename, code.firstlineno
    )
}

/// What is left to write of a constant being printed.
enum Pending<'a> {
    /// A constant still to print.
    Value(&'a Constant),
    /// Punctuation between and after the items of a container.
    Text(&'static str),
}

impl Constant {
    /// `repr()` of the constant as CPython prints it; a code object's address is its
    /// [`CodeObject`]'s address in memory (callers that have real objects pass their own reprs
    /// to `dis`).
    ///
    /// Nested tuples are printed with an explicit work list, so depth does not matter.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        let mut pending = vec![Pending::Value(self)];
        while let Some(next) = pending.pop() {
            let constant = match next {
                Pending::Text(text) => {
                    out.push_str(text);
                    continue;
                }
                Pending::Value(constant) => constant,
            };
            let (items, open, close) = match constant {
                Constant::Tuple(items) => (items, "(", if items.len() == 1 { ",)" } else { ")" }),
                Constant::FrozenSet(items) if items.is_empty() => {
                    out.push_str("frozenset()");
                    continue;
                }
                Constant::FrozenSet(items) => (items, "frozenset({", "})"),
                scalar => {
                    out.push_str(&scalar_repr(scalar));
                    continue;
                }
            };
            out.push_str(open);
            pending.push(Pending::Text(close));
            for (i, item) in items.iter().enumerate().rev() {
                pending.push(Pending::Value(item));
                if i > 0 {
                    pending.push(Pending::Text(", "));
                }
            }
        }
        out
    }
}

/// `repr()` of a constant that is not a container.
fn scalar_repr(constant: &Constant) -> String {
    match constant {
        Constant::None => "None".to_owned(),
        Constant::Bool(true) => "True".to_owned(),
        Constant::Bool(false) => "False".to_owned(),
        Constant::Ellipsis => "Ellipsis".to_owned(),
        Constant::Int(i) => i.to_string(),
        Constant::Float(x) => float_repr(*x),
        Constant::Complex(re, im) => complex_repr(*re, *im),
        Constant::Str(s) => str_repr(s),
        Constant::Bytes(b) => bytes_repr(b),
        Constant::Code(code) => code_repr(code, std::rc::Rc::as_ptr(code) as usize),
        Constant::Tuple(_) | Constant::FrozenSet(_) => unreachable!("containers are walked"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_print_as_python_does() {
        let cases = [
            (0.1, "0.1"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1.5e-5, "1.5e-05"),
            (0.0001, "0.0001"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (123.456, "123.456"),
            (1e300 * 10.0, "1e+301"),
        ];
        for (x, text) in cases {
            assert_eq!(float_repr(x), text, "{x:?}");
        }
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(-0.0, -1.0), "(-0-1j)");
        assert_eq!(complex_repr(1.5, 2.0), "(1.5+2j)");
        assert_eq!(complex_repr(0.0, 0.0), "0j");
    }

    #[test]
    fn containers_nest_without_recursion() {
        let mut c = Constant::Int(1.into());
        for _ in 0..100_000 {
            c = Constant::Tuple(vec![c].into());
        }
        let text = c.repr();
        // Dropping the nest is recursive in `Rc`'s drop glue: leak it rather than test that.
        std::mem::forget(c);
        assert_eq!(text.len(), 1 + 100_000 * 3);
        assert!(text.starts_with("((((") && text.ends_with(",),),)"));
        assert_eq!(text.find('1'), Some(100_000));
    }
}
