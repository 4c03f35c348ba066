//! The key of a `KeyError` raised by the object layer, read back from its message.
//!
//! A [`PyErr`](crate::PyErr) carries no objects of its own, so `del d[k]`, `d.pop(k)`,
//! `s.remove(k)` and `'%(k)s' % d` report a missing key by its repr. CPython's `KeyError`
//! holds the key itself (`_PyErr_SetKeyError`): `e.args[0]` is the key and `str(e)` its repr.
//! This module reads the repr back as the literal it is (an int, float, str, bytes, `None`,
//! `True`, `False`, or a tuple, list, set or frozenset of those) and keeps the result only
//! when its repr is the message again, so `str(e)` is the message. A key whose repr is no
//! literal (an instance of a class) stays the message text, and then `str(e)` shows that text
//! quoted where CPython shows it bare: a known gap until errors can carry objects.

use crate::abstract_;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::obj::Obj;
use crate::types::{float, list, long, none, tuple, unicode};

/// How deeply nested a repr is read (deeper keys are left as text).
const MAX_DEPTH: usize = 100;

/// The key `text` is the repr of, if it reads back exactly.
///
/// # Errors
/// `MemoryError`; what the repr of the read value raises.
pub(crate) fn key_from_repr<'h>(heap: &'h Heap, text: &str) -> PyResult<Option<Obj<'h>>> {
    let mut p = Reader {
        heap,
        rest: text,
        depth: 0,
    };
    let Some(v) = p.value()? else {
        return Ok(None);
    };
    if !p.rest.is_empty() || abstract_::repr(heap, v.object())? != text {
        return Ok(None);
    }
    Ok(Some(v))
}

/// A reader over the text left to read.
struct Reader<'t, 'h> {
    heap: &'h Heap,
    rest: &'t str,
    depth: usize,
}

