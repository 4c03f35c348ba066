//! `format(value, spec)` as a str object, the way `FORMAT_VALUE` wants it (`PyObject_Format` in
//! `Objects/abstract.c`): its fast paths first — an exact `str` with an empty spec is itself,
//! an exact `int` with an empty spec is `str(value)` — then an exact small `int` with a spec of
//! only fill, alignment and width (`f'{n:>4}'`), written straight into an ASCII string; every
//! other case is [`super::format`]'s text made a string.

use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::object::PyObject;
use crate::types::long::{self, Int};
use crate::types::unicode::{self, Str};

use super::{Align, FormatSpec, Grouping};

/// The widest padded result the small-int path writes on the stack; wider ones take the
/// general path.
const MAX_FAST_WIDTH: usize = 64;

/// `PyLong_CheckExact`: an `int`, not a `bool` or another subclass (which may define its own
/// `__format__`).
fn is_exact_int(o: &PyObject) -> bool {
    core::ptr::eq(o.ob_type(), long::INT_TYPE.get())
}

/// `format(value, spec)` (`PyObject_Format`) as a str object; `spec` `None` is the empty spec.
///
/// # Errors
/// What [`super::format`] raises for the value and spec.
pub fn format_to_str<'h>(
    heap: &'h Heap,
    value: &PyObject,
    spec: Option<&Str>,
) -> PyResult<Obj<'h>> {
    let spec_empty = spec.is_none_or(|s| unicode::str_len(s) == 0);
    if spec_empty {
        if unicode::is_exact_str(value) {
            // SAFETY: `value` is a live object of `heap` (the caller holds it).
            return Ok(unsafe { Obj::from_borrowed(heap, value) });
        }
        if is_exact_int(value)
            && let Some(i) = Int::cast(value)
        {
            return long::to_decimal_str(heap, i);
        }
    }
    let spec_text = spec.map(|s| match unicode::ascii_text(s) {
        Some(t) => std::borrow::Cow::Borrowed(t),
        None => std::borrow::Cow::Owned(unicode::str_value(s)),
    });
    let spec_text = spec_text.as_deref().unwrap_or("");
    if let Some(result) = small_int_padded(heap, value, spec_text) {
        return result;
    }
    let text = super::format(heap, value, spec_text)?;
    unicode::new_str(heap, &text)
}

