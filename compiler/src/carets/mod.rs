//! The caret line under a traceback's source line, as CPython 3.12.1 prints it for an
//! uncaught exception (`tb_displayline` and `print_error_location_carets`,
//! `Python/traceback.c`; `Lib/traceback.py`'s `format_frame_summary` is the Python twin,
//! which differs in small ways — the C path is what `python3.12 script.py` prints).
//!
//! ```text
//!   File "x.py", line 3, in f
//!     return a[1] + b.c / d      <- the line, its indentation stripped, after 4 spaces
//!                   ~~~~^~~      <- the caret line: this module's output
//! ```
//!
//! The steps, given the line's text and the failing instruction's positions (1-based lines,
//! UTF-8 byte columns, from `co_positions`):
//!
//! 1. no caret line when any position is missing;
//! 2. the byte columns become character offsets (`width`);
//! 3. on a one-line range, the segment between them is parsed, and a binary operation's
//!    operator or a subscript's brackets become the secondary (`^`) range, the rest of the
//!    range being `~` (`anchors`); on a range of several lines the carets run to the last
//!    non-blank character of the first line (measured, as CPython does, by scanning the
//!    line's UTF-8 bytes from the index of its character count);
//! 4. no caret line when the range is empty or reversed, starts inside the indentation, or
//!    covers the whole stripped line and has no anchors;
//! 5. offsets become display columns (East Asian wide characters take two), and the line is
//!    drawn: spaces up to the range, then `^`, or `~` and `^` around the anchors.
//!
//! Leading spaces, tabs and form feeds are stripped from the shown line; the caret line's
//! indentation is counted in characters from that stripped start, so a tab in the
//! indentation counts one column. Inside an exception group, CPython prefixes both lines
//! with the group's margin (`  | `); that margin is the caller's to add.

mod anchors;
mod width;

pub use width::WIDE_RANGES;

use crate::instr::Location;
use anchors::{find_anchors, is_whitespace};
use width::{byte_to_char_offset, display_width};

/// The indentation of a traceback's source line (`_TRACEBACK_SOURCE_LINE_INDENT`).
const SOURCE_LINE_INDENT: usize = 4;

/// The source line as a traceback shows it, without the 4 spaces before it: `line` without
/// its line ending (a trailing `\n`, `\r\n` or `\r`) and without its leading spaces, tabs
/// and form feeds (`display_source_line_with_margin`).
///
/// ```
/// use pyrt_compiler::carets::shown_source_line;
/// assert_eq!(shown_source_line("\t  x = a + b  # c\n"), "x = a + b  # c");
/// ```
pub fn shown_source_line(line: &str) -> &str {
    let line = without_line_ending(line);
    line.trim_start_matches([' ', '\t', '\x0c'])
}

/// The caret line CPython 3.12 prints under `line` for an instruction at `location` (its
/// `co_positions` entry: UTF-8 byte columns, `-1` where absent), including the 4 spaces
/// every traceback source line starts with and without a line ending; `None` when CPython
/// prints no caret line.
///
/// `line` is the text of line `location.lineno` of the file (a trailing line ending is
/// ignored).
///
/// ```
/// use pyrt_compiler::carets::caret_line;
/// use pyrt_compiler::instr::Location;
/// let at = |col_offset, end_col_offset| Location {
///     lineno: 3, end_lineno: 3, col_offset, end_col_offset,
/// };
/// let line = "    return a[1] + b.c / d\n";
/// assert_eq!(caret_line(line, at(18, 25)).as_deref(), Some("                  ~~~~^~~"));
/// assert_eq!(caret_line(line, at(11, 15)).as_deref(), Some("           ~^^^"));
/// assert_eq!(caret_line(line, at(4, 25)), None); // the whole line: no carets
/// ```
pub fn caret_line(line: &str, location: Location) -> Option<String> {
    let Location {
        lineno,
        end_lineno,
        col_offset,
        end_col_offset,
    } = location;
    let col_offset = usize::try_from(col_offset).ok()?;
    let end_col_offset = usize::try_from(end_col_offset).ok()?;
    if lineno < 0 || end_lineno < 0 {
        return None;
    }
    let line = without_line_ending(line);
    let line_chars = line.chars().count();
    let indent = line
        .chars()
        .take_while(|&c| matches!(c, ' ' | '\t' | '\x0c'))
        .count();

    let start = byte_to_char_offset(line, col_offset);
    let mut end = byte_to_char_offset(line, end_col_offset);
    let mut anchors = None;
    if lineno == end_lineno {
        let segment: String = line.chars().take(end).skip(start).collect();
        anchors = find_anchors(&segment).map(|found| {
            let to_line = |byte| start + byte_to_char_offset(&segment, byte);
            (to_line(found.left_end), to_line(found.right_start))
        });
    } else {
        end = last_nonblank_end(line, line_chars);
    }

    // No carets for an empty or reversed range, nor for one that starts inside the
    // stripped indentation (found against the live 3.12.1: its C code is not in the
    // sources we read, whose loop would print blanks there).
    if end <= start || start < indent {
        return None;
    }
    // Elide the carets when they would underline the whole stripped line.
    let stripped_len = line_chars - indent;
    if end - start == stripped_len && anchors.is_none() {
        return None;
    }

    let columns = |offset| display_width(line, offset);
    let anchors = anchors.map(|(left, right)| (columns(left), columns(right)));
    Some(draw(indent, columns(start), columns(end), anchors))
}

/// `line` without one trailing `\n`, `\r\n` or `\r` (CPython reads lines through universal
/// newlines, and `PyFile_GetLine` drops the `\n`).
fn without_line_ending(line: &str) -> &str {
    let line = line.strip_suffix('\n').unwrap_or(line);
    line.strip_suffix('\r').unwrap_or(line)
}

/// The end of the carets of a range that goes on past its first line, as `tb_displayline`
/// computes it: one past the last byte that is not a space, tab or form feed, scanning the
/// line's UTF-8 bytes backwards from index `line_chars - 1` (a character count used as a
/// byte index: on a non-ASCII line CPython starts short of the real end).
fn last_nonblank_end(line: &str, line_chars: usize) -> usize {
    let bytes = line.as_bytes();
    (0..line_chars)
        .rev()
        .find(|&i| !is_whitespace(bytes[i]))
        .map_or(0, |i| i + 1)
}

/// `print_error_location_carets`: the display columns of the stripped line run from
/// `indent`; the caret line has 4 spaces, spaces up to `start`, then carets up to `end`:
/// `^` everywhere, or with anchors `^` on columns `left..right` and `~` elsewhere.
fn draw(indent: usize, start: usize, end: usize, anchors: Option<(usize, usize)>) -> String {
    // Column `c` of the line is drawn at `c + 4 - indent` in the caret line; columns before
    // `indent - 4` (inside a deep indentation) are not drawn.
    let first = indent.saturating_sub(SOURCE_LINE_INDENT);
    let lead = SOURCE_LINE_INDENT.saturating_sub(indent);
    let mut out = " ".repeat(lead);
    for column in first..end {
        let mark = if column < start {
            ' '
        } else {
            match anchors {
                Some((left, right)) if (left..right).contains(&column) => '^',
                Some(_) => '~',
                None => '^',
            }
        };
        out.push(mark);
    }
    out
}