impl<'h> Reader<'_, 'h> {
    fn eat(&mut self, s: &str) -> bool {
        match self.rest.strip_prefix(s) {
            Some(r) => {
                self.rest = r;
                true
            }
            None => false,
        }
    }

    /// One literal, `None` when the text is not one.
    fn value(&mut self) -> PyResult<Option<Obj<'h>>> {
        if self.depth >= MAX_DEPTH {
            return Ok(None);
        }
        let heap = self.heap;
        if self.eat("set()") {
            return Ok(Some(crate::types::set::new_set(heap)?));
        }
        if self.eat("frozenset(") {
            let items = if self.eat(")") {
                Vec::new()
            } else {
                match self.set_items()? {
                    Some(items) if self.eat(")") => items,
                    _ => return Ok(None),
                }
            };
            return Ok(Some(crate::types::set_ops::frozenset_from_items(
                heap, items,
            )?));
        }
        for (word, v) in [
            ("None", none(heap)),
            ("True", long::new_bool(heap, true)),
            ("False", long::new_bool(heap, false)),
        ] {
            if self.eat(word) {
                return Ok(Some(v));
            }
        }
        match self.rest.chars().next() {
            Some('{') => match self.set_items()? {
                Some(items) => {
                    let set = crate::types::set::new_set(heap)?;
                    let view = crate::types::set::Set::cast_internal(set.object())?;
                    for item in items {
                        crate::types::set::add(heap, view, item)?;
                    }
                    Ok(Some(set))
                }
                None => Ok(None),
            },
            Some('(') => self.sequence('(', ')', true),
            Some('[') => self.sequence('[', ']', false),
            Some('\'' | '"') => self.string(),
            Some('b') if self.rest[1..].starts_with(['\'', '"']) => self.bytes(),
            Some(c) if c == '-' || c.is_ascii_digit() || c == 'i' || c == 'n' => self.number(),
            _ => Ok(None),
        }
    }

    /// A tuple (`()`, `(a,)`, `(a, b)`) or a list (`[]`, `[a, b]`).
    fn sequence(&mut self, open: char, close: char, is_tuple: bool) -> PyResult<Option<Obj<'h>>> {
        self.rest = &self.rest[open.len_utf8()..];
        self.depth += 1;
        let mut items = Vec::new();
        let close_s = close.to_string();
        if !self.eat(&close_s) {
            loop {
                let Some(v) = self.value()? else {
                    return Ok(None);
                };
                items.push(v);
                if self.eat(&close_s) {
                    break;
                }
                if !self.eat(",") {
                    return Ok(None);
                }
                if is_tuple && items.len() == 1 && self.eat(&close_s) {
                    break;
                }
                if !self.eat(" ") {
                    return Ok(None);
                }
            }
        }
        self.depth -= 1;
        let v = if is_tuple {
            tuple::new_tuple(self.heap, items)?
        } else {
            list::new_list(self.heap, items)?
        };
        Ok(Some(v))
    }

    /// The items of a non-empty set display (`{a, b}`), braces included.
    fn set_items(&mut self) -> PyResult<Option<Vec<Obj<'h>>>> {
        if !self.eat("{") {
            return Ok(None);
        }
        self.depth += 1;
        let mut items = Vec::new();
        loop {
            let Some(v) = self.value()? else {
                return Ok(None);
            };
            items.push(v);
            if self.eat("}") {
                break;
            }
            if !self.eat(", ") {
                return Ok(None);
            }
        }
        self.depth -= 1;
        Ok(Some(items))
    }

    /// A str repr: its quote, the text with `repr`'s escapes, the quote again.
    fn string(&mut self) -> PyResult<Option<Obj<'h>>> {
        let Some(literal) = self.quoted() else {
            return Ok(None);
        };
        match super::api::unquote(literal) {
            Some(s) => Ok(Some(unicode::new_str(self.heap, &s)?)),
            None => Ok(None),
        }
    }

    /// The text of a quoted literal at the start (its quotes included), which is consumed.
    fn quoted(&mut self) -> Option<&str> {
        let q = self.rest.chars().next()?;
        let mut escaped = false;
        let mut end = None;
        for (i, c) in self.rest.char_indices().skip(1) {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                c if c == q => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end?;
        let literal = &self.rest[..=end];
        self.rest = &self.rest[end + 1..];
        Some(literal)
    }

    /// A bytes repr (`b'a\x00'`): ASCII and `repr`'s escapes.
    fn bytes(&mut self) -> PyResult<Option<Obj<'h>>> {
        self.rest = &self.rest[1..];
        let Some(literal) = self.quoted() else {
            return Ok(None);
        };
        let inner = &literal[1..literal.len() - 1];
        let mut out = Vec::new();
        let mut it = inner.bytes();
        while let Some(c) = it.next() {
            if c != b'\\' {
                out.push(c);
                continue;
            }
            let b = match it.next() {
                Some(b'n') => b'\n',
                Some(b'r') => b'\r',
                Some(b't') => b'\t',
                Some(c @ (b'\\' | b'\'' | b'"')) => c,
                Some(b'x') => {
                    let hex: Vec<u8> = it.by_ref().take(2).collect();
                    match core::str::from_utf8(&hex)
                        .ok()
                        .and_then(|h| u8::from_str_radix(h, 16).ok())
                    {
                        Some(b) => b,
                        None => return Ok(None),
                    }
                }
                _ => return Ok(None),
            };
            out.push(b);
        }
        Ok(Some(crate::types::bytes::new_bytes(self.heap, &out)?))
    }

    /// An int (that fits 64 bits) or a float (`1.5`, `-0.0`, `1e+100`, `inf`, `nan`).
    fn number(&mut self) -> PyResult<Option<Obj<'h>>> {
        let len = self
            .rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.')))
            .unwrap_or(self.rest.len());
        let token = &self.rest[..len];
        self.rest = &self.rest[len..];
        if let Ok(n) = token.parse::<i64>() {
            return Ok(Some(long::int_from_i64(self.heap, n)?));
        }
        match token.parse::<f64>() {
            Ok(x) => Ok(Some(float::new_float(self.heap, x)?)),
            Err(_) => Ok(None),
        }
    }
}
