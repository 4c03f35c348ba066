//! The buffer protocol as pyrt's bytes-like types use it (`PyObject_GetBuffer` with
//! `PyBUF_SIMPLE`, `Objects/abstract.c`): the contiguous bytes of a `bytes`, `bytearray`,
//! `memoryview` or `array.array`, copied out, so a caller may change the exporter while it
//! holds them (`ba[:] = ba`, `ba.extend(ba)`).

use crate::object::PyObject;
use crate::types::{array, bytearray, bytes, memoryview};

/// Whether `o` exports a buffer (`PyObject_CheckBuffer`).
pub fn has_buffer(o: &PyObject) -> bool {
    bytes::is_bytes(o)
        || bytearray::is_bytearray(o)
        || memoryview::is_memoryview(o)
        || array::is_array(o)
}

/// A copy of the bytes `o` exports, `None` when it has no buffer (or is a released
/// memoryview).
pub fn contiguous_bytes(o: &PyObject) -> Option<Vec<u8>> {
    if let Some(b) = bytes::Bytes::cast(o) {
        return Some(bytes::bytes_value(b).to_vec());
    }
    if let Some(b) = bytearray::ByteArray::cast(o) {
        return Some(bytearray::data(b).to_vec());
    }
    if let Some(m) = memoryview::MemoryView::cast(o) {
        return memoryview::to_bytes(m).ok();
    }
    if let Some(a) = array::Array::cast(o) {
        return Some(array::raw_bytes(a).to_vec());
    }
    None
}
