//! The text codecs pyrt has, found by name as CPython finds them, and their decoders and the
//! Unicode encoders (`Python/codecs.c` `_PyCodec_Lookup`, `Lib/encodings/__init__.py`
//! `normalize_encoding`/`search_function` with the table of `Lib/encodings/aliases.py`, and the
//! decoders of `Objects/unicodeobject.c`: `PyUnicode_DecodeUTF8Stateful`,
//! `PyUnicode_DecodeUTF16Stateful`, `PyUnicode_DecodeUTF32Stateful`, ASCII and Latin-1, with
//! `Lib/encodings/utf_8_sig.py` over UTF-8).
//!
//! Codecs: `utf-8`, `utf-8-sig`, `ascii`, `latin-1`, `utf-16`, `utf-16-le`, `utf-16-be`,
//! `utf-32`, `utf-32-le`, `utf-32-be`. `utf-16`/`utf-32` encode with a little-endian byte order
//! mark (the native order of the machines CPython's tests are run on) and decode in the order a
//! leading mark names (stripping it), little-endian without one; their errors name the order
//! used (`'utf-16-le' codec can't decode ...`), as CPython's do.
//!
//! Decoding error handlers (`Python/codecs.c`): `strict`, `ignore`, `replace`,
//! `backslashreplace`; `xmlcharrefreplace` and `namereplace` are a `TypeError` for a decode, as
//! in CPython. pyrt's `str` holds only Unicode scalar values, never a lone surrogate, so
//! `surrogatepass` and `surrogateescape`, whose only successful outcome in a decode is a lone
//! surrogate, raise the `UnicodeDecodeError` itself (what CPython's handlers do for bytes they
//! cannot turn into a surrogate). For the same reason a UTF encoder never meets an unencodable
//! character here.

use crate::error::{ExcDetail, PyErr, PyResult};

/// The codec a name designates (CPython's lowercasing and `normalize_encoding`, then the
/// aliases of `encodings.aliases`, then the module name itself), by its canonical name.
pub fn codec(name: &str) -> Option<&'static str> {
    let norm = normalize(name);
    let aliased = alias(&norm).or_else(|| alias(&norm.replace('.', "_")));
    aliased
        .into_iter()
        .chain(core::iter::once(norm.as_str()))
        .filter(|m| !m.is_empty() && !m.contains('.'))
        .find_map(module_codec)
}

/// `normalize_encoding` of the lowercased name: each run of characters other than ASCII
/// letters, digits and `.` becomes one `_`, none at the start or the end.
fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !out.is_empty() {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
            punct = false;
        } else {
            punct = true;
        }
    }
    out
}

/// The module of `encodings.aliases` an alias names (the entries of the codecs pyrt has).
fn alias(n: &str) -> Option<&'static str> {
    Some(match n {
        "646" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "ansi_x3.4_1986" | "cp367" | "csascii"
        | "ibm367" | "iso646_us" | "iso_646.irv_1991" | "iso_ir_6" | "us" | "us_ascii" => "ascii",
        "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859" | "iso8859_1" | "iso_8859_1"
        | "iso_8859_1_1987" | "iso_ir_100" | "l1" | "latin" | "latin1" => "latin_1",
        "u16" | "utf16" => "utf_16",
        "unicodebigunmarked" | "utf_16be" => "utf_16_be",
        "unicodelittleunmarked" | "utf_16le" => "utf_16_le",
        "u32" | "utf32" => "utf_32",
        "utf_32be" => "utf_32_be",
        "utf_32le" => "utf_32_le",
        "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => "utf_8",
        _ => return None,
    })
}

/// The codec of an `encodings` module name.
fn module_codec(module: &str) -> Option<&'static str> {
    Some(match module {
        "utf_8" => "utf-8",
        "utf_8_sig" => "utf-8-sig",
        "ascii" => "ascii",
        "latin_1" => "latin-1",
        "utf_16" => "utf-16",
        "utf_16_le" => "utf-16-le",
        "utf_16_be" => "utf-16-be",
        "utf_32" => "utf-32",
        "utf_32_le" => "utf-32-le",
        "utf_32_be" => "utf-32-be",
        _ => return None,
    })
}

