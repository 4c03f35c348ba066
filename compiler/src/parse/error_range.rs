//! The range a `SyntaxError` marks, as CPython's parser marks it (`Parser/pegen_errors.c`
//! `_PyPegen_raise_error`: a generic `invalid syntax` spans the token the parser stopped at,
//! from its start to its end; `RAISE_SYNTAX_ERROR_KNOWN_RANGE` spans the nodes a grammar rule
//! names), and the one `invalid_*` rule of `Grammar/python.gram` placed here from the tokens:
//! `invalid_legacy_expression`, Python 2's `print x`/`exec x`
//! (`Missing parentheses in call to 'print'. Did you mean print(...)?`, from the name to the end
//! of the expressions after it), and `invalid_expression`'s two expressions in brackets with
//! no comma between them (`invalid syntax. Perhaps you forgot a comma?`).

use ruff_python_ast::token::TokenKind;
use ruff_text_size::{TextRange, TextSize};

/// The most tokens an expression these rules look for may have: each candidate end is parsed,
/// so a longer run falls back to the generic error.
const MAX_EXPRESSION_TOKENS: usize = 256;

/// The tokens of a source that did not parse (trivia left out), each with its range.
pub(super) type TokenList = Vec<(TokenKind, TextRange)>;

/// The range of the token starting at `at`, when there is one (not the end of the line or
/// of the file, which CPython marks with one caret).
pub(super) fn token_at(tokens: &TokenList, at: TextSize) -> Option<TextRange> {
    let i = tokens.partition_point(|(_, r)| r.start() < at);
    match tokens.get(i) {
        Some(&(kind, range)) if range.start() == at && !range.is_empty() && !ends_a_line(kind) => {
            Some(range)
        }
        _ => None,
    }
}

/// A token that is no text on the line (`NEWLINE`, `INDENT`, `DEDENT`, the end).
fn ends_a_line(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::Newline
            | TokenKind::NonLogicalNewline
            | TokenKind::Indent
            | TokenKind::Dedent
            | TokenKind::EndOfFile
    )
}

/// `invalid_legacy_expression: a=NAME !'(' b=star_expressions`, when `a` is `print` or
/// `exec`: the first such name on the logical line of the error at `at` (before it, where an
/// expression can start) followed by expressions, and the range from the name to the end of
/// the longest run of tokens after it that is an expression list.
pub(super) fn legacy_call(
    text: &str,
    tokens: &TokenList,
    at: TextSize,
) -> Option<(&'static str, TextRange)> {
    let i = tokens.partition_point(|(_, r)| r.start() < at);
    let line_start = tokens[..i.min(tokens.len())]
        .iter()
        .rposition(|(kind, _)| *kind == TokenKind::Newline)
        .map_or(0, |k| k + 1);
    (line_start..i).find_map(|n| {
        let (kind, range) = tokens[n];
        let name = match text.get(range.start().to_usize()..range.end().to_usize())? {
            "print" if kind == TokenKind::Name => "print",
            "exec" if kind == TokenKind::Name => "exec",
            _ => return None,
        };
        let after_operand = n > 0
            && matches!(
                tokens[n - 1].0,
                TokenKind::Dot
                    | TokenKind::Def
                    | TokenKind::Class
                    | TokenKind::Import
                    | TokenKind::From
                    | TokenKind::As
                    | TokenKind::Name
            );
        let (next_kind, next) = *tokens.get(n + 1)?;
        if after_operand || next_kind == TokenKind::Lpar {
            return None;
        }
        let end = longest(text, tokens, n + 1, true)?;
        (end > next.start()).then(|| (name, TextRange::new(range.start(), end)))
    })
}

/// The end of the longest expression (or expression list, with `list`) made of the tokens
/// from `first` to the end of their element: a `,` (unless `list`), `:`, `=` or closing
/// bracket outside brackets, a `;` or the end of the logical line. `None` when there is
/// none, or when the brackets the tokens are in are never closed (the tokenizer's error).
fn longest(text: &str, tokens: &TokenList, first: usize, list: bool) -> Option<TextSize> {
    let start = tokens.get(first)?.1.start();
    let mut depth = 0usize;
    let mut ends = Vec::new();
    for &(kind, range) in &tokens[first..] {
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace if depth == 0 => break,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            TokenKind::Comma if depth == 0 && !list => break,
            TokenKind::Colon | TokenKind::Equal | TokenKind::Semi if depth == 0 => break,
            // Inside brackets, a line's end means they are never closed.
            TokenKind::Newline if !list => return None,
            TokenKind::Newline => break,
            TokenKind::EndOfFile => return None,
            _ => {}
        }
        ends.push(range.end());
    }
    // PEG is greedy: the longest prefix that is one.
    ends.truncate(MAX_EXPRESSION_TOKENS);
    ends.into_iter()
        .rev()
        .find(|&end| is_expression(text, start, end, list))
}

