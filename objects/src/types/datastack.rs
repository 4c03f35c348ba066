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
    /// The frames pushed and not popped, bottom first (to check pops and free on drop).
    frames: core::cell::RefCell<Vec<NonNull<InterpreterFrame>>>,
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
            frames: core::cell::RefCell::new(Vec::new()),
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
        let at = if self.has_space(words) {
            let at = self.top.get();
            // SAFETY: `words` fit before `limit` in the current chunk.
            self.top.set(unsafe { at.add(words) });
            at
        } else {
            self.push_chunk(words)?
        };
        let frame = NonNull::new(at.cast::<InterpreterFrame>()).ok_or_else(PyErr::memory_error)?;
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
        self.frames.borrow_mut().push(frame);
        Ok(StackFrame {
            frame,
            _stack: core::marker::PhantomData,
        })
    }

    /// Pops the top frame: `_PyFrame_ClearExceptCode`, the code released, then
    /// `_PyThreadState_PopFrame` (which frees the chunk when the frame was its first).
    ///
    /// # Errors
    /// The handle back when it is not the top frame (nothing changes).
    pub fn pop<'s>(&'s self, frame: StackFrame<'s>) -> Result<(), StackFrame<'s>> {
        let heap = self.heap;
        if self.frames.borrow().last() != Some(&frame.frame) {
            return Err(frame);
        }
        let f = frame.frame();
        f.clear_except_code(heap);
        f.release_code(heap);
        self.frames.borrow_mut().pop();
        self.release(frame.frame);
        Ok(())
    }

    /// Forgets the top frame `frame` whose contents moved elsewhere (a generator took them):
    /// only its words are given back.
    pub(crate) fn pop_moved(&self, frame: StackFrame<'_>) -> Result<(), ()> {
        if self.frames.borrow().last() != Some(&frame.frame) {
            return Err(());
        }
        self.frames.borrow_mut().pop();
        self.release(frame.frame);
        Ok(())
    }

    /// `_PyThreadState_PopFrame`: gives the frame's words back.
    fn release(&self, frame: NonNull<InterpreterFrame>) {
        let base = frame.as_ptr().cast::<usize>();
        let chunk = self.chunk.get();
        // SAFETY: `chunk` is the current chunk and `frame` its top frame.
        unsafe {
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

    /// The number of frames on the stack.
    pub fn depth(&self) -> usize {
        self.frames.borrow().len()
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
        let frames = self.frames.borrow();
        let p = *frames.iter().rev().nth(n)?;
        // SAFETY: a frame on the stack is alive until popped, which needs its handle; the
        // borrow of `self` keeps the stack alive.
        Some(unsafe { &*p.as_ptr() })
    }

    /// The top frame, if any.
    pub fn top_frame(&self) -> Option<&InterpreterFrame> {
        let top = *self.frames.borrow().last()?;
        // SAFETY: a frame on the stack is alive until popped, which needs its handle; the
        // borrow of `self` keeps the stack alive.
        Some(unsafe { &*top.as_ptr() })
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
        let frames = core::mem::take(self.frames.get_mut());
        for f in frames.iter().rev() {
            // SAFETY: a frame still on the stack (no handle is left: each borrows the stack).
            let f = unsafe { f.as_ref() };
            f.clear_except_code(self.heap);
            f.release_code(self.heap);
        }
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
