//! The format-spec grammar (`parse_internal_render_format_spec` in `Python/formatter_unicode.c`).

use crate::error::{PyErr, PyResult};
use crate::unicode_data::decimal_value;

/// Where the padding goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`: padding after the text (the default of `str`).
    Left,
    /// `>`: padding before the text (the default of numbers).
    Right,
    /// `^`: centred, the extra fill character (if any) on the right.
    Center,
    /// `=`: padding between the sign (and `0x` prefix) and the digits; numbers only.
    AfterSign,
}

impl Align {
    fn from_char(c: char) -> Option<Align> {
        match c {
            '<' => Some(Align::Left),
            '>' => Some(Align::Right),
            '^' => Some(Align::Center),
            '=' => Some(Align::AfterSign),
            _ => None,
        }
    }
}

/// The thousands separator asked for (CPython's `LocaleType` without the locale cases).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// No separator.
    None,
    /// `,`: every three digits (decimal types only).
    Comma,
    /// `_`: every three decimal digits, every four digits for `b o x X`.
    Underscore,
}

impl Grouping {
    /// The separator character, if any.
    pub fn separator(self) -> Option<char> {
        match self {
            Grouping::None => None,
            Grouping::Comma => Some(','),
            Grouping::Underscore => Some('_'),
        }
    }
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`
/// (CPython's `InternalFormatSpec`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (default `' '`; `'0'` after a leading `0`).
    pub fill: char,
    /// Whether the fill character was written before an alignment.
    pub fill_given: bool,
    /// The alignment: the caller's default unless given (a leading `0` makes it `=` for numbers).
    pub align: Align,
    /// `'+'`, `'-'` or `' '` when given.
    pub sign: Option<char>,
    /// `z`: a negative zero (after rounding) is shown without its sign.
    pub no_neg_0: bool,
    /// `#`: the alternate form (`0x` prefixes, a point that is always shown).
    pub alternate: bool,
    /// The minimum width in code points.
    pub width: Option<usize>,
    /// The thousands separator.
    pub grouping: Grouping,
    /// The precision (digits for floats, a maximum length for `str`).
    pub precision: Option<usize>,
    /// The presentation type: the caller's default when not given (`'\0'` stands for none).
    pub kind: char,
}

/// `'c'` for a printable ASCII code, else `'\xhh'`, as CPython's error messages quote them.
pub(crate) fn quoted_code(c: char) -> String {
    if (33..128).contains(&(c as u32)) {
        format!("'{c}'")
    } else {
        format!("'\\x{:x}'", c as u32)
    }
}

