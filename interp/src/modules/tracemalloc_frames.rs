//! The tracebacks `tracemalloc` records (`Python/tracemalloc.c`: `traceback_get_frames`,
//! `tracemalloc_get_frame` and the interned `tracemalloc_tracebacks` table).
//!
//! While tracing, every allocation asks [`TraceState::current_tag`] for a tag: the running
//! frames are walked from the innermost (`tstate->cframe->current_frame`, first complete
//! one) through `previous`, each giving its code's `co_filename` and the line of its last
//! instruction (0 when it has none), up to the traceback limit; `total_nframe` counts them
//! all (at most 65535). The traceback is interned: equal tracebacks share one tag, which the
//! allocator keeps with the block. Nothing here allocates from the object heap, which is in
//! the middle of an allocation when it asks.

use core::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use pyrt_allocator::Tag;
use pyrt_objects::types::code;
use pyrt_objects::types::frame::InterpreterFrame;
use pyrt_objects::types::unicode;

/// The most frames a traceback keeps (`MAX_NFRAME`, `UINT16_MAX`).
pub(crate) const MAX_NFRAME: usize = 65535;

/// The filename of a frame without code, and of the traceback of an allocation made outside
/// any frame (`tracemalloc_empty_traceback`'s `<unknown>`, line 0).
pub(crate) const UNKNOWN_FILENAME: &str = "<unknown>";

/// One frame of a recorded traceback: a filename (an index into the filename table) and a
/// line number.
pub(crate) type FrameKey = (u32, u32);

/// A recorded traceback: its frames, innermost first, and how many frames were running.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct TracebackKey {
    /// The frames kept (at most the limit), innermost first.
    pub frames: Box<[FrameKey]>,
    /// `total_nframe`: the frames that were running, kept or not (at most 65535).
    pub total: u16,
}

/// The interned filenames and tracebacks of the traces recorded since tracing started.
#[derive(Default)]
struct Tables {
    filenames: Vec<Rc<str>>,
    filename_ids: HashMap<Rc<str>, u32>,
    tracebacks: Vec<TracebackKey>,
    traceback_ids: HashMap<TracebackKey, u32>,
    /// The frames being collected for the allocation in progress (reused).
    scratch: Vec<FrameKey>,
}

impl Tables {
    fn filename_id(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.filename_ids.get(name) {
            return id;
        }
        let id = self.filenames.len() as u32;
        let name: Rc<str> = Rc::from(name);
        self.filenames.push(name.clone());
        self.filename_ids.insert(name, id);
        id
    }

    /// The tag of the traceback in `scratch` with `total` frames, interned.
    fn intern_scratch(&mut self, total: u16) -> Tag {
        let key = TracebackKey {
            frames: self.scratch.as_slice().into(),
            total,
        };
        if let Some(&id) = self.traceback_ids.get(&key) {
            return Tag(id + 1);
        }
        let id = self.tracebacks.len() as u32;
        self.tracebacks.push(key.clone());
        self.traceback_ids.insert(key, id);
        Tag(id + 1)
    }
}

/// `tracemalloc`'s configuration and traceback tables for one session.
pub(crate) struct TraceState {
    /// `tracemalloc_config.max_nframe`: the traceback limit (1 until a start sets it).
    limit: Cell<usize>,
    tables: RefCell<Tables>,
}

impl Default for TraceState {
    fn default() -> Self {
        TraceState {
            limit: Cell::new(1),
            tables: RefCell::new(Tables::default()),
        }
    }
}

impl TraceState {
    /// The traceback limit (`get_traceback_limit()`).
    pub(crate) fn limit(&self) -> usize {
        self.limit.get()
    }

    /// Sets the traceback limit (a start that starts tracing).
    pub(crate) fn set_limit(&self, n: usize) {
        self.limit.set(n.clamp(1, MAX_NFRAME));
    }

    /// Forgets every recorded traceback (tracing stopped or its traces cleared).
    pub(crate) fn clear(&self) {
        *self.tables.borrow_mut() = Tables::default();
    }

