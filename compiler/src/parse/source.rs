//! Source text to syntax tree: Ruff's parser (`rustpython-ruff_python_parser`), line numbers,
//! and `SyntaxError`s reported as CPython reports them (file, line, the line's text and a
//! caret).
//!
//! No source can exhaust a stack here. Before Ruff's parser runs, CPython's own limits are
//! checked, in the order CPython's tokenizer and parser meet them:
//! 1. the tokenizer's 200 nested brackets (`too many nested parentheses`) and 100 indentation
//!    levels (`IndentationError: too many levels of indentation`), which bound how deeply
//!    statements nest and how deeply the structures between two expressions nest;
//! 2. the parser's stack of 6000 levels (`MemoryError: Parser stack overflowed - Python source
//!    too complex to parse`), estimated from the tokens (`parser_stack.rs`), which bounds how
//!    deeply Ruff's parser recurses.
//!
//! Chains that Ruff's parser builds in a loop (`1 + 1 + ...`, `a.b.c...`, `f()()...`) can still
//! make trees of any depth, which CPython's compiler rejects (the interpreter's
//! `code::too_deep`); such a tree is dropped by `ast_drop`, never by recursion.

use ruff_python_ast::{ModModule, PySourceType};
use ruff_python_parser::ParseError;
use ruff_text_size::{TextRange, TextSize};

use super::error_range::{self, TokenList};

/// CPython's `MAXLEVEL`: brackets nest at most 200 deep.
const MAX_NESTING: usize = 200;

/// CPython's `MAXINDENT`: at most 99 indentation levels (the 100th is an error).
const MAX_INDENT: usize = 100;

/// A syntax error with CPython's presentation.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// The file name shown (`<string>` for `-c`).
    pub filename: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the first caret.
    pub column: usize,
    /// 1-based line where the marked range ends (`end_lineno`). This and `end_column` are
    /// `u32`s (as Ruff's offsets are) to keep the error small.
    pub end_line: u32,
    /// 1-based column after the last caret (`end_offset`): CPython marks the range of the
    /// token (or tokens) the error is about; `column + 1` for a single caret.
    pub end_column: u32,
    /// The text of the line.
    pub text: String,
    /// The message after `SyntaxError: `.
    pub message: String,
    /// An `IndentationError` CPython shows without a caret (the tokenizer's indentation
    /// limit, `unexpected indent`).
    pub indentation: bool,
    /// The class shown before the message when there is a caret: `SyntaxError`, or
    /// `IndentationError` for an indentation error CPython shows with one.
    pub class: &'static str,
}

impl SyntaxError {
    /// The lines CPython prints on stderr.
    pub fn render(&self) -> String {
        let stripped = self.text.trim_start();
        let shown = stripped.trim_end();
        let head = format!("  File \"{}\", line {}\n", self.filename, self.line);
        if self.indentation {
            return format!("{head}    {shown}\nIndentationError: {}\n", self.message);
        }
        if self.column == 0 {
            // No column (`offset` 0): `print_error_text` draws no caret.
            return format!("{head}    {shown}\n{}: {}\n", self.class, self.message);
        }
        let indent = self.text.len() - stripped.len();
        let caret = self.column.saturating_sub(1).saturating_sub(indent);
        // `print_error_text`: the range is cut at the end of the line, which a range over
        // several lines is highlighted to.
        let line_end = indent + shown.chars().count() + 1;
        let end = if self.end_line as usize > self.line {
            line_end
        } else {
            (self.end_column as usize).min(line_end + 1)
        };
        let carets = end.saturating_sub(self.column).max(1);
        format!(
            "{head}    {shown}\n    {}{}\n{}: {}\n",
            " ".repeat(caret),
            "^".repeat(carets),
            self.class,
            self.message
        )
    }
}

