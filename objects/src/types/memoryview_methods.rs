//! The methods of `memoryview` (`memory_methods` in `Objects/memoryobject.c`): `tobytes`,
//! `tolist`, `hex`, `release`, `toreadonly`, and the context manager (`__enter__` gives the
//! view, `__exit__` releases it).

use crate::error::PyResult;
use crate::heap::Heap;
use crate::methods::{Bound, MethodDef, MethodTable, Params};
use crate::obj::Obj;
use crate::types::memoryview::{self, MemoryView};
use crate::types::{bytes, none, unicode};

/// `memoryview`'s methods.
pub static MEMORYVIEW_METHODS: MethodTable<MemoryView> = MethodTable {
    type_name: "memoryview",
    methods: &[
        MethodDef {
            name: "release",
            params: Params::NoArgs,
            call: release,
        },
        MethodDef {
            name: "tobytes",
            params: Params::NoArgs,
            call: tobytes,
        },
        MethodDef {
            name: "hex",
            params: Params::NoArgs,
            call: hex,
        },
        MethodDef {
            name: "tolist",
            params: Params::NoArgs,
            call: tolist,
        },
        MethodDef {
            name: "toreadonly",
            params: Params::NoArgs,
            call: toreadonly,
        },
        MethodDef {
            name: "__enter__",
            params: Params::NoArgs,
            call: enter,
        },
        MethodDef {
            name: "__exit__",
            params: Params::AnyArgs,
            call: exit,
        },
    ],
};

fn release<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    memoryview::release(heap, m);
    Ok(none(heap))
}

fn tobytes<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    bytes::new_bytes(heap, &memoryview::to_bytes(m)?)
}

fn hex<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    let text: String = memoryview::to_bytes(m)?
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    unicode::new_str(heap, &text)
}

fn tolist<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    memoryview::to_list(heap, m)
}

/// `m.toreadonly()`: a new read-only view of the same memory.
fn toreadonly<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    memoryview::readonly_copy(heap, m)
}

fn enter<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    memoryview::length(m)?;
    // SAFETY: the receiver is a live object of this heap.
    Ok(unsafe { Obj::from_borrowed(heap, m) })
}

fn exit<'h>(heap: &'h Heap, m: &MemoryView, _: Bound<'_, 'h>) -> PyResult<Obj<'h>> {
    memoryview::release(heap, m);
    Ok(none(heap))
}
