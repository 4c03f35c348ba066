//! Iteration for `for` loops, comprehensions, unpacking and the built-ins that consume
//! iterables: each kind walks its object as CPython's iterator does (a list by index as it is
//! now, a dict or set by table position with its size checks, a range by arithmetic).

use pyrt_objects::types::{bytes, dict, list, long, set, tuple, unicode};
use pyrt_objects::{Obj, ObjPtr};

use super::exceptions;
use super::{Interp, R};

/// An iteration in progress.
pub(crate) enum Iter<'py> {
    List(Obj<'py>, usize),
    Tuple(Obj<'py>, usize),
    Dict {
        d: Obj<'py>,
        pos: usize,
        used: usize,
    },
    Set {
        s: Obj<'py>,
        pos: usize,
        used: usize,
    },
    Range(pyrt_objects::types::range::RangeValues<'py>),
    Items(std::vec::IntoIter<Obj<'py>>),
    /// Any other iterator object (generators, the built-in iterator types, classes with
    /// `__iter__`), stepped through `abstract_::iter_next`.
    Object(Obj<'py>),
    /// A dict view: keys, values or `(key, value)` tuples, with the dict's size checks.
    View {
        d: Obj<'py>,
        pos: usize,
        used: usize,
        what: View,
    },
}

/// What a dict view yields.
#[derive(Clone, Copy)]
pub(crate) enum View {
    Keys,
    Values,
    Items,
}

fn borrowed<'py>(interp: &Interp<'py>, p: ObjPtr) -> Obj<'py> {
    // SAFETY: an item, key or element of a live container of this heap.
    unsafe { Obj::from_borrowed(interp.heap, p.as_ref()) }
}

impl<'py> Iter<'py> {
    /// The next item, `None` at the end.
    pub(crate) fn next(&mut self, interp: &Interp<'py>) -> R<'py, Option<Obj<'py>>> {
        Ok(match self {
            Iter::List(l, i) => {
                let l = list::List::cast_internal(l.object()).map_err(|e| interp.err(e))?;
                let item = list::items(l).get(*i).map(|p| borrowed(interp, *p));
                *i += 1;
                item
            }
            Iter::Tuple(t, i) => {
                let t = tuple::Tuple::cast_internal(t.object()).map_err(|e| interp.err(e))?;
                let item = tuple::items(t).get(*i).map(|p| borrowed(interp, *p));
                *i += 1;
                item
            }
            Iter::Dict { d, pos, used } => {
                let d = interp.own_dict(d)?;
                if dict::dict_len(d) != *used {
                    return Err(interp.raise(
                        &exceptions::RUNTIME_ERROR,
                        "dictionary changed size during iteration",
                    ));
                }
                dict::next_entry(d, *pos).map(|(next, k, _)| {
                    *pos = next;
                    borrowed(interp, k)
                })
            }
            Iter::Set { s, pos, used } => {
                let s = set::AnySet::cast_internal(s.object()).map_err(|e| interp.err(e))?;
                if set::set_len(s) != *used {
                    return Err(interp.raise(
                        &exceptions::RUNTIME_ERROR,
                        "Set changed size during iteration",
                    ));
                }
                set::next_entry(interp.heap, s, *pos).map(|(next, k)| {
                    *pos = next;
                    borrowed(interp, k)
                })
            }
            Iter::Range(values) => values.next().transpose().map_err(|e| interp.err(e))?,
            Iter::Items(it) => it.next(),
            Iter::Object(it) => interp.vm_iter_next(it)?,
            Iter::View { d, pos, used, what } => {
                let d = interp.own_dict(d)?;
                if dict::dict_len(d) != *used {
                    return Err(interp.raise(
                        &exceptions::RUNTIME_ERROR,
                        "dictionary changed size during iteration",
                    ));
                }
                match dict::next_entry(d, *pos) {
                    None => None,
                    Some((next, k, v)) => {
                        *pos = next;
                        let (k, v) = (borrowed(interp, k), borrowed(interp, v));
                        Some(match what {
                            View::Keys => k,
                            View::Values => v,
                            View::Items => tuple::new_tuple(interp.heap, vec![k, v])
                                .map_err(|e| interp.err(e))?,
                        })
                    }
                }
            }
        })
    }
}

impl<'py> Interp<'py> {
    /// `iter(value)`.
    pub(crate) fn iter(&self, value: &Obj<'py>) -> R<'py, Iter<'py>> {
        let o = value.object();
        if list::is_list(o) {
            return Ok(Iter::List(value.clone(), 0));
        }
        if tuple::is_tuple(o) {
            return Ok(Iter::Tuple(value.clone(), 0));
        }
        if let Some(d) = dict::Dict::cast(o) {
            return Ok(Iter::Dict {
                d: value.clone(),
                pos: 0,
                used: dict::dict_len(d),
            });
        }
        if let Some(s) = set::AnySet::cast(o) {
            return Ok(Iter::Set {
                s: value.clone(),
                pos: 0,
                used: set::set_len(s),
            });
        }
        if let Some(r) = pyrt_objects::types::range::Range::cast(o) {
            return Ok(Iter::Range(pyrt_objects::types::range::iter_values(
                self.heap, r,
            )));
        }
        for (kind, what) in [
            (&super::objects::DICT_KEYS, View::Keys),
            (&super::objects::DICT_VALUES, View::Values),
            (&super::objects::DICT_ITEMS, View::Items),
        ] {
            if let Some(v) = kind.cast(o) {
                let d = v.get_ref(self.heap, 0).expect("a view holds its dict");
                let used = dict::dict_len(self.own_dict(&d)?);
                return Ok(Iter::View {
                    d,
                    pos: 0,
                    used,
                    what,
                });
            }
        }
        if let Some(s) = unicode::Str::cast(o) {
            let chars = unicode::str_value(s)
                .chars()
                .map(|c| unicode::new_str(self.heap, c.encode_utf8(&mut [0; 4])))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?;
            return Ok(Iter::Items(chars.into_iter()));
        }
        if let Some(b) = bytes::Bytes::cast(o) {
            let items = bytes::bytes_value(b)
                .iter()
                .map(|b| long::int_from_i64(self.heap, i64::from(*b)))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| self.err(e))?;
            return Ok(Iter::Items(items.into_iter()));
        }
        let it = pyrt_objects::abstract_::get_iter(self.heap, o).map_err(|e| self.err(e))?;
        Ok(Iter::Object(it))
    }
}
