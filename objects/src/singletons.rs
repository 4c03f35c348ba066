//! The objects that are static in CPython: `None`, `NotImplemented`, `Ellipsis`, `True`,
//! `False` and the small ints −5…256 (`_PyRuntime` static objects, `Include/internal/
//! pycore_global_objects.h`). They are immortal and live outside pymalloc, so, as in CPython,
//! they never appear in the allocator's statistics.

use core::ptr::NonNull;

use crate::object::{ObjPtr, PyObject};
use crate::types::{BOOL_TYPE, ELLIPSIS_TYPE, INT_TYPE, NONE_TYPE, NOTIMPLEMENTED_TYPE};

/// Smallest cached int (`-_PY_NSMALLNEGINTS`).
pub const SMALL_INT_MIN: i64 = -5;
/// Largest cached int (`_PY_NSMALLPOSINTS - 1`).
pub const SMALL_INT_MAX: i64 = 256;
/// How many ints the cache holds (−5…256).
const SMALL_INT_COUNT: usize = (SMALL_INT_MAX - SMALL_INT_MIN + 1) as usize;

/// A one-digit `PyLongObject`, the layout of CPython's static small ints and bools.
#[repr(C)]
pub(crate) struct SmallLong {
    pub(crate) ob_base: PyObject,
    pub(crate) lv_tag: usize,
    pub(crate) digit: u32,
}

impl SmallLong {
    fn new(ty: NonNull<crate::typeobj::PyTypeObject>, v: i64) -> SmallLong {
        let (ndigits, sign) = match v.signum() {
            0 => (0, 1),
            1 => (1, 0),
            _ => (1, 2),
        };
        SmallLong {
            ob_base: PyObject::new_immortal(ty),
            lv_tag: (ndigits << 3) | sign,
            digit: v.unsigned_abs() as u32,
        }
    }
}

pub(crate) struct Singletons {
    none: PyObject,
    not_implemented: PyObject,
    ellipsis: PyObject,
    true_: SmallLong,
    false_: SmallLong,
    /// −5…256 in a row, indexed by `v + 5` (an array in the boxed singletons: no length to
    /// load before the index check).
    small_ints: [SmallLong; SMALL_INT_COUNT],
    empty_tuple: crate::types::tuple::EmptyTuple,
    empty_dict_keys: crate::types::dict::EmptyKeys,
    /// The key of deleted set entries (`_dummy_struct`).
    set_dummy: PyObject,
    /// `''` and the 128 ASCII characters.
    ascii_chars: Vec<crate::types::unicode::StaticAscii>,
    /// U+0080 to U+00FF.
    latin1_chars: Vec<crate::types::unicode::StaticLatin1>,
    /// `b''` and the 256 one-byte objects.
    bytes: Vec<crate::types::bytes::StaticBytes>,
}

impl Singletons {
    pub(crate) fn new() -> Box<Singletons> {
        let mut singletons = Box::new(Singletons {
            none: PyObject::new_immortal(NONE_TYPE.ptr()),
            not_implemented: PyObject::new_immortal(NOTIMPLEMENTED_TYPE.ptr()),
            ellipsis: PyObject::new_immortal(ELLIPSIS_TYPE.ptr()),
            true_: SmallLong::new(BOOL_TYPE.ptr(), 1),
            false_: SmallLong::new(BOOL_TYPE.ptr(), 0),
            small_ints: core::array::from_fn(|i| {
                SmallLong::new(INT_TYPE.ptr(), SMALL_INT_MIN + i as i64)
            }),
            empty_tuple: crate::types::tuple::EmptyTuple::new(),
            empty_dict_keys: crate::types::dict::EmptyKeys::new(),
            set_dummy: PyObject::new_immortal(crate::types::OBJECT_TYPE.ptr()),
            ascii_chars: core::iter::once(None)
                .chain((0..0x80).map(Some))
                .map(crate::types::unicode::StaticAscii::new)
                .collect(),
            latin1_chars: (0x80..=0xff)
                .map(crate::types::unicode::StaticLatin1::new)
                .collect(),
            bytes: core::iter::once(None)
                .chain((0..=255).map(Some))
                .map(crate::types::bytes::StaticBytes::new)
                .collect(),
        });
        // The vectors are never resized again, so pointers into their elements stay valid.
        singletons
            .latin1_chars
            .iter_mut()
            .for_each(crate::types::unicode::StaticLatin1::point_utf8);
        singletons
    }

    pub(crate) fn none(&self) -> ObjPtr {
        NonNull::from(&self.none)
    }

    pub(crate) fn not_implemented(&self) -> ObjPtr {
        NonNull::from(&self.not_implemented)
    }

    pub(crate) fn ellipsis(&self) -> ObjPtr {
        NonNull::from(&self.ellipsis)
    }

    pub(crate) fn bool(&self, v: bool) -> ObjPtr {
        NonNull::from(&(if v { &self.true_ } else { &self.false_ }).ob_base)
    }

    pub(crate) fn empty_tuple(&self) -> ObjPtr {
        self.empty_tuple.ptr()
    }

    /// `Py_EMPTY_KEYS`, the keys of every empty dict.
    pub(crate) fn empty_dict_keys(&self) -> NonNull<crate::types::dict::KeysHeader> {
        self.empty_dict_keys.ptr()
    }

    /// The dummy key of deleted set entries.
    pub(crate) fn set_dummy(&self) -> ObjPtr {
        NonNull::from(&self.set_dummy)
    }

    pub(crate) fn empty_str(&self) -> ObjPtr {
        self.ascii_chars[0].ptr()
    }

    /// The one-character string `c` (U+0000 to U+00FF).
    pub(crate) fn latin1_char(&self, c: u8) -> ObjPtr {
        if c < 0x80 {
            self.ascii_chars[usize::from(c) + 1].ptr()
        } else {
            self.latin1_chars[usize::from(c - 0x80)].ptr()
        }
    }

    pub(crate) fn empty_bytes(&self) -> ObjPtr {
        self.bytes[0].ptr()
    }

    /// The one-byte object `b`.
    pub(crate) fn byte_char(&self, b: u8) -> ObjPtr {
        self.bytes[usize::from(b) + 1].ptr()
    }

    /// The cached int `v`, if it is in −5…256.
    #[inline(always)]
    pub(crate) fn small_int(&self, v: i64) -> Option<ObjPtr> {
        // One unsigned comparison: below −5 wraps to a huge index.
        let i = v.wrapping_sub(SMALL_INT_MIN) as u64;
        if i >= SMALL_INT_COUNT as u64 {
            return None;
        }
        Some(NonNull::from(&self.small_ints[i as usize].ob_base))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_minus_5_to_256_are_cached_and_extremes_do_not_overflow() {
        let s = Singletons::new();
        assert!(s.small_int(-5).is_some() && s.small_int(256).is_some());
        assert!(s.small_int(-6).is_none() && s.small_int(257).is_none());
        assert!(s.small_int(i64::MAX).is_none() && s.small_int(i64::MAX - 4).is_none());
        assert!(s.small_int(i64::MIN).is_none());
    }
}