/// `LookupError: unknown encoding: x`.
pub(crate) fn unknown_encoding(name: &str) -> PyErr {
    PyErr::value_error(format!("unknown encoding: {name}")).with_detail(ExcDetail::LookupError)
}

/// `LookupError: unknown error handler name 'x'`.
pub(crate) fn unknown_handler(name: &str) -> PyErr {
    PyErr::value_error(format!("unknown error handler name '{name}'"))
        .with_detail(ExcDetail::LookupError)
}

/// Encodes `text` with a Unicode codec (`utf-8`, `utf-8-sig`, the UTF-16 and UTF-32 ones):
/// `None` for another codec. Never fails: a `str` has no lone surrogate.
pub(crate) fn encode_unicode(codec: &str, text: &str) -> Option<Vec<u8>> {
    let units16 = |le: bool, bom: bool| {
        let mut out = Vec::with_capacity(2 * text.len() + 2);
        let bom = bom.then_some(0xfeff_u16);
        for u in bom.into_iter().chain(text.encode_utf16()) {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    };
    let units32 = |le: bool, bom: bool| {
        let mut out = Vec::with_capacity(4 * text.len() + 4);
        let bom = bom.then_some(0xfeff_u32);
        for u in bom.into_iter().chain(text.chars().map(u32::from)) {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    };
    Some(match codec {
        "utf-8" => text.as_bytes().to_vec(),
        "utf-8-sig" => [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat(),
        "utf-16" => units16(true, true),
        "utf-16-le" => units16(true, false),
        "utf-16-be" => units16(false, false),
        "utf-32" => units32(true, true),
        "utf-32-le" => units32(true, false),
        "utf-32-be" => units32(false, false),
        _ => return None,
    })
}

/// One step of a decoder at a position: a character and where the next starts, or the bad
/// bytes `start..end` and CPython's reason.
enum Step {
    Char(char, usize),
    Bad(usize, &'static str),
}

/// The decoders, by the byte order they read.
#[derive(Clone, Copy)]
enum Decoder {
    Utf8,
    Ascii,
    Latin1,
    Utf16 { le: bool },
    Utf32 { le: bool },
}

impl Decoder {
    /// The step at `i` (< `d.len()`).
    fn step(self, d: &[u8], i: usize) -> Step {
        match self {
            Decoder::Latin1 => Step::Char(char::from(d[i]), i + 1),
            Decoder::Ascii if d[i] < 0x80 => Step::Char(char::from(d[i]), i + 1),
            Decoder::Ascii => Step::Bad(i + 1, "ordinal not in range(128)"),
            Decoder::Utf8 => match utf8_step(&d[i..]) {
                (Some(c), n, _) => Step::Char(c, i + n),
                (None, n, reason) => Step::Bad(i + n, reason),
            },
            Decoder::Utf16 { le } => utf16_step(d, i, le),
            Decoder::Utf32 { le } => utf32_step(d, i, le),
        }
    }
}

/// A UTF-16 step (`stringlib/codecs.h` `utf16_decode` and its caller's error cases).
fn utf16_step(d: &[u8], i: usize, le: bool) -> Step {
    let unit = |k: usize| {
        let pair = [d[k], d[k + 1]];
        if le {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    };
    if d.len() - i < 2 {
        return Step::Bad(d.len(), "truncated data");
    }
    let u = unit(i);
    match u {
        0xdc00..=0xdfff => Step::Bad(i + 2, "illegal encoding"),
        0xd800..=0xdbff if d.len() - i < 4 => Step::Bad(d.len(), "unexpected end of data"),
        0xd800..=0xdbff => {
            let low = unit(i + 2);
            if (0xdc00..=0xdfff).contains(&low) {
                let c = 0x10000 + ((u32::from(u) - 0xd800) << 10) + (u32::from(low) - 0xdc00);
                match char::from_u32(c) {
                    Some(c) => Step::Char(c, i + 4),
                    None => Step::Bad(i + 2, "illegal UTF-16 surrogate"),
                }
            } else {
                Step::Bad(i + 2, "illegal UTF-16 surrogate")
            }
        }
        _ => match char::from_u32(u32::from(u)) {
            Some(c) => Step::Char(c, i + 2),
            None => Step::Bad(i + 2, "illegal encoding"),
        },
    }
}

/// A UTF-32 step.
fn utf32_step(d: &[u8], i: usize, le: bool) -> Step {
    let Some(&quad) = d.get(i..i + 4).and_then(|q| <&[u8; 4]>::try_from(q).ok()) else {
        return Step::Bad(d.len(), "truncated data");
    };
    let c = if le {
        u32::from_le_bytes(quad)
    } else {
        u32::from_be_bytes(quad)
    };
    match char::from_u32(c) {
        Some(ch) => Step::Char(ch, i + 4),
        None if c > 0x10ffff => Step::Bad(i + 4, "code point not in range(0x110000)"),
        None => Step::Bad(
            i + 4,
            "code point in surrogate code point range(0xd800, 0xe000)",
        ),
    }
}

/// One step of the UTF-8 decoder: the character and its length, or the length of the invalid
/// sequence and CPython's reason.
fn utf8_step(d: &[u8]) -> (Option<char>, usize, &'static str) {
    let b0 = d[0];
    let (need, lo, hi) = match b0 {
        0x00..=0x7f => return (Some(char::from(b0)), 1, ""),
        0xc2..=0xdf => (1, 0x80, 0xbf),
        0xe0 => (2, 0xa0, 0xbf),
        0xe1..=0xec | 0xee..=0xef => (2, 0x80, 0xbf),
        0xed => (2, 0x80, 0x9f),
        0xf0 => (3, 0x90, 0xbf),
        0xf1..=0xf3 => (3, 0x80, 0xbf),
        0xf4 => (3, 0x80, 0x8f),
        _ => return (None, 1, "invalid start byte"),
    };
    let mut cp = u32::from(b0) & (0x7f >> (need + 1));
    for k in 1..=need {
        let Some(&b) = d.get(k) else {
            return (None, k, "unexpected end of data");
        };
        let (l, h) = if k == 1 { (lo, hi) } else { (0x80, 0xbf) };
        if !(l..=h).contains(&b) {
            return (None, k, "invalid continuation byte");
        }
        cp = (cp << 6) | (u32::from(b) & 0x3f);
    }
    (char::from_u32(cp), need + 1, "")
}

/// Decodes `data` with `codec` (a name [`codec`] gave) under handler `errors`.
///
/// # Errors
/// `UnicodeDecodeError` with CPython's message and fields, `LookupError` for an unknown handler
/// (only when a byte needs it), `TypeError` for a handler that cannot decode.
pub(crate) fn decode(codec: &'static str, data: &[u8], errors: &str) -> PyResult<String> {
    let (name, decoder, start) = match codec {
        "utf-8-sig" => {
            // `encodings.utf_8_sig.decode`: UTF-8 of what follows the mark, whose positions
            // the errors count from.
            let data = data.strip_prefix(&[0xef, 0xbb, 0xbf][..]).unwrap_or(data);
            return run("utf-8", Decoder::Utf8, data, 0, errors);
        }
        "ascii" => ("ascii", Decoder::Ascii, 0),
        "latin-1" => ("latin-1", Decoder::Latin1, 0),
        "utf-16" => match data {
            [0xfe, 0xff, ..] => ("utf-16-be", Decoder::Utf16 { le: false }, 2),
            [0xff, 0xfe, ..] => ("utf-16-le", Decoder::Utf16 { le: true }, 2),
            _ => ("utf-16-le", Decoder::Utf16 { le: true }, 0),
        },
        "utf-16-le" => ("utf-16-le", Decoder::Utf16 { le: true }, 0),
        "utf-16-be" => ("utf-16-be", Decoder::Utf16 { le: false }, 0),
        "utf-32" => match data {
            [0x00, 0x00, 0xfe, 0xff, ..] => ("utf-32-be", Decoder::Utf32 { le: false }, 4),
            [0xff, 0xfe, 0x00, 0x00, ..] => ("utf-32-le", Decoder::Utf32 { le: true }, 4),
            _ => ("utf-32-le", Decoder::Utf32 { le: true }, 0),
        },
        "utf-32-le" => ("utf-32-le", Decoder::Utf32 { le: true }, 0),
        "utf-32-be" => ("utf-32-be", Decoder::Utf32 { le: false }, 0),
        _ => ("utf-8", Decoder::Utf8, 0),
    };
    run(name, decoder, data, start, errors)
}

/// The decode loop from byte `i`, each bad run handed to the error handler.
fn run(name: &str, decoder: Decoder, data: &[u8], mut i: usize, errors: &str) -> PyResult<String> {
    let mut out = String::new();
    while i < data.len() {
        match decoder.step(data, i) {
            Step::Char(c, next) => {
                out.push(c);
                i = next;
            }
            Step::Bad(end, reason) => {
                handle(name, data, i, end, reason, errors, &mut out)?;
                i = end;
            }
        }
    }
    Ok(out)
}

/// The error handler `errors` for the bad bytes `start..end`.
fn handle(
    name: &str,
    data: &[u8],
    start: usize,
    end: usize,
    reason: &str,
    errors: &str,
    out: &mut String,
) -> PyResult<()> {
    match errors {
        // `surrogatepass`/`surrogateescape` succeed only with a lone surrogate, which pyrt's
        // str cannot hold: they raise the error, as CPython's do where they cannot help.
        "strict" | "surrogatepass" | "surrogateescape" => {
            Err(decode_error(name, data, start, end, reason))
        }
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        "xmlcharrefreplace" | "namereplace" => Err(PyErr::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        other => Err(unknown_handler(other)),
    }
}

/// The `UnicodeDecodeError` of bytes `start..end` of `data`.
fn decode_error(name: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", data[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    PyErr::value_error(format!("'{name}' codec can't decode {what}: {reason}")).with_detail(
        ExcDetail::UnicodeDecodeError {
            encoding: name.to_string(),
            object: data.to_vec(),
            start,
            end,
            reason: reason.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise_as_cpython() {
        assert_eq!(codec("UTF16"), Some("utf-16"));
        assert_eq!(codec("Utf-32 BE"), Some("utf-32-be"));
        assert_eq!(codec("  utf-8 "), Some("utf-8"));
        assert_eq!(codec("UTF-8-SIG"), Some("utf-8-sig"));
        assert_eq!(codec("utf8sig"), None);
        assert_eq!(codec("utf..16"), None);
        assert_eq!(codec("iso-8859-1"), Some("latin-1"));
    }

    #[test]
    fn utf16_errors_place_the_bad_bytes() {
        let e = decode("utf-16", b"a\x00\x00\xd8b", "strict").unwrap_err();
        assert!(
            e.to_string()
                .contains("bytes in position 2-4: unexpected end of data")
        );
        assert_eq!(decode("utf-16", b"\xfe\xff\x00a", "strict").unwrap(), "a");
        assert_eq!(
            decode("utf-16-le", b"\x00\xdca\x00", "replace").unwrap(),
            "\u{fffd}a"
        );
    }

    #[test]
    fn utf32_round_trips() {
        let text = "a\u{e9}\u{10000}";
        for c in [
            "utf-32",
            "utf-32-le",
            "utf-32-be",
            "utf-16",
            "utf-16-be",
            "utf-8-sig",
        ] {
            let bytes = encode_unicode(c, text).unwrap();
            assert_eq!(decode(c, &bytes, "strict").unwrap(), text, "{c}");
        }
    }
}
