//! The comparison `list.sort` picks before it sorts (`list_sort_impl`'s pre-sort check in
//! `Objects/listobject.c`): when every key has the same exact type, CPython compares them
//! without `PyObject_RichCompare`'s dispatch — `unsafe_long_compare` for ints of at most one
//! digit, `unsafe_float_compare` for floats, `unsafe_latin_compare` for one-byte strings, and
//! `unsafe_tuple_compare` for non-empty tuples, whose first items get such a comparison in turn.
//!
//! These types' `<` runs no Python code and cannot fail, so the specialised answers are the
//! general ones; the sort still makes the same comparisons in the same order. Any other mix of
//! keys takes the general comparison ([`abstract_::compare_bool`]), as before.

use core::cmp::Ordering;

use crate::abstract_;
use crate::error::PyResult;
use crate::heap::Heap;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::CompareOp;
use crate::types::tuple::{self, Tuple};
use crate::types::{FLOAT_TYPE, INT_TYPE, STR_TYPE, TUPLE_TYPE, float, long, unicode};

/// How two keys (or two tuples' first items) are compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scalar {
    /// Exact ints of at most one digit (`unsafe_long_compare`).
    Int,
    /// Exact floats (`unsafe_float_compare`).
    Float,
    /// Exact one-byte strings (`unsafe_latin_compare`).
    Latin,
    /// Anything else: the rich comparison.
    Object,
}

/// The comparison of one sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct SortCompare {
    /// Whether every key is a non-empty exact tuple (`unsafe_tuple_compare`).
    tuples: bool,
    /// The keys' comparison, or the tuples' first items'.
    first: Scalar,
}

impl SortCompare {
    /// The comparison for these keys (`list_sort_impl`'s scan over them).
    pub(crate) fn choose<'a>(keys: impl Iterator<Item = &'a PyObject> + Clone) -> SortCompare {
        let all_tuples = keys.clone().all(|k| {
            core::ptr::eq(k.ob_type(), TUPLE_TYPE.get())
                && Tuple::cast(k).is_some_and(|t| !tuple::items(t).is_empty())
        });
        if all_tuples {
            let firsts = keys.map(|k| {
                let t = Tuple::cast(k).expect("checked: an exact tuple");
                // SAFETY: the tuple holds its (non-empty) items while the sort owns it.
                unsafe { tuple::items(t)[0].as_ref() }
            });
            return SortCompare {
                tuples: true,
                first: scalar(firsts),
            };
        }
        SortCompare {
            tuples: false,
            first: scalar(keys),
        }
    }

    /// `a < b` for two keys the sort owns.
    pub(crate) fn less(self, heap: &Heap, a: ObjPtr, b: ObjPtr) -> PyResult<bool> {
        // SAFETY: items and keys stay owned by the sort until it returns.
        let (a, b) = unsafe { (a.as_ref(), b.as_ref()) };
        if self.tuples
            && let (Some(v), Some(w)) = (Tuple::cast(a), Tuple::cast(b))
        {
            return tuple_less(heap, tuple::items(v), tuple::items(w), self.first);
        }
        if core::ptr::eq(a.ob_type(), TUPLE_TYPE.get())
            && core::ptr::eq(b.ob_type(), TUPLE_TYPE.get())
            && let (Some(v), Some(w)) = (Tuple::cast(a), Tuple::cast(b))
        {
            return tuple_less(heap, tuple::items(v), tuple::items(w), Scalar::Object);
        }
        scalar_less(heap, self.first, a, b)
    }
}

/// The comparison for these objects: a specialised one when all have one exact type that has
/// one (and, for ints, one digit at most), else the rich comparison.
fn scalar<'a>(mut objects: impl Iterator<Item = &'a PyObject> + Clone) -> Scalar {
    let Some(ty) = objects.clone().next().map(PyObject::ob_type) else {
        return Scalar::Object;
    };
    if !objects.clone().all(|o| core::ptr::eq(o.ob_type(), ty)) {
        return Scalar::Object;
    }
    if core::ptr::eq(ty, INT_TYPE.get()) {
        let bounded =
            objects.all(|o| long::Int::cast(o).is_some_and(|i| long::compact_value(i).is_some()));
        return if bounded { Scalar::Int } else { Scalar::Object };
    }
    if core::ptr::eq(ty, FLOAT_TYPE.get()) {
        return Scalar::Float;
    }
    if core::ptr::eq(ty, STR_TYPE.get()) {
        let latin = objects.all(|o| unicode::Str::cast(o).is_some_and(unicode::is_one_byte));
        return if latin { Scalar::Latin } else { Scalar::Object };
    }
    Scalar::Object
}

