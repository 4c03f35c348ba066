//! `'%s, %r' % (a, b)` as an f-string (`optimize_format` in 3.12's `Python/ast_opt.c`): a
//! `%` whose left operand is a constant `str` and whose right is a tuple display (not all of it
//! constant, no starred items) becomes `f'{a!s}, {b!r}'` when every conversion is `%s`, `%r` or
//! `%a` with at most a `-` flag, a width and a precision of up to two digits each, and there are
//! exactly as many conversions as items.

use std::rc::Rc;

/// One piece of a `%`-format turned into an f-string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatPiece {
    /// Literal text (`%%` already made `%`): a `LOAD_CONST` of a location-less constant.
    Literal(Rc<str>),
    /// A formatted item: `FORMAT_VALUE` of the right operand's `element`-th item.
    Value {
        /// Which item of the tuple display.
        element: usize,
        /// The conversion: `b's'`, `b'r'` or `b'a'`.
        conversion: u8,
        /// The format spec (`>5`, `5`, `.3`, `>10.2`), a location-less constant, if any.
        format_spec: Option<Rc<str>>,
    },
}

/// The most digits of a width or precision (`MAXDIGITS` is 3, and the third digit fails).
const MAX_DIGITS: usize = 3;

/// A position in the format string (`NEXTC` fails at its end).
struct Cursor<'a> {
    chars: &'a [char],
    pos: usize,
}

impl Cursor<'_> {
    fn next(&mut self) -> Option<char> {
        let c = *self.chars.get(self.pos)?;
        self.pos += 1;
        Some(c)
    }

    /// Reads a number starting at `*ch`, leaving in `*ch` the character after it.
    fn number(&mut self, ch: &mut char) -> Option<u32> {
        let mut value = 0;
        let mut digits = 0;
        while let Some(d) = ch.is_ascii_digit().then(|| *ch as u32 - '0' as u32) {
            value = value * 10 + d;
            *ch = self.next()?;
            digits += 1;
            if digits >= MAX_DIGITS {
                return None;
            }
        }
        Some(value)
    }
}

/// What one conversion specifier says.
struct Conversion {
    kind: char,
    left_justify: bool,
    width: Option<u32>,
    precision: Option<u32>,
}

/// Reads the conversion after a `%` (`simple_format_arg_parse`).
fn parse_conversion(cursor: &mut Cursor<'_>) -> Option<Conversion> {
    let mut left_justify = false;
    let mut ch = cursor.next()?;
    while matches!(ch, '-' | '+' | ' ' | '#' | '0') {
        left_justify |= ch == '-';
        ch = cursor.next()?;
    }
    let width = if ch.is_ascii_digit() {
        Some(cursor.number(&mut ch)?)
    } else {
        None
    };
    let mut precision = None;
    if ch == '.' {
        ch = cursor.next()?;
        precision = Some(cursor.number(&mut ch)?);
    }
    Some(Conversion {
        kind: ch,
        left_justify,
        width,
        precision,
    })
}

/// The pieces `fmt % (items...)` with `items` items becomes, or `None` when 3.12 leaves it
/// alone.
pub(super) fn optimize_format(fmt: &str, items: usize) -> Option<Vec<FormatPiece>> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut pieces = Vec::new();
    let mut pos = 0;
    let mut used = 0;
    loop {
        // `parse_literal`: text up to a `%` that is not part of `%%`.
        let start = pos;
        while pos < chars.len() {
            if chars[pos] != '%' {
                pos += 1;
            } else if chars.get(pos + 1) == Some(&'%') {
                pos += 2;
            } else {
                break;
            }
        }
        if pos > start {
            let text: String = chars[start..pos].iter().collect();
            pieces.push(FormatPiece::Literal(text.replace("%%", "%").into()));
        }
        if pos >= chars.len() {
            break;
        }
        if used >= items {
            return None;
        }
        let mut cursor = Cursor {
            chars: &chars,
            pos: pos + 1,
        };
        let conversion = parse_conversion(&mut cursor)?;
        pos = cursor.pos;
        if !matches!(conversion.kind, 's' | 'r' | 'a') {
            return None;
        }
        let mut spec = String::new();
        if let Some(width) = conversion.width {
            if !conversion.left_justify && width > 0 {
                spec.push('>');
            }
            spec.push_str(&width.to_string());
        }
        if let Some(precision) = conversion.precision {
            spec.push_str(&format!(".{precision}"));
        }
        pieces.push(FormatPiece::Value {
            element: used,
            conversion: conversion.kind as u8,
            format_spec: (!spec.is_empty()).then(|| spec.into()),
        });
        used += 1;
    }
    (used == items).then_some(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(element: usize, conversion: u8, spec: Option<&str>) -> FormatPiece {
        FormatPiece::Value {
            element,
            conversion,
            format_spec: spec.map(Rc::from),
        }
    }

    #[test]
    fn simple_conversions_become_pieces() {
        let pieces = optimize_format("%s%-5s%.3r", 3).unwrap();
        assert_eq!(
            pieces,
            vec![
                value(0, b's', None),
                value(1, b's', Some("5")),
                value(2, b'r', Some(".3"))
            ]
        );
        let pieces = optimize_format("a%%b %10.2a!", 1).unwrap();
        assert_eq!(pieces[0], FormatPiece::Literal("a%b ".into()));
        assert_eq!(pieces[1], value(0, b'a', Some(">10.2")));
        assert_eq!(pieces[2], FormatPiece::Literal("!".into()));
    }

    #[test]
    fn anything_else_is_left_alone() {
        for (fmt, n) in [
            ("%d", 1),
            ("%s %s", 1),
            ("%s", 2),
            ("%100s", 1),
            ("%(a)s", 1),
            ("%s%", 1),
            ("%*s", 1),
        ] {
            assert_eq!(optimize_format(fmt, n), None, "{fmt}");
        }
    }
}
