//! CPython's limit on decimal integer literals (`_PyPegen_number_token` with
//! `sys.int_info.default_max_str_digits`, 4300): a decimal literal of more digits is a
//! `SyntaxError` at parse time, placed on its line with no column (so no caret), whose text
//! is what `err_programtext` reads of that line: the last piece of at most 999 bytes.

use ruff_python_ast::visitor::{Visitor, walk_expr};
use ruff_python_ast::{Expr, ModModule, Number};
use ruff_text_size::{Ranged, TextSize};

use super::source::{Lines, SyntaxError};

/// `sys.int_info.default_max_str_digits`.
pub const MAX_STR_DIGITS: usize = 4300;

/// The size of `err_programtext`'s line buffer, less its NUL.
const PROGRAM_TEXT_PIECE: usize = 999;

/// The `SyntaxError` of the first decimal int literal of `module` with more than
/// [`MAX_STR_DIGITS`] digits, if there is one.
pub fn check(filename: &str, lines: &Lines, module: &ModModule) -> Option<SyntaxError> {
    let text = lines.source_text();
    // Only a source with that many digits in a row can hold such a literal.
    if !has_digit_run(text) {
        return None;
    }
    let mut finder = Finder { text, found: None };
    for stmt in &module.body {
        finder.visit_stmt(stmt);
        if finder.found.is_some() {
            break;
        }
    }
    let (at, digits) = finder.found?;
    let message = format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has \
         {digits} digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
         hexadecimal for huge integer literals to avoid decimal conversion limits."
    );
    let mut e = lines.error(filename, at, message);
    e.column = 0;
    e.end_column = 1;
    e.text = last_piece(&e.text);
    Some(e)
}

/// Whether `text` has more than [`MAX_STR_DIGITS`] digits and underscores in a row.
fn has_digit_run(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() || b == b'_' {
            run += 1;
            if run > MAX_STR_DIGITS {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// The last piece of at most [`PROGRAM_TEXT_PIECE`] bytes `err_programtext` reads of a line
/// (on a character boundary).
fn last_piece(line: &str) -> String {
    let len = line.len() + 1;
    let keep = (len - 1) % PROGRAM_TEXT_PIECE + 1;
    let mut start = len.saturating_sub(keep).min(line.len());
    while !line.is_char_boundary(start) {
        start += 1;
    }
    line[start..].to_string()
}

/// Walks the tree for the first over-long decimal literal: where it starts, and its digits.
struct Finder<'t> {
    text: &'t str,
    found: Option<(TextSize, usize)>,
}

impl<'a> Visitor<'a> for Finder<'_> {
    fn visit_expr(&mut self, expr: &'a Expr) {
        if self.found.is_some() {
            return;
        }
        if let Expr::NumberLiteral(n) = expr
            && let Number::Int(i) = &n.value
            && i.as_u64().is_none()
        {
            let literal = &self.text[n.range()];
            let decimal = !matches!(
                literal.get(..2),
                Some("0x" | "0X" | "0o" | "0O" | "0b" | "0B")
            );
            let digits = literal.bytes().filter(u8::is_ascii_digit).count();
            if decimal && digits > MAX_STR_DIGITS {
                self.found = Some((n.range().start(), digits));
                return;
            }
        }
        // Deep expressions grow the stack rather than overflow it.
        stacker::maybe_grow(64 * 1024, 2 * 1024 * 1024, || walk_expr(self, expr));
    }
}