/// The index of the bracket open around token `k` (on its logical line), if any.
fn bracket_open(tokens: &TokenList, k: usize) -> Option<usize> {
    let mut depth = 0usize;
    for j in (0..k).rev() {
        match tokens[j].0 {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth == 0 => return Some(j),
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth -= 1,
            TokenKind::Newline => return None,
            _ => {}
        }
    }
    None
}

/// Whether the `(` at `open` opens a `def`'s parameters (`def name(`, `def name[T](`).
fn def_before(tokens: &TokenList, open: usize) -> bool {
    open >= 2 && tokens[open - 1].0 == TokenKind::Name && tokens[open - 2].0 == TokenKind::Def
}

/// Whether `text[start..end]` is one expression (or, with `list`, an expression list).
fn is_expression(text: &str, start: TextSize, end: TextSize, list: bool) -> bool {
    text.get(start.to_usize()..end.to_usize()).is_some_and(|expr| {
        ruff_python_parser::parse_expression(expr).is_ok_and(|parsed| {
            list || !matches!(parsed.syntax().body.as_ref(), ruff_python_ast::Expr::Tuple(t) if !t.parenthesized)
        })
    })
}

/// `invalid_expression: !(NAME STRING | SOFT_KEYWORD) a=disjunction
/// b=expression_without_invalid`, inside brackets and when `a` is not `print`/`exec`: for an
/// error at `at`, `a` is the element (of the bracket, after its `(`, `[`, `{`, `,`, `:` or
/// `=`) that ends there and `b` the longest expression from `at`; the range from `a` to `b`.
pub(super) fn missing_comma(text: &str, tokens: &TokenList, at: TextSize) -> Option<TextRange> {
    let i = tokens.partition_point(|(_, r)| r.start() < at);
    if tokens.get(i)?.1.start() != at {
        return None;
    }
    // Back to the start of the element `a`, at the error's bracket depth.
    let mut depth = 0usize;
    let mut a = i;
    loop {
        let k = a.checked_sub(1)?;
        match tokens[k].0 {
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth += 1,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace if depth == 0 => break,
            TokenKind::Comma | TokenKind::Colon | TokenKind::Equal if depth == 0 => {
                // Only inside brackets, and not in a `def`'s parameters (no expressions).
                let open = bracket_open(tokens, k)?;
                if tokens[open].0 == TokenKind::Lpar && def_before(tokens, open) {
                    return None;
                }
                break;
            }
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth -= 1,
            TokenKind::Newline | TokenKind::Semi if depth == 0 => return None,
            // A starred element (`*a`, `**a`) is the disjunction after its star.
            TokenKind::Star | TokenKind::DoubleStar
                if depth == 0
                    && k > 0
                    && matches!(
                        tokens[k - 1].0,
                        TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace | TokenKind::Comma
                    ) =>
            {
                break;
            }
            _ => {}
        }
        a = k;
    }
    let open = a - 1;
    if a == i
        || i - a > MAX_EXPRESSION_TOKENS
        || (open >= 1 && tokens[open].0 == TokenKind::Lpar && def_before(tokens, open))
    {
        return None;
    }
    let (a_kind, a_range) = tokens[a];
    let a_text = text.get(a_range.start().to_usize()..a_range.end().to_usize())?;
    let soft = a_kind.is_soft_keyword() || a_text == "_";
    let name_string = a_kind == TokenKind::Name && tokens.get(a + 1)?.0 == TokenKind::String;
    let legacy = a + 1 == i && matches!(a_text, "print" | "exec");
    if soft || name_string || legacy || !is_expression(text, a_range.start(), at, false) {
        return None;
    }
    // `b`: the longest expression from `at` before the element ends.
    let end = longest(text, tokens, i, false)?;
    Some(TextRange::new(a_range.start(), end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> TokenList {
        let parsed =
            ruff_python_parser::parse_unchecked_source(text, ruff_python_ast::PySourceType::Python);
        parsed
            .tokens()
            .iter()
            .filter(|t| !t.kind().is_trivia())
            .map(|t| (t.kind(), ruff_text_size::Ranged::range(t)))
            .collect()
    }

    #[test]
    fn a_token_is_marked_whole() {
        let text = "def f(...): pass\n";
        let range = token_at(&tokens(text), TextSize::new(6));
        assert_eq!(range, Some(TextRange::new(6.into(), 9.into())));
    }

    #[test]
    fn print_spans_its_expressions() {
        let text = "print x, y + 1; z = 2\n";
        let (name, range) = legacy_call(text, &tokens(text), TextSize::new(6)).unwrap();
        assert_eq!((name, &text[range]), ("print", "print x, y + 1"));
        let text = "prints x\n";
        assert!(legacy_call(text, &tokens(text), TextSize::new(7)).is_none());
    }
}