/// A line or column as the `u32` of [`SyntaxError`]'s end (a source's offsets fit one).
pub(super) fn small(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Why a source did not parse.
#[derive(Debug, Clone)]
pub enum ParseFailure {
    /// A `SyntaxError` (or `IndentationError`) at a place in the source.
    Syntax(SyntaxError),
    /// CPython's parser would overflow its stack: `MemoryError`, with no place.
    TooComplex,
}

impl ParseFailure {
    /// The lines CPython prints on stderr.
    pub fn render(&self) -> String {
        match self {
            ParseFailure::Syntax(e) => e.render(),
            ParseFailure::TooComplex => {
                "MemoryError: Parser stack overflowed - Python source too complex to parse\n".into()
            }
        }
    }
}

impl From<SyntaxError> for ParseFailure {
    fn from(e: SyntaxError) -> Self {
        ParseFailure::Syntax(e)
    }
}

/// Line starts of a source, for offsets to line numbers.
#[derive(Debug, Clone)]
pub struct Lines {
    starts: Vec<usize>,
    text: &'static str,
}

impl Lines {
    /// The line table of `text`.
    pub fn new(text: &'static str) -> Lines {
        let starts = core::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { starts, text }
    }

    /// The 1-based line of byte offset `at`.
    pub fn line_of(&self, at: TextSize) -> usize {
        let at = at.to_usize();
        self.starts.partition_point(|&s| s <= at)
    }

    /// The 1-based column of byte offset `at` (in characters).
    pub fn column_of(&self, at: TextSize) -> usize {
        let line = self.line_of(at);
        let start = self.starts[line - 1];
        self.text[start..at.to_usize().min(self.text.len())]
            .chars()
            .count()
            + 1
    }

    /// The number of lines.
    pub fn count(&self) -> usize {
        self.starts.len()
    }

    /// The text of 1-based line `line`, without its newline.
    pub fn text_of(&self, line: usize) -> &'static str {
        let start = self
            .starts
            .get(line - 1)
            .copied()
            .unwrap_or(self.text.len());
        let end = self.starts.get(line).map_or(self.text.len(), |e| e - 1);
        self.text.get(start..end.max(start)).unwrap_or("")
    }

    /// The source text.
    pub fn source_text(&self) -> &'static str {
        self.text
    }

    /// A syntax error marking `range`.
    pub fn error_range(
        &self,
        filename: &str,
        range: TextRange,
        message: impl Into<String>,
    ) -> SyntaxError {
        let mut e = self.error(filename, range.start(), message);
        let end_line = self.line_of(range.end()).max(e.line);
        let mut end_column = self.column_of(range.end());
        if end_line == e.line {
            end_column = end_column.max(e.column + 1);
        }
        e.end_line = small(end_line);
        e.end_column = small(end_column);
        e
    }

    /// A syntax error at `at`.
    pub fn error(&self, filename: &str, at: TextSize, message: impl Into<String>) -> SyntaxError {
        let line = self.line_of(at);
        let column = self.column_of(at);
        SyntaxError {
            filename: filename.to_string(),
            line,
            column,
            end_line: small(line),
            end_column: small(column + 1),
            text: self.text_of(line).to_string(),
            message: message.into(),
            indentation: false,
            class: "SyntaxError",
        }
    }
}

/// The most stack Ruff's parser runs on. It recurses a bounded number of frames per level of
/// CPython's parser stack (`parser_stack.rs`), and a source that gets past that check needs
/// less than 6000 levels; this is many times what those need.
const PARSER_STACK: usize = 512 << 20;

/// The stack a parse starts from: enough for any source of up to 128 bytes.
const MIN_PARSER_STACK: usize = 8 << 20;

/// The parser's stack for a source of `len` bytes: each byte opens at most one level, so a
/// short source (`eval("f(x)")`, run a thousand times by a recursion) needs a small stack
/// and no 512 MiB reservation per call.
fn parser_stack_for(len: usize) -> usize {
    len.saturating_mul(64 << 10)
        .clamp(MIN_PARSER_STACK, PARSER_STACK)
}

/// Parses a module, after checking the limits of CPython's tokenizer and parser.
///
/// # Errors
/// The first syntax error, or [`ParseFailure::TooComplex`].
pub fn parse(filename: &str, lines: &Lines) -> Result<ModModule, ParseFailure> {
    check_tokenizer_limits(filename, lines)?;
    if super::parser_stack::too_complex(lines.text) {
        return Err(ParseFailure::TooComplex);
    }
    let at_start = |message: String| lines.error(filename, TextSize::new(0), message);
    let (module, error, tokens) =
        run_parser(lines.text).map_err(|e| ParseFailure::Syntax(at_start(e)))?;
    match error {
        None => match super::int_limit::check(filename, lines, &module) {
            None => Ok(module),
            Some(e) => {
                super::ast_drop::drop_body(module.body);
                Err(e.into())
            }
        },
        Some(e) => {
            super::ast_drop::drop_body(module.body);
            Err(cpython_error(filename, lines, &e, &tokens).into())
        }
    }
}

