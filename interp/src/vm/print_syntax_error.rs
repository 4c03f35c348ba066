//! How a traceback shows a `SyntaxError` instance (or a subclass's) raised at run time
//! (`Python/pythonrun.c`: `print_exception_file_and_line`, `parse_syntax_error`,
//! `print_error_text`): the `File "...", line N` line of the error's own location, the
//! offending source line stripped of its indentation with a caret line under
//! `offset..end_offset` (one caret for a subclass, whose end is not read), and then
//! `Type: msg` with the bare `msg` (not `str(exc)`, which adds `(file, line N)`).

use pyrt_objects::Obj;
use pyrt_objects::types::{long, none, unicode};

use super::super::Interp;
use super::super::exceptions::{self, Exception};

/// What a `SyntaxError` prints before its last line, and the message of that line.
pub(crate) struct SyntaxErrorText {
    /// `  File "f", line N\n`, and the source line with its carets when it has a text.
    pub location: String,
    /// `msg`, printed after `Type: ` (alone when empty).
    pub message: String,
}

impl<'py> Interp<'py> {
    /// `parse_syntax_error` of `exc` when it is a `SyntaxError`: `None` for any other exception,
    /// or when a field cannot be read (the exception is then printed as any other).
    pub(crate) fn syntax_error_text(&self, exc: &Obj<'py>) -> Option<SyntaxErrorText> {
        Exception::cast(exc.object())?;
        if !exc.ob_type().is_subtype(exceptions::SYNTAX_ERROR.get()) {
            return None;
        }
        let heap = self.heap;
        let field = |name: &str| self.getattr(exc, name).ok();
        let is_none = |v: &Obj<'py>| v.is(&none(heap));
        let number = |v: &Obj<'py>| long::object_as_i64(v.object());
        let message = field("msg")?;
        let message = pyrt_objects::abstract_::str(heap, message.object()).ok()?;
        let filename = field("filename")?;
        let filename = if is_none(&filename) {
            "<string>".to_string()
        } else {
            pyrt_objects::abstract_::str(heap, filename.object()).ok()?
        };
        let lineno = number(&field("lineno")?)?;
        let offset = field("offset")?;
        let offset = if is_none(&offset) {
            -1
        } else {
            number(&offset)?
        };
        // The end of the location is read for an exact `SyntaxError` only (a subclass gets one
        // caret), as 3.12's `parse_syntax_error` does.
        let (end_lineno, mut end_offset) =
            if core::ptr::eq(exc.ob_type(), exceptions::SYNTAX_ERROR.get()) {
                let end_lineno = field("end_lineno")?;
                let end_lineno = if is_none(&end_lineno) {
                    lineno
                } else {
                    number(&end_lineno)?
                };
                let end_offset = field("end_offset")?;
                let end_offset = if is_none(&end_offset) {
                    -1
                } else {
                    number(&end_offset)?
                };
                (end_lineno, end_offset)
            } else {
                (lineno, -1)
            };
        let text = field("text")?;
        let text = unicode::Str::cast(text.object()).map(unicode::str_value);
        let mut location = format!("  File \"{filename}\", line {lineno}\n");
        if let Some(text) = text {
            let size = text.len() as i64;
            // A location spanning lines: the first line is highlighted to its end.
            if end_lineno > lineno {
                end_offset = size;
            }
            end_offset = end_offset.min(size + 1);
            location.push_str(&error_text(offset, end_offset, &text));
        }
        Some(SyntaxErrorText { location, message })
    }
}

impl<'py> Interp<'py> {
    /// The `SyntaxError` (or `IndentationError`) of a source that did not parse, raised where
    /// it is imported: `msg` and `(filename, lineno, offset, text, end_lineno, end_offset)` as
    /// CPython's parser gives them (the line with its newline; an indentation error shown
    /// without a caret gets offset 0, so none is drawn).
    pub(crate) fn raise_syntax_error(
        &self,
        e: &pyrt_compiler::parse::SyntaxError,
        source: &str,
    ) -> super::super::Unwind<'py> {
        let heap = self.heap;
        let indentation = e.indentation || e.class == "IndentationError";
        let class = if indentation {
            &exceptions::INDENTATION_ERROR
        } else {
            &exceptions::SYNTAX_ERROR
        };
        let offset = if e.indentation { 0 } else { e.column };
        let text = source
            .split_inclusive('\n')
            .nth(e.line.saturating_sub(1))
            .unwrap_or(&e.text);
        let made = (|| {
            let int = |v: usize| long::int_from_i64(heap, v as i64);
            let place = vec![
                unicode::new_str(heap, &e.filename)?,
                int(e.line)?,
                int(offset)?,
                unicode::new_str(heap, text)?,
                int(e.end_line as usize)?,
                int(if e.indentation {
                    1
                } else {
                    e.end_column as usize
                })?,
            ];
            let args = vec![
                unicode::new_str(heap, &e.message)?,
                pyrt_objects::types::tuple::new_tuple(heap, place)?,
            ];
            exceptions::new_exception(heap, class.get(), args, false)
        })();
        match made {
            Ok(exc) => super::eval::raised(exc),
            Err(err) => self.err(err),
        }
    }
}

/// `print_error_text`: the source line (from the line holding `offset`, without its leading
/// blanks) and, unless the offset falls left of it, a caret line from `offset` (1-based) to
/// `end_offset`. Offsets count UTF-8 bytes, as CPython's do here.
fn error_text(offset: i64, end_offset: i64, text: &str) -> String {
    let carets = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let mut offset = offset - 1;
    let mut text = text.as_bytes();
    while let [b' ' | b'\t' | b'\x0c', rest @ ..] = text {
        text = rest;
        offset -= 1;
    }
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    offset = offset.min(len);
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    let mut out = format!("    {}", String::from_utf8_lossy(text));
    if text.get(usize::try_from(len).unwrap_or(0)) != Some(&b'\n') {
        out.push('\n');
    }
    if offset < 0 {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(usize::try_from(offset).unwrap_or(0)));
    out.push_str(&"^".repeat(usize::try_from(carets).unwrap_or(1)));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::error_text;

    #[test]
    fn carets_cover_offset_to_end_offset_after_the_indentation() {
        assert_eq!(error_text(5, 8, "x = = 1\n"), "    x = = 1\n        ^^^\n");
        assert_eq!(error_text(9, 10, "    y = = 2"), "    y = = 2\n        ^\n");
        assert_eq!(error_text(3, -1, "abc"), "    abc\n      ^\n");
    }

    #[test]
    fn offsets_left_of_the_text_print_no_carets() {
        assert_eq!(error_text(1, 2, "    pass\n"), "    pass\n");
    }

    #[test]
    fn an_offset_past_an_embedded_newline_shows_the_later_line() {
        assert_eq!(error_text(4, 5, "a\nbcd\n"), "    bcd\n     ^\n");
    }
}
