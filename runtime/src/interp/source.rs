//! Source text to syntax tree: Ruff's parser (`rustpython-ruff_python_parser`), line numbers,
//! and `SyntaxError`s reported as CPython reports them (file, line, the line's text and a
//! caret), including CPython's tokenizer limit of 200 nested brackets (`too many nested
//! parentheses`), checked before parsing so that no input can exhaust the parser's stack.

use ruff_python_ast::ModModule;
use ruff_text_size::TextSize;

/// CPython's `MAXLEVEL`: brackets nest at most 200 deep.
const MAX_NESTING: usize = 200;

/// A syntax error with CPython's presentation.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// The file name shown (`<string>` for `-c`).
    pub filename: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column of the caret.
    pub column: usize,
    /// The text of the line.
    pub text: String,
    /// The message after `SyntaxError: `.
    pub message: String,
}

impl SyntaxError {
    /// The lines CPython prints on stderr.
    pub fn render(&self) -> String {
        let stripped = self.text.trim_start();
        let indent = self.text.len() - stripped.len();
        let caret = self.column.saturating_sub(1).saturating_sub(indent);
        format!(
            "  File \"{}\", line {}\n    {}\n    {}^\nSyntaxError: {}\n",
            self.filename,
            self.line,
            stripped.trim_end(),
            " ".repeat(caret),
            self.message
        )
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

    /// A syntax error at `at`.
    pub fn error(&self, filename: &str, at: TextSize, message: impl Into<String>) -> SyntaxError {
        let line = self.line_of(at);
        SyntaxError {
            filename: filename.to_string(),
            line,
            column: self.column_of(at),
            text: self.text_of(line).to_string(),
            message: message.into(),
        }
    }
}

/// The stack the parser runs on: Ruff's parser recurses once per nested unary operator or
/// compound statement, and no input may overflow it (the result is checked for depth after).
const PARSER_STACK: usize = 512 << 20;

/// Parses a module, after checking its bracket nesting.
///
/// # Errors
/// The first syntax error.
pub fn parse(filename: &str, lines: &Lines) -> Result<ModModule, SyntaxError> {
    check_nesting(filename, lines)?;
    let text = lines.text;
    let at_start = |message: String| lines.error(filename, TextSize::new(0), message);
    let parsed = std::thread::Builder::new()
        .stack_size(PARSER_STACK)
        .spawn(move || ruff_python_parser::parse_module(text).map(|p| p.into_syntax()))
        .map_err(|e| at_start(format!("cannot start the parser: {e}")))?
        .join()
        .map_err(|_| at_start("the parser failed".into()))?;
    parsed.map_err(|e| {
        let message = cpython_message(&e.error.to_string());
        lines.error(filename, e.location.start(), message)
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

/// CPython's wording for the messages that differ most.
fn cpython_message(ruff: &str) -> String {
    if ruff.starts_with("Expected") || ruff.starts_with("Unexpected") {
        return "invalid syntax".into();
    }
    ruff.to_string()
}

/// Counts bracket nesting outside strings and comments, as CPython's tokenizer does.
fn check_nesting(filename: &str, lines: &Lines) -> Result<(), SyntaxError> {
    let text = lines.text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            b'#' => {
                while i < text.len() && text[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'\'' | b'"') => {
                let triple = text.get(i..i + 3) == Some(&[q, q, q][..]);
                let close = if triple { 3 } else { 1 };
                i += close;
                while i < text.len() {
                    if text[i] == b'\\' {
                        i += 2;
                        continue;
                    }
                    if text[i] == q && (!triple || text.get(i..i + 3) == Some(&[q, q, q][..])) {
                        i += close - 1;
                        break;
                    }
                    if !triple && text[i] == b'\n' {
                        break;
                    }
                    i += 1;
                }
            }
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