/// Whether `text` is an incomplete input the REPL should read more lines for: it fails to
/// parse at its very end. A source too complex for CPython's parser is complete (running it
/// reports the error).
pub fn is_incomplete(text: &str) -> bool {
    if super::parser_stack::too_complex(text) {
        return false;
    }
    let Ok((module, error, _)) = run_parser(text) else {
        return false;
    };
    super::ast_drop::drop_body(module.body);
    error.is_some_and(|e| {
        let at = e.location.start().to_usize();
        text[at.min(text.len())..].trim().is_empty()
    })
}

/// Runs Ruff's parser on its own large stack: the module (whole or partial), the first
/// syntax error and, when there is one, the tokens (for the range the error marks). The tree
/// is handed back whole even on an error, so that it is dropped without recursion by the
/// caller.
fn run_parser(text: &str) -> Result<(ModModule, Option<ParseError>, TokenList), String> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(parser_stack_for(text.len()))
            .spawn_scoped(scope, || {
                let parsed = ruff_python_parser::parse_unchecked_source(text, PySourceType::Python);
                let error = parsed.errors().first().cloned();
                let tokens = if error.is_some() {
                    parsed
                        .tokens()
                        .iter()
                        .filter(|t| !t.kind().is_trivia())
                        .map(|t| (t.kind(), ruff_text_size::Ranged::range(t)))
                        .collect()
                } else {
                    TokenList::new()
                };
                (parsed.into_syntax(), error, tokens)
            })
            .map_err(|e| format!("cannot start the parser: {e}"))?
            .join()
            .map_err(|_| "the parser failed".to_string())
    })
}

/// Checks source bytes as CPython's tokenizer does before decoding: no NUL bytes, and UTF-8
/// (the default source encoding).
///
/// # Errors
/// CPython's `SyntaxError` text for either problem.
pub fn decode(filename: &str, bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err("SyntaxError: source code cannot contain null bytes\n".into());
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(e) => {
            let at = e.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            Err(format!(
                "SyntaxError: Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on \
                 line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ \
                 for details\n",
                bytes[at]
            ))
        }
    }
}

/// CPython's class, wording and place for Ruff's error `e`: the `expected ':'` of a compound
/// statement's header, the tokenizer's `IndentationError`s, Python 2's `print x`; other
/// messages as [`cpython_message`] words them, a generic `invalid syntax` marking the token it
/// is at (`error_range`).
fn cpython_error(filename: &str, lines: &Lines, e: &ParseError, tokens: &TokenList) -> SyntaxError {
    use ruff_python_ast::token::TokenKind;
    use ruff_python_parser::{LexicalErrorType, ParseErrorType};
    let at = e.location.start();
    if let Some((caret, message)) =
        super::radix_literal::first_error(lines.text, e.location.end().to_usize())
    {
        return lines.error(filename, TextSize::new(caret as u32), message);
    }
    match &e.error {
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            found: TokenKind::Newline,
        } => lines.error(filename, at, "expected ':'"),
        ParseErrorType::UnexpectedIndentation => {
            let mut err = lines.error(filename, at, "unexpected indent");
            err.indentation = true;
            err
        }
        ParseErrorType::Lexical(LexicalErrorType::IndentationError) => {
            // The tokenizer's caret is past the end of the line.
            let mut err = lines.error(
                filename,
                at,
                "unindent does not match any outer indentation level",
            );
            err.column = err.text.trim_end_matches(['\n', '\r']).len() + 1;
            err.end_column = small(err.column + 1);
            err.class = "IndentationError";
            err
        }
        other => {
            let message = cpython_message(&other.to_string());
            if message != "invalid syntax" {
                return lines.error(filename, at, message);
            }
            // The rule PEG meets first, the leftmost.
            let legacy = error_range::legacy_call(lines.text, tokens, at);
            let comma = error_range::missing_comma(lines.text, tokens, at);
            match (legacy, comma) {
                (Some((name, range)), other)
                    if other.is_none_or(|comma| range.start() <= comma.start()) =>
                {
                    let message = format!(
                        "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
                    );
                    return lines.error_range(filename, range, message);
                }
                (_, Some(range)) => {
                    let message = "invalid syntax. Perhaps you forgot a comma?";
                    return lines.error_range(filename, range, message);
                }
                _ => {}
            }
            match error_range::token_at(tokens, at) {
                Some(range) => lines.error_range(filename, range, message),
                None => lines.error(filename, at, message),
            }
        }
    }
}

