//! The secondary range inside a failing segment: the operator of a binary operation, or the
//! brackets of a subscript (CPython 3.12.1's `extract_anchors_from_line` and
//! `extract_anchors_from_expr`, `Python/traceback.c`).
//!
//! CPython parses the segment on its own as a module; when that gives exactly one
//! expression statement whose expression is a `BinOp` or a `Subscript`, the anchors are
//! found by scanning the segment's UTF-8 bytes from the AST's columns. Anything else (a
//! call, an attribute, a statement, text that does not parse) has no anchors, and the
//! whole range is drawn with `^`. 3.12 has no anchors for calls.

use ruff_python_ast::token::TokenKind;
use ruff_python_ast::{Expr, Stmt};
use ruff_python_parser::Mode;
use ruff_python_parser::lexer::lex;
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
/// parentheses"): such a segment does not parse, so it has no anchors.
const MAX_NESTING: usize = 200;

/// Ruff's parser recurses, so a deeply nested segment could overflow the stack. A segment
/// whose [`recursion_bound`] is at most this is parsed on the caller's stack (a few KiB a
/// level in an unoptimised build)...
const INLINE_DEPTH: usize = 16;

/// ...one up to this on a thread of its own with a [`PARSER_STACK`] stack (measured: under
/// 8 KiB a level unoptimised, for the deepest-costing nesting, f-strings)...
const MAX_DEPTH: usize = 4000;

/// The stack of that thread (reserved address space: only the pages used are touched).
const PARSER_STACK: usize = 64 << 20;

// ...and one deeper gets no anchors. CPython's own parser gives up at a few thousand levels
// too ("too complex", or a recursion error), so this differs from it only on lines with
// thousands of operators.

/// The anchors of `segment` (one line of source, from the failing range's first column to
/// its last), or `None` when CPython finds none.
pub(crate) fn find_anchors(segment: &str) -> Option<Anchors> {
    let bound = recursion_bound(segment)?;
    if bound <= INLINE_DEPTH {
        return parse_anchors(segment);
    }
    if bound > MAX_DEPTH {
        return None;
    }
    let owned = segment.to_owned();
    std::thread::Builder::new()
        .name("pyrt-carets-parser".into())
        .stack_size(PARSER_STACK)
        .spawn(move || parse_anchors(&owned))
        .ok()?
        .join()
        .ok()?
}

/// Parses `segment` as a module and finds the anchors of its only statement.
fn parse_anchors(segment: &str) -> Option<Anchors> {
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

/// An upper bound of how deep Ruff's parser recurses on `segment`, from its tokens (the
/// lexer does not recurse): every level of a recursive-descent parser consumes a token
/// that is not an operand, a closing bracket, a comma or a dot, so their number bounds
/// the depth. `None` when the brackets nest deeper than CPython's tokenizer allows.
fn recursion_bound(segment: &str) -> Option<usize> {
    let mut lexer = lex(segment, Mode::Module);
    let (mut nesting, mut levels) = (0usize, 0usize);
    loop {
        let kind = lexer.next_token();
        match kind {
            TokenKind::EndOfFile => return Some(levels),
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                nesting += 1;
                if nesting > MAX_NESTING {
                    return None;
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                nesting = nesting.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        let operand = matches!(
            kind,
            TokenKind::Name
                | TokenKind::Int
                | TokenKind::Float
                | TokenKind::Complex
                | TokenKind::String
                | TokenKind::FStringMiddle
                | TokenKind::TStringMiddle
                | TokenKind::Comma
                | TokenKind::Dot
                | TokenKind::Comment
                | TokenKind::Newline
                | TokenKind::NonLogicalNewline
        );
        if !operand {
            levels += 1;
        }
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
///
/// The `)` rule is the C path's, checked against the live 3.12.1: `(a)+1` is drawn `~~~^~`,
/// where `Lib/traceback.py`'s twin would draw `~~~^^`.
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