impl FormatSpec {
    /// Parses `spec` for an object of type `type_name` whose `__format__` has the presentation
    /// type `default_kind` (`'d'` for int, `'\0'` for float and complex, `'s'` for str) and the
    /// alignment `default_align` (`>` for numbers, `<` for str).
    ///
    /// # Errors
    ///
    /// `ValueError` with CPython's text: `Invalid format specifier '…' for object of type '…'`,
    /// `Cannot specify both ',' and '_'.`, `Cannot specify ',' with 's'.`, `Format specifier
    /// missing precision`, `Too many decimal digits in format string`.
    ///
    /// # Example
    ///
    /// ```
    /// use pyrt_objects::format::{Align, FormatSpec, Grouping};
    /// let f = FormatSpec::parse("*^+#012,.3f", '\0', Align::Right, "float").unwrap();
    /// assert_eq!((f.fill, f.align, f.sign, f.width), ('*', Align::Center, Some('+'), Some(12)));
    /// assert_eq!((f.grouping, f.precision, f.kind), (Grouping::Comma, Some(3), 'f'));
    /// ```
    pub fn parse(
        spec: &str,
        default_kind: char,
        default_align: Align,
        type_name: &str,
    ) -> PyResult<FormatSpec> {
        let chars: Vec<char> = spec.chars().collect();
        let at = |i: usize| chars.get(i).copied();
        let mut f = FormatSpec {
            fill: ' ',
            fill_given: false,
            align: default_align,
            sign: None,
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            kind: default_kind,
        };
        let mut pos = 0;
        let mut align_given = false;
        if let Some(align) = at(1).and_then(Align::from_char) {
            (f.fill, f.fill_given, f.align, align_given, pos) = (chars[0], true, align, true, 2);
        } else if let Some(align) = at(0).and_then(Align::from_char) {
            (f.align, align_given, pos) = (align, true, 1);
        }
        if let Some(sign @ ('+' | '-' | ' ')) = at(pos) {
            f.sign = Some(sign);
            pos += 1;
        }
        if at(pos) == Some('z') {
            f.no_neg_0 = true;
            pos += 1;
        }
        if at(pos) == Some('#') {
            f.alternate = true;
            pos += 1;
        }
        if !f.fill_given && at(pos) == Some('0') {
            f.fill = '0';
            // Since 3.10 a leading 0 does not change the default alignment of strings.
            if !align_given && default_align == Align::Right {
                f.align = Align::AfterSign;
            }
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        f.parse_tail(spec, &chars, pos, type_name)
    }

    /// Grouping, precision and type, then the check that the grouping suits the type.
    fn parse_tail(
        mut self,
        spec: &str,
        chars: &[char],
        mut pos: usize,
        type_name: &str,
    ) -> PyResult<FormatSpec> {
        let at = |i: usize| chars.get(i).copied();
        let both = || PyErr::value_error("Cannot specify both ',' and '_'.");
        if at(pos) == Some(',') {
            self.grouping = Grouping::Comma;
            pos += 1;
        }
        if at(pos) == Some('_') {
            if self.grouping != Grouping::None {
                return Err(both());
            }
            self.grouping = Grouping::Underscore;
            pos += 1;
        }
        if at(pos) == Some(',') && self.grouping == Grouping::Underscore {
            return Err(both()); // while ",," leaves ',' as the type
        }
        if at(pos) == Some('.') {
            pos += 1;
            let precision = get_integer(chars, &mut pos)?;
            self.precision = Some(
                precision
                    .ok_or_else(|| PyErr::value_error("Format specifier missing precision"))?,
            );
        }
        match chars.len() - pos {
            0 => {}
            1 => self.kind = chars[pos],
            _ => {
                return Err(PyErr::value_error(format!(
                    "Invalid format specifier '{spec}' for object of type '{type_name}'"
                )));
            }
        }
        self.check_grouping()?;
        Ok(self)
    }

    /// PEP 378 allows `,` and `_` with the decimal types, PEP 515 `_` with `b o x X`.
    fn check_grouping(&self) -> PyResult<()> {
        let Some(separator) = self.grouping.separator() else {
            return Ok(());
        };
        let allowed = match self.kind {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => self.grouping == Grouping::Underscore,
            _ => false,
        };
        if allowed {
            Ok(())
        } else {
            Err(PyErr::value_error(format!(
                "Cannot specify '{separator}' with {}.",
                quoted_code(self.kind)
            )))
        }
    }

    /// The width as CPython's `Py_ssize_t`, `-1` when not given.
    pub(crate) fn width_or_minus_one(&self) -> isize {
        self.width.map_or(-1, |w| w as isize)
    }
}

/// `get_integer`: a run of (Unicode) decimal digits at `*pos`, or `None` when there is none.
fn get_integer(chars: &[char], pos: &mut usize) -> PyResult<Option<usize>> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let d = d as usize;
        if value > (isize::MAX as usize - d) / 10 {
            return Err(PyErr::value_error(
                "Too many decimal digits in format string",
            ));
        }
        value = value * 10 + d;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// `calc_padding`: the fill characters before and after `len` characters of content.
pub(crate) fn padding(len: usize, width: Option<usize>, align: Align) -> (usize, usize) {
    let total = width.map_or(len, |w| w.max(len));
    let pad = total - len;
    match align {
        Align::Right => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
        Align::Left | Align::AfterSign => (0, pad),
    }
}