/// `a < b` by the chosen comparison; the rich comparison for a pair it does not fit.
#[inline]
fn scalar_less(heap: &Heap, how: Scalar, a: &PyObject, b: &PyObject) -> PyResult<bool> {
    match how {
        Scalar::Int => {
            let value = |o| long::Int::cast(o).and_then(long::compact_value);
            if let (Some(x), Some(y)) = (value(a), value(b)) {
                return Ok(x < y);
            }
        }
        Scalar::Float => {
            if let (Some(x), Some(y)) = (float::Float::cast(a), float::Float::cast(b)) {
                return Ok(float::float_value(x) < float::float_value(y));
            }
        }
        Scalar::Latin => {
            if let (Some(x), Some(y)) = (unicode::Str::cast(a), unicode::Str::cast(b)) {
                return Ok(unicode::str_cmp(x, y) == Ordering::Less);
            }
        }
        Scalar::Object => {}
    }
    abstract_::compare_bool(heap, a, b, CompareOp::Lt)
}

/// `unsafe_tuple_compare`: the first index whose items are not equal decides with `<` (the
/// chosen comparison at index 0, the rich one after); when one tuple is a prefix of the other,
/// the shorter is less. The tuples are owned by the sort and never change, so their items stay
/// alive while user `__eq__`/`__lt__` run.
fn tuple_less(heap: &Heap, v: &[ObjPtr], w: &[ObjPtr], first: Scalar) -> PyResult<bool> {
    let mut i = 0;
    while i < v.len() && i < w.len() {
        // SAFETY: items of live tuples (see above).
        let (x, y) = unsafe { (v[i].as_ref(), w[i].as_ref()) };
        if !abstract_::compare_bool(heap, x, y, CompareOp::Eq)? {
            let how = if i == 0 { first } else { Scalar::Object };
            return scalar_less(heap, how, x, y);
        }
        i += 1;
    }
    Ok(v.len() < w.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::obj::Obj;
    use proptest::prelude::*;

    /// Keys of one family: one-digit ints, floats (any bits), one-byte strings, or 2-tuples of
    /// those; `mix` adds a wide int, a UCS-2 string and an empty tuple to fall back.
    fn keys<'h>(heap: &'h Heap, family: u8, seeds: &[(i64, u64, String)]) -> Vec<Obj<'h>> {
        let scalar = |(i, bits, s): &(i64, u64, String), f: u8| -> Obj<'h> {
            match f % 3 {
                0 => long::int_from_i64(heap, *i).unwrap(),
                1 => float::new_float(heap, f64::from_bits(*bits)).unwrap(),
                _ => unicode::new_str(heap, s).unwrap(),
            }
        };
        seeds
            .iter()
            .map(|seed| {
                if family < 3 {
                    scalar(seed, family)
                } else {
                    let pair = vec![
                        scalar(seed, family),
                        long::int_from_i64(heap, seed.0 % 3).unwrap(),
                    ];
                    tuple::new_tuple(heap, pair).unwrap()
                }
            })
            .collect()
    }

    fn seed() -> impl Strategy<Value = (i64, u64, String)> {
        let limit = (1i64 << 30) - 1;
        (-limit..=limit, any::<u64>(), "[a-c\u{e9}]{0,3}")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn the_chosen_comparison_answers_as_the_rich_one(family in 0u8..6, seeds in prop::collection::vec(seed(), 1..8)) {
            let heap = Heap::new();
            let ks = keys(&heap, family, &seeds);
            let cmp = SortCompare::choose(ks.iter().map(Obj::object));
            prop_assert_eq!(cmp.tuples, family >= 3);
            prop_assert_ne!(cmp.first, Scalar::Object);
            for a in &ks {
                for b in &ks {
                    let general = abstract_::compare_bool(&heap, a.object(), b.object(), CompareOp::Lt).unwrap();
                    prop_assert_eq!(cmp.less(&heap, a.as_ptr(), b.as_ptr()).unwrap(), general);
                }
            }
        }
    }

    #[test]
    fn mixed_or_wide_keys_take_the_rich_comparison() {
        let heap = Heap::new();
        let wide = long::int_from_i64(&heap, 1 << 40).unwrap();
        let one = long::int_from_i64(&heap, 1).unwrap();
        let ucs2 = unicode::new_str(&heap, "\u{100}").unwrap();
        let a = unicode::new_str(&heap, "a").unwrap();
        let empty = tuple::new_tuple(&heap, vec![]).unwrap();
        let pair = tuple::new_tuple(&heap, vec![one.clone()]).unwrap();
        for ks in [
            vec![&wide, &one],
            vec![&ucs2, &a],
            vec![&one, &a],
            vec![&empty, &pair],
        ] {
            let cmp = SortCompare::choose(ks.iter().map(|k| k.object()));
            assert_eq!(
                cmp,
                SortCompare {
                    tuples: false,
                    first: Scalar::Object
                }
            );
        }
    }
}