/// `format(n, spec)` for an exact compact `int` and a spec of only `[[fill]align][width]` (or
/// `d`), an ASCII fill and a width up to [`MAX_FAST_WIDTH`]: the digits and the padding
/// written into one ASCII string (the singleton for one character, as `_PyUnicodeWriter`'s
/// result is). `None` for anything else, which the general path formats (and rejects).
fn small_int_padded<'h>(heap: &'h Heap, value: &PyObject, spec: &str) -> Option<PyResult<Obj<'h>>> {
    if !is_exact_int(value) || spec.is_empty() || !spec.is_ascii() {
        return None;
    }
    let v = long::compact_value(Int::cast(value)?)?;
    let f = FormatSpec::parse(spec, 'd', Align::Right, "int").ok()?;
    let plain = f.kind == 'd'
        && f.sign.is_none()
        && !f.no_neg_0
        && !f.alternate
        && f.grouping == Grouping::None
        && f.precision.is_none()
        && f.align != Align::AfterSign
        && f.fill.is_ascii();
    if !plain {
        return None;
    }
    let width = f.width.unwrap_or(0);
    if width > MAX_FAST_WIDTH {
        return None;
    }
    // |v| < 2**30: at most 10 digits and a sign.
    let mut digits = [0u8; 11];
    let mut at = digits.len();
    let mut m = v.unsigned_abs();
    loop {
        at -= 1;
        digits[at] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if v < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    let digits = &digits[at..];
    let pad = width.saturating_sub(digits.len());
    let (left, right) = match f.align {
        Align::Left => (0, pad),
        Align::Center => (pad / 2, pad - pad / 2),
        _ => (pad, 0),
    };
    let mut buf = [0u8; MAX_FAST_WIDTH + 11];
    let len = left + digits.len() + right;
    let fill = f.fill as u8;
    buf[..left].fill(fill);
    buf[left..left + digits.len()].copy_from_slice(digits);
    buf[left + digits.len()..len].fill(fill);
    Some(unicode::new_ascii(heap, &buf[..len]))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn text(o: &Obj<'_>) -> String {
        unicode::str_value(Str::cast(o.object()).unwrap())
    }

    /// A spec built of the parts the small-int path handles and a few it hands on (sign,
    /// grouping, `=`, `0`, other types, a non-ASCII fill, wide widths).
    fn spec() -> impl Strategy<Value = String> {
        let fill = prop::sample::select(vec!["", "*", "0", " ", "é"]);
        let align = prop::sample::select(vec!["", "<", ">", "^", "="]);
        let sign = prop::sample::select(vec!["", "", "+", " "]);
        let zero = prop::sample::select(vec!["", "", "0"]);
        let width = prop::sample::select(vec!["", "1", "4", "9", "12", "70"]);
        let group = prop::sample::select(vec!["", "", ","]);
        let kind = prop::sample::select(vec!["", "d", "x"]);
        (fill, align, sign, zero, width, group, kind).prop_map(|(f, a, s, z, w, g, k)| {
            let fill = if a.is_empty() { "" } else { f };
            format!("{fill}{a}{s}{z}{w}{g}{k}")
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]

        /// The fast paths give the general path's text, and a string of CPython's kind.
        #[test]
        fn int_formats_as_the_general_path(v in prop_oneof![-2000i64..2000, any::<i64>()], spec in spec()) {
            let heap = Heap::new();
            let n = long::int_from_i64(&heap, v).unwrap();
            let so = unicode::new_str(&heap, &spec).unwrap();
            let got = format_to_str(&heap, n.object(), Str::cast(so.object()));
            let want = super::super::format(&heap, n.object(), &spec);
            match (got, want) {
                (Ok(g), Ok(w)) => {
                    prop_assert_eq!(text(&g), w.clone());
                    let fresh = unicode::new_str(&heap, &w).unwrap();
                    prop_assert_eq!(
                        crate::abstract_::sizeof(g.object()),
                        crate::abstract_::sizeof(fresh.object())
                    );
                }
                (Err(g), Err(w)) => prop_assert_eq!(g.to_string(), w.to_string()),
                (g, w) => prop_assert!(false, "{:?} vs {:?}", g.map(|o| text(&o)), w),
            }
        }
    }

    #[test]
    fn an_empty_spec_is_str_of_the_value() {
        let heap = Heap::new();
        let s = unicode::new_str(&heap, "abc").unwrap();
        assert!(format_to_str(&heap, s.object(), None).unwrap().is(&s));
        let n = long::int_from_i64(&heap, -1234).unwrap();
        assert_eq!(
            text(&format_to_str(&heap, n.object(), None).unwrap()),
            "-1234"
        );
        // f'{7:>1}' is the cached '7', as `_PyUnicodeWriter_Finish` gives it.
        let seven = long::int_from_i64(&heap, 7).unwrap();
        let spec = unicode::new_str(&heap, ">1").unwrap();
        let r = format_to_str(&heap, seven.object(), Str::cast(spec.object())).unwrap();
        assert!(r.is(&unicode::new_str(&heap, "7").unwrap()));
        // f'{5:*^6}' centres with the extra fill on the right.
        let five = long::int_from_i64(&heap, 5).unwrap();
        let spec = unicode::new_str(&heap, "*^6").unwrap();
        let r = format_to_str(&heap, five.object(), Str::cast(spec.object())).unwrap();
        assert_eq!(text(&r), "**5***");
    }
}
