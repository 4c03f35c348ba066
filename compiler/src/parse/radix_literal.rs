//! The tokenizer's errors for malformed hexadecimal, octal and binary literals
//! (`Parser/tokenizer.c`: the `0x`/`0o`/`0b` branches of `tok_get` and
//! `verify_end_of_number`): "invalid digit '2' in binary literal", "invalid hexadecimal
//! literal", ... with CPython's caret.
//!
//! Ruff's lexer reports these as Rust's `ParseIntError`, or splits `0b12` into two tokens that
//! the parser then refuses as "invalid syntax". When a parse fails, [`first_error`] scans the
//! source as CPython's tokenizer would reach it (outside comments and strings, skipping names
//! and decimal numbers) for the first malformed radix literal before the parser's error.

use super::source::string_end;

/// A radix literal's kind: its name in messages and its digits.
#[derive(Clone, Copy)]
enum Radix {
    Hex,
    Octal,
    Binary,
}

impl Radix {
    fn name(self) -> &'static str {
        match self {
            Radix::Hex => "hexadecimal",
            Radix::Octal => "octal",
            Radix::Binary => "binary",
        }
    }

    fn is_digit(self, c: u8) -> bool {
        match self {
            Radix::Hex => c.is_ascii_hexdigit(),
            Radix::Octal => (b'0'..=b'7').contains(&c),
            Radix::Binary => c == b'0' || c == b'1',
        }
    }
}

/// `is_potential_identifier_char`: what may continue a name (non-ASCII bytes included).
fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// The first malformed radix literal starting at or before byte `limit` of `text`: the byte
/// the caret points at (CPython's 1-based offset, less one) and the message.
pub(super) fn first_error(text: &str, limit: usize) -> Option<(usize, String)> {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && i <= limit {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'\'' | b'"' => i = string_end(b, i, c) + 1,
            b'0' if matches!(b.get(i + 1), Some(b'x' | b'X' | b'o' | b'O' | b'b' | b'B')) => {
                let radix = match b[i + 1] {
                    b'x' | b'X' => Radix::Hex,
                    b'o' | b'O' => Radix::Octal,
                    _ => Radix::Binary,
                };
                match radix_literal(b, i + 2, radix) {
                    Ok(end) => i = end,
                    Err(e) => return Some(e),
                }
            }
            b'0'..=b'9' => i = decimal_end(b, i),
            b'.' if b.get(i + 1).is_some_and(u8::is_ascii_digit) => i = decimal_end(b, i),
            _ if is_name_char(c) => {
                while i < b.len() && is_name_char(b[i]) {
                    i += 1;
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// Where the decimal number starting at `i` ends (its digits, `_`, `.`, exponent and `j`;
/// Ruff reports what is wrong inside one).
fn decimal_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() {
        let c = b[i];
        let signed_exponent = (c == b'+' || c == b'-') && i > 0 && matches!(b[i - 1], b'e' | b'E');
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || signed_exponent {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Checks the digits of a radix literal starting at `i` (past its prefix) as `tok_get` reads
/// them: groups of digits, each after at most one `_`, then the end of the number. `Ok` with
/// where the literal ends, or the caret's byte and the message.
fn radix_literal(b: &[u8], mut i: usize, radix: Radix) -> Result<usize, (usize, String)> {
    let at = |i: usize| b.get(i).copied().unwrap_or(b'\n');
    let invalid_digit = |i: usize| {
        let message = format!(
            "invalid digit '{}' in {} literal",
            char::from(at(i)),
            radix.name()
        );
        (i, message)
    };
    // The tokenizer backs up over the offending character: the caret is on the one before.
    let invalid = |i: usize| (i - 1, format!("invalid {} literal", radix.name()));
    loop {
        if at(i) == b'_' {
            i += 1;
        }
        if !radix.is_digit(at(i)) {
            return Err(if at(i).is_ascii_digit() {
                invalid_digit(i)
            } else {
                invalid(i)
            });
        }
        while radix.is_digit(at(i)) {
            i += 1;
        }
        if at(i) != b'_' {
            break;
        }
    }
    if at(i).is_ascii_digit() {
        return Err(invalid_digit(i));
    }
    // `verify_end_of_number`: a keyword that may follow a number in valid code is only a
    // warning (`0x1for x in y`); any other name character ends the literal badly.
    let rest = &b[i.min(b.len())..];
    let keyword_follows = ["and", "else", "for", "if", "in", "is", "or", "not"]
        .iter()
        .any(|k| rest.starts_with(k.as_bytes()));
    if is_name_char(at(i)) && !keyword_follows {
        return Err(invalid(i));
    }
    Ok(i)
}

#[cfg(test)]
mod tests {
    use super::first_error;

    #[test]
    fn carets_and_messages_follow_the_tokenizer() {
        // (source, caret byte, message), as CPython 3.12.1 reports them.
        let cases = [
            ("x = 0b2", 6, "invalid digit '2' in binary literal"),
            ("x = 0o9", 6, "invalid digit '9' in octal literal"),
            ("x = 0x", 5, "invalid hexadecimal literal"),
            ("x = 0b", 5, "invalid binary literal"),
            ("x = 0xg", 5, "invalid hexadecimal literal"),
            ("x = 0b1_", 7, "invalid binary literal"),
            ("x = 0b_", 6, "invalid binary literal"),
            ("x = 0b12", 7, "invalid digit '2' in binary literal"),
            ("x = 0o78 + 1", 7, "invalid digit '8' in octal literal"),
            ("x = 0b1a", 6, "invalid binary literal"),
        ];
        for (source, caret, message) in cases {
            let got = first_error(source, source.len());
            assert_eq!(got, Some((caret, message.to_string())), "{source}");
        }
        for fine in [
            "x = 0x_1f",
            "'0b2' # 0b2",
            "a0b2 = 1",
            "x = 1.5e-3 + 0o17",
            "0x1for",
        ] {
            assert_eq!(first_error(fine, fine.len()), None, "{fine}");
        }
    }
}
