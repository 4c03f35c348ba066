//! A thread's data stack of interpreter frames (`_PyThreadState_PushFrame` and
//! `_PyThreadState_PopFrame` in `Python/pystate.c`, `_PyStackChunk` in
//! `Include/internal/pycore_pystate.h`).
//!
//! Frames are pushed into chunks: the first is 16 KiB (`DATA_STACK_CHUNK_SIZE`), and a frame
//! that does not fit the current chunk starts a new one of 16 KiB doubled until it holds the
//! frame plus 1000 words (`MINIMUM_OVERHEAD`). A chunk is a 24-byte header (`previous`, `size`,
//! `top`) and words. The root chunk's first word is skipped, so popping the bottom frame never
//! frees the root chunk; popping the first frame of any other chunk frees that chunk and
//! returns to the previous one where it was left.
//!
//! Chunks come from the system allocator, as CPython's `_PyObject_VirtualAlloc` takes them
//! from the arena allocator (`mmap`): they are not pymalloc blocks, so neither
//! `sys._debugmallocstats` nor tracemalloc nor `gc.get_count()` sees them.
//!
//! Each frame is preceded by one word, its link to the frame below it on the stack (NULL for
//! the bottom frame), and the stack keeps its top frame: so the stack knows its frames in
//! order without a second list, a pop checks that it pops the top frame with one comparison,
//! and `sys._getframe`'s walk and the final release follow the links.
//!
//! The API is safe: [`DataStack::push`] initialises a frame from a function
//! (`_PyFrame_Initialize`) and returns its unique handle, [`StackFrame`], which borrows the
//! stack; [`DataStack::pop`] takes the handle back, clears the frame
//! (`_PyFrame_ClearExceptCode`, then the code) and gives its words back. Only the top frame can
//! be popped: another is handed back unchanged.

use core::cell::Cell;
use core::ptr::{self, NonNull};
use std::alloc::{Layout, alloc, dealloc};

use crate::error::{PyErr, PyResult};
use crate::heap::Heap;
use crate::obj::Obj;
use crate::types::code::Code;
use crate::types::frame::{FrameInit, InterpreterFrame, OWNED_BY_THREAD};
use crate::types::function::Function;

/// `DATA_STACK_CHUNK_SIZE`: 16 KiB.
pub const DATA_STACK_CHUNK_SIZE: usize = 16 * 1024;
/// `MINIMUM_OVERHEAD`: words a new chunk keeps free beyond the frame that started it.
pub const MINIMUM_OVERHEAD: usize = 1000;

/// The word before each frame: its link to the frame below it on the stack.
const LINK_WORDS: usize = 1;

/// `_PyStackChunk`'s header; the words follow.
#[repr(C)]
struct Chunk {
    previous: *mut Chunk,
    size: usize,
    /// Words in use when the chunk is not the current one.
    top: usize,
}

const CHUNK_HEADER_WORDS: usize = size_of::<Chunk>() / 8;

/// A thread's frames (`datastack_chunk`, `datastack_top`, `datastack_limit`), whose objects
/// live on one heap.
pub struct DataStack<'h> {
    heap: &'h Heap,
    chunk: Cell<*mut Chunk>,
    /// The next free word (NULL before the first push).
    top: Cell<*mut usize>,
    /// The end of the current chunk.
    limit: Cell<*mut usize>,
    /// The top frame (NULL when the stack is empty); the word before each frame links it to
    /// the frame below.
    top_frame: Cell<*mut InterpreterFrame>,
}

/// A frame on a data stack: the one handle to it, made by [`DataStack::push`] and consumed by
/// [`DataStack::pop`].
pub struct StackFrame<'s> {
    frame: NonNull<InterpreterFrame>,
    _stack: core::marker::PhantomData<&'s ()>,
}

impl StackFrame<'_> {
    /// The frame.
    pub fn frame(&self) -> &InterpreterFrame {
        // SAFETY: a handle exists only while its frame is on the stack, which the handle's
        // borrow keeps alive.
        unsafe { self.frame.as_ref() }
    }

    /// The frame's address (for `previous` links and the VM's own pointers).
    pub fn as_ptr(&self) -> NonNull<InterpreterFrame> {
        self.frame
    }
}

