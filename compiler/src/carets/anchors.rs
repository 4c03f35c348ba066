//! The secondary range inside a failing segment: the operator of a binary operation, or the
//! brackets of a subscript (CPython 3.12.1's `extract_anchors_from_line` and
//! `extract_anchors_from_expr`, `Python/traceback.c`).
//!
//! CPython parses the segment on its own as a module; when that gives exactly one
//! expression statement whose expression is a `BinOp` or a `Subscript`, the anchors are
//! found by scanning the segment's UTF-8 bytes from the AST's columns. Anything else (a
//! call, an attribute, a statement, text that does not parse) has no anchors, and the
//! whole range is drawn with `^`. 3.12 has no anchors for calls.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// Where the secondary range of a segment starts and ends, in UTF-8 bytes of the segment:
/// bytes `left_end..right_start` are drawn `^`, the rest of the range `~`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Anchors {
    /// The first byte of the secondary range.
    pub left_end: usize,
    /// The byte after the secondary range.
    pub right_start: usize,
}

/// CPython's tokenizer refuses more nested brackets than this (`MAXLEVEL`, "too many nested
/// parentheses"); a segment nested deeper has no anchors in CPython, and is not handed to
/// Ruff's recursive parser.
const MAX_NESTING: usize = 200;

/// The anchors of `segment` (one line of source, from the failing range's first column to
/// its last), or `None` when CPython finds none.
pub(crate) fn find_anchors(segment: &str) -> Option<Anchors> {
    if nesting_bound(segment) > MAX_NESTING {
        return None;
    }
    let parsed = ruff_python_parser::parse_module(segment).ok()?;
    let [Stmt::Expr(statement)] = parsed.syntax().body.as_slice() else {
        return None;
    };
    let bytes = segment.as_bytes();
    match statement.value.as_ref() {
        Expr::BinOp(binop) => {
            let left_end = binop.left.end().to_usize();
            let right_start = binop.right.start().to_usize();
            operator_anchors(bytes, left_end, right_start)
        }
        Expr::Subscript(subscript) => Some(bracket_anchors(
            bytes,
            subscript.value.end().to_usize(),
            subscript.slice.end().to_usize(),
        )),
        _ => None,
    }
}

/// `IS_WHITESPACE` of `traceback.c`: space, tab and form feed.
pub(crate) fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\x0c')
}

/// The operator between a binary operation's operands: the first byte after the left
/// operand that is neither whitespace nor a `)` closing the left operand's parentheses,
/// taken with the byte after it when that is not whitespace (a two-character operator
/// such as `//` or `**` — or, as in CPython, an operator followed by `(`).
fn operator_anchors(bytes: &[u8], left_end: usize, right_start: usize) -> Option<Anchors> {
    let right_start = right_start.min(bytes.len());
    let mut found = None;
    for i in left_end..right_start {
        if is_whitespace(bytes[i]) {
            continue;
        }
        let two_chars = i + 1 < right_start && !is_whitespace(bytes[i + 1]);
        found = Some(Anchors {
            left_end: i,
            right_start: i + 1 + usize::from(two_chars),
        });
        // A `)` closing the left operand is not the operator: keep going.
        if i + 1 < right_start && bytes[i] == b')' {
            continue;
        }
        break;
    }
    found
}

/// The brackets of a subscript: from the first `[` after the subscripted value to the `]`
/// after the slice (the scan starts one byte past the slice's end, as CPython's does).
fn bracket_anchors(bytes: &[u8], value_end: usize, slice_end: usize) -> Anchors {
    let mut left_end = value_end;
    while left_end < bytes.len() && bytes[left_end] != b'[' {
        left_end += 1;
    }
    let mut right_start = slice_end + 1;
    while right_start < bytes.len() && bytes[right_start] != b']' {
        right_start += 1;
    }
    if right_start < bytes.len() {
        right_start += 1;
    }
    Anchors {
        left_end,
        right_start,
    }
}

/// An upper bound of the bracket nesting of `segment`: the deepest count of open brackets,
/// counting brackets inside strings and comments too (so never below the real nesting).
fn nesting_bound(segment: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for byte in segment.bytes() {
        match byte {
            b'(' | b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}
