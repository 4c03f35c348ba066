//! `str.encode(encoding='utf-8', errors='strict')` (`unicode_encode_impl` with the encoders
//! of `Objects/unicodeobject.c`): the codecs of `types::codecs` (the names `bytes.decode`
//! accepts). The Unicode ones (UTF-8, UTF-8-SIG, UTF-16, UTF-32) encode any `str` pyrt can
//! hold; ASCII and Latin-1 take the error handlers `strict` (a run of unencodable characters
//! is one `UnicodeEncodeError`), `ignore`, `replace`, `backslashreplace` and
//! `xmlcharrefreplace`, with `surrogatepass`/`surrogateescape` raising the error as CPython's
//! do for a character that is not a surrogate. An unknown handler is an error only when a
//! character needs it, as in CPython.

use crate::error::{ExcDetail, PyErr, PyResult};
use crate::heap::Heap;
use crate::methods::{Bound, opt};
use crate::obj::Obj;
use crate::types::bytes;
use crate::types::codecs::{self, codec};
use crate::types::unicode::{Str, str_value};

/// The text of argument `name` (`encoding` or `errors`), or its default.
fn text_arg(o: Option<&Obj<'_>>, name: &str, default: &str) -> PyResult<String> {
    match o {
        None => Ok(default.to_owned()),
        Some(o) => Str::cast(o.object()).map(str_value).ok_or_else(|| {
            PyErr::type_error(format!(
                "encode() argument '{name}' must be str, not {}",
                o.ob_type().name()
            ))
        }),
    }
}

/// `s.encode(encoding, errors)`.
///
/// # Errors
/// `LookupError: unknown encoding: x`, `UnicodeEncodeError`, `LookupError: unknown error
/// handler name 'x'`, the argument type errors.
pub(crate) fn encode<'h>(heap: &'h Heap, s: &Str, args: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let encoding = text_arg(opt(args, 0), "encoding", "utf-8")?;
    let errors = text_arg(opt(args, 1), "errors", "strict")?;
    let Some(codec) = codec(&encoding) else {
        return Err(codecs::unknown_encoding(&encoding));
    };
    let text = str_value(s);
    if let Some(encoded) = codecs::encode_unicode(codec, &text) {
        return bytes::new_bytes(heap, &encoded);
    }
    let limit: u32 = if codec == "ascii" { 0x80 } else { 0x100 };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i] as u32;
        if c < limit {
            out.push(c as u8);
            i += 1;
            continue;
        }
        let end = chars[i..]
            .iter()
            .position(|&c| (c as u32) < limit)
            .map_or(chars.len(), |n| i + n);
        handle(&errors, &chars[i..end], &mut out).map_err(|reason_handler| {
            reason_handler.unwrap_or_else(|| strict_error(codec, &text, &chars, i, end, limit))
        })?;
        i = end;
    }
    bytes::new_bytes(heap, &out)
}

/// Replaces the unencodable run `bad` under handler `errors`; `Err(None)` for `strict`,
/// `Err(Some(e))` for an unknown handler.
fn handle(errors: &str, bad: &[char], out: &mut Vec<u8>) -> Result<(), Option<PyErr>> {
    for &c in bad {
        let c = c as u32;
        match errors {
            "strict" | "surrogatepass" | "surrogateescape" => return Err(None),
            "ignore" => {}
            "replace" => out.push(b'?'),
            "backslashreplace" => {
                let esc = if c < 0x100 {
                    format!("\\x{c:02x}")
                } else if c < 0x10000 {
                    format!("\\u{c:04x}")
                } else {
                    format!("\\U{c:08x}")
                };
                out.extend_from_slice(esc.as_bytes());
            }
            "xmlcharrefreplace" => out.extend_from_slice(format!("&#{c};").as_bytes()),
            other => return Err(Some(codecs::unknown_handler(other))),
        }
    }
    Ok(())
}

/// The `UnicodeEncodeError` of characters `start..end` of `text`.
fn strict_error(
    codec: &str,
    text: &str,
    chars: &[char],
    start: usize,
    end: usize,
    limit: u32,
) -> PyErr {
    let reason = format!("ordinal not in range({limit})");
    let what = if end - start == 1 {
        let c = chars[start] as u32;
        let shown = if c < 0x100 {
            format!("\\x{c:02x}")
        } else if c < 0x10000 {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        format!("character '{shown}' in position {start}")
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    PyErr::value_error(format!("'{codec}' codec can't encode {what}: {reason}")).with_detail(
        ExcDetail::UnicodeEncodeError {
            encoding: codec.to_string(),
            object: text.to_string(),
            start,
            end,
            reason,
        },
    )
}