    /// The tag of an allocation made now, with `top` the running frame: its traceback,
    /// interned. Allocates nothing from the object heap.
    pub(crate) fn current_tag(&self, top: Option<&InterpreterFrame>) -> Tag {
        let Ok(mut tables) = self.tables.try_borrow_mut() else {
            return Tag::NONE;
        };
        let limit = self.limit.get();
        let mut scratch = std::mem::take(&mut tables.scratch);
        scratch.clear();
        let mut total: u16 = 0;
        let mut frame = top.and_then(InterpreterFrame::first_complete);
        while let Some(f) = frame {
            if scratch.len() < limit {
                let key = match f.code() {
                    Some(c) => {
                        let s = c.filename();
                        let id = match unicode::ascii_text(s) {
                            Some(t) => tables.filename_id(t),
                            None => tables.filename_id(&unicode::str_value(s)),
                        };
                        let line = code::addr2line(c, f.lasti());
                        (id, u32::try_from(line).unwrap_or(0))
                    }
                    None => (tables.filename_id(UNKNOWN_FILENAME), 0),
                };
                scratch.push(key);
            }
            total = total.saturating_add(1);
            frame = f.previous();
        }
        let empty = scratch.is_empty();
        tables.scratch = scratch;
        if empty {
            return Tag::NONE;
        }
        tables.intern_scratch(total)
    }

    /// The traceback recorded under `tag`: its frames (filename, line), innermost first, and
    /// its total number of frames; the empty traceback (`<unknown>`, line 0) for no tag.
    pub(crate) fn traceback(&self, tag: Tag) -> (Vec<(Rc<str>, u32)>, u16) {
        let tables = self.tables.borrow();
        match tag
            .0
            .checked_sub(1)
            .and_then(|i| tables.tracebacks.get(i as usize))
        {
            Some(tb) => (
                tb.frames
                    .iter()
                    .map(|&(f, l)| (tables.filenames[f as usize].clone(), l))
                    .collect(),
                tb.total,
            ),
            None => (vec![(Rc::from(UNKNOWN_FILENAME), 0)], 1),
        }
    }

    /// Bytes the tables take (`get_tracemalloc_memory()`'s share of them): an estimate of
    /// this implementation's own memory, not CPython's.
    pub(crate) fn memory(&self) -> usize {
        let t = self.tables.borrow();
        let names: usize = t.filenames.iter().map(|n| n.len() + 16).sum();
        let frames: usize = t
            .tracebacks
            .iter()
            .map(|tb| tb.frames.len() * size_of::<FrameKey>() + size_of::<TracebackKey>())
            .sum();
        // The state itself, and each traceback and filename twice (the list and the index).
        size_of::<TraceState>()
            + 2 * (names + frames)
            + t.scratch.capacity() * size_of::<FrameKey>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_frames_is_the_empty_traceback() {
        let s = TraceState::default();
        assert_eq!(s.current_tag(None), Tag::NONE);
        let (frames, total) = s.traceback(Tag::NONE);
        assert_eq!(total, 1);
        assert_eq!(frames.len(), 1);
        assert_eq!(&*frames[0].0, "<unknown>");
        assert_eq!(frames[0].1, 0);
    }

    #[test]
    fn equal_tracebacks_share_a_tag() {
        let s = TraceState::default();
        let mut t = s.tables.borrow_mut();
        let a = t.filename_id("a.py");
        t.scratch = vec![(a, 3)];
        let first = t.intern_scratch(1);
        t.scratch = vec![(a, 3)];
        assert_eq!(t.intern_scratch(1), first);
        t.scratch = vec![(a, 4)];
        assert_ne!(t.intern_scratch(1), first);
        drop(t);
        assert_eq!(s.traceback(first), (vec![(Rc::from("a.py"), 3)], 1));
    }

    #[test]
    fn the_limit_stays_in_range() {
        let s = TraceState::default();
        assert_eq!(s.limit(), 1);
        s.set_limit(70000);
        assert_eq!(s.limit(), MAX_NFRAME);
    }
}