/// CPython's wording for the messages that differ most.
fn cpython_message(ruff: &str) -> String {
    // A number Ruff's lexer could not read (what `radix_literal` does not place): never
    // Rust's debug text.
    if ruff.starts_with("Expected")
        || ruff.contains("ParseIntError")
        || ruff.starts_with("Unexpected")
        || ruff.starts_with("Simple statements must be separated")
    {
        return "invalid syntax".into();
    }
    ruff.to_string()
}

/// Checks the two nesting limits of CPython's tokenizer, in source order, outside strings and
/// comments: brackets nest at most [`MAX_NESTING`] deep, and logical lines (those outside
/// brackets, after no backslash) indent at most [`MAX_INDENT`] - 1 levels deep.
fn check_tokenizer_limits(filename: &str, lines: &Lines) -> Result<(), SyntaxError> {
    let text = lines.text.as_bytes();
    let mut depth = 0usize;
    let mut indents: Vec<usize> = Vec::new();
    let mut line_start = true;
    let mut i = 0;
    while i < text.len() {
        if line_start && depth == 0 {
            line_start = false;
            let (column, end) = indentation(text, i);
            i = end;
            if !matches!(text.get(i), None | Some(b'#' | b'\n' | b'\r')) {
                check_indent(&mut indents, column)
                    .map_err(|()| too_deep_indent(filename, lines, i))?;
            }
            continue;
        }
        match text[i] {
            b'#' => {
                while i + 1 < text.len() && text[i + 1] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => i = string_end(text, i, q),
            b'\\' if text.get(i + 1) == Some(&b'\n') => i += 1,
            b'\\' if text.get(i + 1..i + 3) == Some(b"\r\n") => i += 2,
            b'\n' => line_start = depth == 0,
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let at = TextSize::new(i as u32);
                    return Err(lines.error(filename, at, "too many nested parentheses"));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    Ok(())
}

/// The column of the indentation starting at `i` (tabs to the next multiple of 8, as CPython's
/// tokenizer counts them) and where it ends.
fn indentation(text: &[u8], mut i: usize) -> (usize, usize) {
    let mut column = 0;
    while let Some(&c) = text.get(i) {
        match c {
            b' ' => column += 1,
            b'\t' => column = (column / 8 + 1) * 8,
            b'\x0c' => column = 0,
            _ => break,
        }
        i += 1;
    }
    (column, i)
}

/// Updates the open indentation levels for a logical line at `column`; an error when it
/// would open level [`MAX_INDENT`] (inconsistent dedents are left to the parser).
fn check_indent(indents: &mut Vec<usize>, column: usize) -> Result<(), ()> {
    let top = indents.last().copied().unwrap_or(0);
    if column > top {
        if indents.len() + 1 >= MAX_INDENT {
            return Err(());
        }
        indents.push(column);
    }
    while indents.last().is_some_and(|&c| c > column) {
        indents.pop();
    }
    Ok(())
}

fn too_deep_indent(filename: &str, lines: &Lines, at: usize) -> SyntaxError {
    let mut e = lines.error(
        filename,
        TextSize::new(at as u32),
        "too many levels of indentation",
    );
    e.indentation = true;
    e
}

/// The index of the last quote of the string literal whose (first) opening quote `q` is at
/// `i`, or of the newline that ends an unterminated single-quoted one.
pub(super) fn string_end(text: &[u8], mut i: usize, q: u8) -> usize {
    let triple = text.get(i..i + 3) == Some(&[q, q, q][..]);
    let close = if triple { 3 } else { 1 };
    i += close;
    while i < text.len() {
        if text[i] == b'\\' {
            i += 2;
            continue;
        }
        if text[i] == q && (!triple || text.get(i..i + 3) == Some(&[q, q, q][..])) {
            return i + close - 1;
        }
        if !triple && text[i] == b'\n' {
            return i - 1;
        }
        i += 1;
    }
    i
}