impl<'h> DataStack<'h> {
    /// An empty stack for frames of `heap`'s objects (no chunk until the first push).
    pub fn new(heap: &'h Heap) -> DataStack<'h> {
        DataStack {
            heap,
            chunk: Cell::new(ptr::null_mut()),
            top: Cell::new(ptr::null_mut()),
            limit: Cell::new(ptr::null_mut()),
            top_frame: Cell::new(ptr::null_mut()),
        }
    }

    /// `_PyThreadState_HasStackSpace`.
    fn has_space(&self, words: usize) -> bool {
        let top = self.top.get();
        !top.is_null() && words < (self.limit.get().addr() - top.addr()) / 8
    }

    /// `push_chunk`: a new chunk with room for `words`, the frame's place at its start.
    fn push_chunk(&self, words: usize) -> PyResult<*mut usize> {
        let mut size = DATA_STACK_CHUNK_SIZE;
        while size < 8 * (words + MINIMUM_OVERHEAD) {
            size = size.checked_mul(2).ok_or_else(PyErr::memory_error)?;
        }
        let layout = Layout::from_size_align(size, 16).map_err(|_| PyErr::memory_error())?;
        // SAFETY: a non-zero layout.
        let new = unsafe { alloc(layout) }.cast::<Chunk>();
        if new.is_null() {
            return Err(PyErr::memory_error());
        }
        let old = self.chunk.get();
        // SAFETY: `new` is a fresh chunk of `size` bytes; `old`, when there is one, is the
        // current chunk, whose `top` is recorded as CPython does.
        unsafe {
            new.write(Chunk {
                previous: old,
                size,
                top: 0,
            });
            if !old.is_null() {
                (*old).top = (self.top.get().addr() - data(old).addr()) / 8;
            }
            self.chunk.set(new);
            self.limit.set(new.cast::<u8>().add(size).cast());
            let res = data(new).add(usize::from(old.is_null()));
            self.top.set(res.add(words));
            Ok(res)
        }
    }

    /// `_PyThreadState_PushFrame`: the place of a new top frame of `words` words (`co_framesize`),
    /// after its link word, which is set; the frame's own words are not initialised.
    #[inline(always)]
    fn allocate(&self, words: usize) -> PyResult<NonNull<InterpreterFrame>> {
        let words = words + LINK_WORDS;
        let at = if self.has_space(words) {
            let at = self.top.get();
            // SAFETY: `words` fit before `limit` in the current chunk.
            self.top.set(unsafe { at.add(words) });
            at
        } else {
            self.push_chunk(words)?
        };
        // SAFETY: `at` starts `words` fresh words of the current chunk: the link word, then
        // the frame's.
        let frame = unsafe {
            at.cast::<*mut InterpreterFrame>()
                .write(self.top_frame.get());
            at.add(LINK_WORDS).cast::<InterpreterFrame>()
        };
        self.top_frame.set(frame);
        NonNull::new(frame).ok_or_else(PyErr::memory_error)
    }

    /// `_PyThreadState_PushFrame` then `_PyFrame_Initialize`: a frame for `func`'s code with
    /// `locals` as `f_locals`, every slot empty, owned by the thread.
    ///
    /// # Errors
    /// `TypeError` when `func` is not a function, `MemoryError` when no chunk can be had.
    pub fn push<'s>(&'s self, func: Obj<'h>, locals: Option<Obj<'h>>) -> PyResult<StackFrame<'s>> {
        let heap = self.heap;
        let f = <Function as crate::View>::cast_or_else(func.object(), |t| {
            format!("expected function, got '{t}'")
        })?;
        let code = f.code(heap);
        let words = Code::cast_internal(code.object())?.framesize() as usize;
        let frame = self.allocate(words)?;
        let init = FrameInit {
            globals: f.globals_ptr(),
            builtins: f.builtins_ptr(),
            func,
            locals,
            code,
            owner: OWNED_BY_THREAD,
        };
        // SAFETY: `words` (= `co_framesize`) fresh words of the current chunk, 8-aligned.
        unsafe { InterpreterFrame::init(frame, init) };
        Ok(StackFrame {
            frame,
            _stack: core::marker::PhantomData,
        })
    }

    /// The frame of a Python-to-Python call (`_PyFrame_PushUnchecked` in 3.12's
    /// `CALL_PY_EXACT_ARGS` and `CALL_PY_WITH_DEFAULTS`): `func` (whose reference moves into
    /// the frame) gets a frame whose first `nargs` local slots take the `nargs` values on top
    /// of `caller`'s value stack, moved, in order, and the next `ndefaults` the last
    /// `ndefaults` items of its `__defaults__` (new references); the other slots are empty.
    /// Which calls bind so is the VM's to decide.
    ///
    /// # Errors
    /// `SystemError` when `func` is not a function with its code or the arguments do not fit
    /// (more than the caller's stack, the function's defaults or the frame's locals),
    /// `MemoryError` when no chunk can be had.
    #[inline(always)]
    pub fn push_call<'s>(
        &'s self,
        func: Obj<'h>,
        caller: &InterpreterFrame,
        nargs: usize,
        ndefaults: usize,
    ) -> PyResult<StackFrame<'s>> {
        let heap = self.heap;
        let f = Function::cast(func.object()).ok_or_else(crate::view::bad_internal_call)?;
        let code = f.code_view().ok_or_else(crate::view::bad_internal_call)?;
        let defaults: &[crate::ObjPtr] = if ndefaults == 0 {
            &[]
        } else {
            let all = f
                .defaults_view()
                .map_or(&[][..], crate::types::tuple::items);
            all.len()
                .checked_sub(ndefaults)
                .map(|first| &all[first..])
                .ok_or_else(crate::view::bad_internal_call)?
        };
        // Memory safety needs the arguments to be live slots of the caller and to fit the new
        // frame's; that they are the caller's value stack and the callee's locals is the VM's
        // `CALL` (checked in debug builds).
        if nargs + ndefaults > code.nlocalsplus() as usize || nargs > caller.stacktop() {
            return Err(crate::view::bad_internal_call());
        }
        debug_assert!(nargs <= caller.stack_depth());
        let (globals, builtins) = (f.globals_ptr(), f.builtins_ptr());
        // SAFETY: the function holds its code; the frame takes this new reference to it.
        let code_obj = unsafe { Obj::from_borrowed(heap, code) };
        // SAFETY: the new reference keeps the code alive for the frame's life.
        let code: &Code = unsafe { &*ptr::from_ref(code) };
        // SAFETY: the function, which the frame takes over, holds its defaults tuple, and no
        // code runs before they are copied.
        let defaults: &[crate::ObjPtr] = unsafe { &*ptr::from_ref(defaults) };
        let frame = self.allocate(code.framesize() as usize)?;
        // SAFETY: `co_framesize` fresh words of the current chunk, 8-aligned, past every
        // frame on the stack (the caller's included, or the caller is a generator's); `code`
        // is `code_obj`'s view; the counts were checked above; `defaults` are a tuple's items.
        unsafe {
            InterpreterFrame::init_call(
                heap,
                frame,
                func,
                code_obj,
                code,
                [globals, builtins],
                caller,
                nargs,
                defaults,
            );
        }
        Ok(StackFrame {
            frame,
            _stack: core::marker::PhantomData,
        })
    }

    /// Whether `frame` is the top frame.
    #[inline(always)]
    fn is_top(&self, frame: NonNull<InterpreterFrame>) -> bool {
        ptr::eq(frame.as_ptr(), self.top_frame.get())
    }

    /// Pops the top frame: `_PyFrame_ClearExceptCode`, the code released, then
    /// `_PyThreadState_PopFrame` (which frees the chunk when the frame was its first).
    ///
    /// # Errors
    /// The handle back when it is not the top frame (nothing changes).
    #[inline(always)]
    pub fn pop<'s>(&'s self, frame: StackFrame<'s>) -> Result<(), StackFrame<'s>> {
        let heap = self.heap;
        if !self.is_top(frame.frame) {
            return Err(frame);
        }
        let f = frame.frame();
        f.clear_except_code(heap);
        f.release_code(heap);
        self.release(frame.frame);
        Ok(())
    }

    /// [`DataStack::pop`] by address: pops `frame` when it is the top frame (the VM links
    /// its frames by address, as CPython's `previous`); `false` (nothing changes) otherwise.
    #[inline(always)]
    pub fn pop_top(&self, frame: NonNull<InterpreterFrame>) -> bool {
        if !self.is_top(frame) {
            return false;
        }
        let heap = self.heap;
        // SAFETY: the top frame is alive and in place until it is released below.
        let f = unsafe { frame.as_ref() };
        f.clear_except_code(heap);
        f.release_code(heap);
        self.release(frame);
        true
    }

    /// The handle of `frame` when it is the top frame (the VM keeps frames by address).
    pub fn top_handle(&self, frame: NonNull<InterpreterFrame>) -> Option<StackFrame<'_>> {
        self.is_top(frame).then_some(StackFrame {
            frame,
            _stack: core::marker::PhantomData,
        })
    }

    /// Forgets the top frame `frame` whose contents moved elsewhere (a generator took them):
    /// only its words are given back.
    pub(crate) fn pop_moved(&self, frame: StackFrame<'_>) -> Result<(), ()> {
        if !self.is_top(frame.frame) {
            return Err(());
        }
        self.release(frame.frame);
        Ok(())
    }

    /// `_PyThreadState_PopFrame`: gives the top frame's words back; the frame below becomes
    /// the top one.
    #[inline(always)]
    fn release(&self, frame: NonNull<InterpreterFrame>) {
        debug_assert!(self.is_top(frame));
        let base = frame.as_ptr().cast::<usize>().wrapping_sub(LINK_WORDS);
        let chunk = self.chunk.get();
        // SAFETY: `chunk` is the current chunk and `frame` its top frame, whose link word is
        // at `base`.
        unsafe {
            self.top_frame
                .set(base.cast::<*mut InterpreterFrame>().read());
            if base == data(chunk) {
                let previous = (*chunk).previous;
                self.top.set(data(previous).add((*previous).top));
                self.chunk.set(previous);
                self.limit
                    .set(previous.cast::<u8>().add((*previous).size).cast());
                free_chunk(chunk);
            } else {
                self.top.set(base);
            }
        }
    }

    /// The frame below `frame` on the stack (its link word).
    fn below(frame: *mut InterpreterFrame) -> *mut InterpreterFrame {
        // SAFETY: every frame of the stack follows its link word (`allocate`), and the frame
        // is on the stack (callers walk from the top frame).
        unsafe {
            frame
                .cast::<usize>()
                .sub(LINK_WORDS)
                .cast::<*mut InterpreterFrame>()
                .read()
        }
    }

    /// The number of frames on the stack.
    pub fn depth(&self) -> usize {
        let mut n = 0;
        let mut f = self.top_frame.get();
        while !f.is_null() {
            n += 1;
            f = Self::below(f);
        }
        n
    }

    /// The sizes of the chunks in use, newest first.
    pub fn chunk_sizes(&self) -> Vec<usize> {
        let mut sizes = Vec::new();
        let mut c = self.chunk.get();
        while !c.is_null() {
            // SAFETY: the chunk list links live chunks.
            unsafe {
                sizes.push((*c).size);
                c = (*c).previous;
            }
        }
        sizes
    }

    /// The `n`th frame from the top (0 is the top), if there are that many.
    pub fn frame_from_top(&self, n: usize) -> Option<&InterpreterFrame> {
        let mut f = self.top_frame.get();
        for _ in 0..n {
            if f.is_null() {
                return None;
            }
            f = Self::below(f);
        }
        // SAFETY: a frame on the stack is alive until popped, which needs its handle; the
        // borrow of `self` keeps the stack alive.
        unsafe { f.as_ref() }
    }

    /// The frame just below `frame` on the stack, if `frame` is on it and not its bottom frame
    /// (a walk from the top: for the rare frame whose `previous` is not linked).
    pub fn frame_below(&self, frame: &InterpreterFrame) -> Option<&InterpreterFrame> {
        let mut f = self.top_frame.get();
        while !f.is_null() {
            let below = Self::below(f);
            if ptr::eq(f, frame) {
                // SAFETY: as in `frame_from_top`: a frame on the stack is alive until popped.
                return unsafe { below.as_ref() };
            }
            f = below;
        }
        None
    }

    /// The top frame, if any.
    pub fn top_frame(&self) -> Option<&InterpreterFrame> {
        // SAFETY: a frame on the stack is alive until popped, which needs its handle; the
        // borrow of `self` keeps the stack alive.
        unsafe { self.top_frame.get().as_ref() }
    }
}

/// The first word after a chunk's header.
fn data(chunk: *mut Chunk) -> *mut usize {
    chunk.cast::<usize>().wrapping_add(CHUNK_HEADER_WORDS)
}

/// Frees a chunk made by `push_chunk`.
///
/// # Safety
/// `chunk` must be a live chunk, no longer linked.
unsafe fn free_chunk(chunk: *mut Chunk) {
    // SAFETY: the chunk was allocated with this size and alignment.
    unsafe {
        let size = (*chunk).size;
        dealloc(chunk.cast(), Layout::from_size_align_unchecked(size, 16));
    }
}

impl Drop for DataStack<'_> {
    fn drop(&mut self) {
        let mut top = self.top_frame.get();
        while !top.is_null() {
            // SAFETY: a frame still on the stack (no handle is left: each borrows the stack).
            let f = unsafe { &*top };
            f.clear_except_code(self.heap);
            f.release_code(self.heap);
            top = Self::below(top);
        }
        self.top_frame.set(ptr::null_mut());
        let mut c = self.chunk.get();
        while !c.is_null() {
            // SAFETY: the chunk list links live chunks, each freed once.
            unsafe {
                let previous = (*c).previous;
                free_chunk(c);
                c = previous;
            }
        }
    }
}
