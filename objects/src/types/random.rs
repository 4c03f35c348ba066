//! `_random.Random` (`Modules/_randommodule.c`): the Mersenne Twister MT19937 behind
//! `random.Random`, with CPython's layout and seeding, so that the same seed gives the same
//! numbers bit for bit.
//!
//! `RandomObject` is the header, `int index` and `uint32_t state[624]`: 2516 bytes, 2520 with
//! the padding, `__basicsize__` and `sys.getsizeof` as CPython's. The type is not a GC type
//! (an exact instance is never tracked) and is a base type: `random.Random` and user classes
//! subclass it ([`builtin_subclass`](crate::types::builtin_subclass) makes their instances:
//! this layout, then GC and a managed dict, so `sys.getsizeof(random.Random())` is 2552).
//!
//! The type lives in the object layer because nothing in it needs the interpreter: seeding
//! reads an int's digits or a hash, `getrandbits` builds an int from words. Its methods are in
//! [`random_methods`](crate::types::random_methods); `tp_new` is `PyType_GenericNew` (a zeroed
//! state, index 0) and `tp_init` is [`random_init`].
//!
//! States: `index` is in `0..=624`; 624 means the next output twists the whole state first.

use core::cell::Cell;
use core::ptr;

use crate::error::{ExcKind, PyErr, PyResult};
use crate::heap::Heap;
use crate::long_digits::LongValue;
use crate::obj::Obj;
use crate::object::{ObjPtr, PyObject};
use crate::typeobj::{PyTypeObject, Slots, StaticType, TypeFlags, TypeSpec};
use crate::types::{OBJECT_TYPE, TYPE_TYPE, long, long_bytes};

/// The state's length in words (`N`).
pub const N: usize = 624;
/// The twist's offset (`M`).
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `RandomObject`.
#[repr(C)]
pub struct RandomObject {
    ob_base: PyObject,
    index: Cell<i32>,
    state: [Cell<u32>; N],
}

/// `sizeof(RandomObject)`.
pub const RANDOM_BASICSIZE: usize = 2520;
const _: () = assert!(size_of::<RandomObject>() == RANDOM_BASICSIZE);

/// Whether `o` is a `_random.Random` or an instance of a subclass of it.
pub fn is_random(o: &PyObject) -> bool {
    o.ob_type().is_subtype(RANDOM_TYPE.get())
}

crate::view! {
    /// A `_random.Random` (or an instance of a subclass: the same layout first).
    pub struct Random: "_random.Random" = is_random;
}

fn fields(r: &Random) -> &RandomObject {
    // SAFETY: the view guarantees a `_random.Random` layout, which starts with a
    // `RandomObject`.
    unsafe { &*ptr::from_ref(r).cast::<RandomObject>() }
}

/// The slots of `_random.Random` (the base of its subclasses' slots).
pub(crate) static RANDOM_SLOTS: Slots = Slots {
    dealloc: random_dealloc,
    sizeof: None,
    repr: crate::types::base::object_repr,
    str: None,
    hash: Some(crate::types::identity_hash),
    richcompare: None,
    number: None,
    sequence: None,
    traverse: None,
    clear: None,
    members: &[],
    getattr: None,
    setattr: None,
};

/// `_random.Random`: `Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE`, no GC.
pub static RANDOM_TYPE: StaticType = StaticType::new(
    &TYPE_TYPE,
    TypeSpec {
        name: "_random.Random",
        basicsize: RANDOM_BASICSIZE,
        itemsize: 0,
        flags: TypeFlags::BASETYPE,
        base: Some(&OBJECT_TYPE),
        slots: &RANDOM_SLOTS,
    },
);

unsafe fn random_dealloc(heap: &Heap, op: ObjPtr) {
    // SAFETY: a dead exact `_random.Random` of this heap, which owns no references.
    unsafe { heap.free_object(op, RANDOM_TYPE.get()) }
}

/// Allocates an instance of `ty` (`_random.Random` or a class on it) with a zeroed state and
/// index 0 (`PyType_GenericNew`), the class's member cells after the state unset. The caller
/// of a class's instance takes the reference to the class and tracks it.
///
/// # Errors
/// `MemoryError` when the allocator refuses.
pub(crate) fn alloc_random<'h>(heap: &'h Heap, ty: &PyTypeObject) -> PyResult<Obj<'h>> {
    let size = ty.basicsize().max(RANDOM_BASICSIZE);
    let op = heap.alloc_object(ty, size)?;
    // SAFETY: a fresh body of `size` bytes whose one reference we own: everything after the
    // header is zeroed (index 0, the state, the member cells), as `PyType_GenericAlloc` does.
    unsafe {
        op.cast::<u8>()
            .add(size_of::<PyObject>())
            .write_bytes(0, size - size_of::<PyObject>());
        Ok(Obj::from_owned(heap, op))
    }
}

/// `_random.Random()` without `__init__`: a zeroed generator.
///
/// # Errors
/// `MemoryError`.
pub fn new_random(heap: &Heap) -> PyResult<Obj<'_>> {
    alloc_random(heap, RANDOM_TYPE.get())
}

/// `init_genrand`: the state from one word.
fn init_genrand(r: &RandomObject, s: u32) {
    let mt = &r.state;
    mt[0].set(s);
    for i in 1..N {
        let prev = mt[i - 1].get();
        mt[i].set(
            1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32),
        );
    }
    r.index.set(N as i32);
}

/// `init_by_array`: the state from a key of words (the seed).
fn init_by_array(r: &RandomObject, key: &[u32]) {
    let mt = &r.state;
    init_genrand(r, 19_650_218);
    let (mut i, mut j) = (1usize, 0usize);
    for _ in 0..N.max(key.len()) {
        let prev = mt[i - 1].get();
        let v = (mt[i].get() ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        mt[i].set(v);
        i += 1;
        j += 1;
        if i >= N {
            mt[0].set(mt[N - 1].get());
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
    }
    for _ in 0..N - 1 {
        let prev = mt[i - 1].get();
        let v = (mt[i].get() ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(i as u32);
        mt[i].set(v);
        i += 1;
        if i >= N {
            mt[0].set(mt[N - 1].get());
            i = 1;
        }
    }
    mt[0].set(0x8000_0000);
}

/// The twist: the next 624 words of the state.
#[cold]
fn twist(mt: &[Cell<u32>; N]) {
    let mag = |y: u32| if y & 1 != 0 { MATRIX_A } else { 0 };
    for kk in 0..N - 1 {
        let y = (mt[kk].get() & UPPER_MASK) | (mt[kk + 1].get() & LOWER_MASK);
        let far = mt[(kk + M) % N].get();
        mt[kk].set(far ^ (y >> 1) ^ mag(y));
    }
    let y = (mt[N - 1].get() & UPPER_MASK) | (mt[0].get() & LOWER_MASK);
    mt[N - 1].set(mt[M - 1].get() ^ (y >> 1) ^ mag(y));
}

/// `genrand_uint32`: the next 32-bit output.
#[inline]
fn genrand_uint32(r: &RandomObject) -> u32 {
    let mut i = r.index.get() as usize;
    if i >= N {
        twist(&r.state);
        i = 0;
    }
    let mut y = r.state[i].get();
    r.index.set(i as i32 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// `random()`: a double in [0, 1) from 53 bits of two outputs (`genrand_res53`).
pub fn random_random(r: &Random) -> f64 {
    let r = fields(r);
    let a = genrand_uint32(r) >> 5;
    let b = genrand_uint32(r) >> 6;
    (f64::from(a) * 67_108_864.0 + f64::from(b)) * (1.0 / 9_007_199_254_740_992.0)
}

/// Seeds from the system's entropy (`random_seed_urandom`), or, when it cannot be read, from
/// the clock and the process id (`random_seed_time_pid`).
fn seed_from_os(r: &RandomObject) {
    let mut bytes = [0u8; N * 4];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut bytes));
    let key: Vec<u32> = match read {
        Ok(()) => bytes
            .chunks_exact(4)
            .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        Err(_) => {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos() as u64);
            let mono = std::time::Instant::now().elapsed().as_nanos() as u64;
            vec![
                now as u32,
                (now >> 32) as u32,
                std::process::id(),
                mono as u32,
                (mono >> 32) as u32,
            ]
        }
    };
    init_by_array(r, &key);
}

/// `random_seed`: `None` seeds from the system's entropy; an int by the 32-bit words of its
/// absolute value, least significant first; anything else by its hash as an unsigned word.
///
/// # Errors
/// What hashing `arg` raises (`TypeError: unhashable type: 'list'`).
pub fn random_seed(heap: &Heap, r: &Random, arg: Option<&PyObject>) -> PyResult<()> {
    let fields = fields(r);
    let Some(arg) = arg.filter(|a| !crate::numbers::is_none(a)) else {
        seed_from_os(fields);
        return Ok(());
    };
    let n = match long::Int::cast(arg) {
        Some(i) => long::long_value(i).abs(),
        None => LongValue::from_u64(crate::abstract_::hash(heap, arg)? as u64),
    };
    let bits = n.bit_length() as usize;
    let words = if bits == 0 { 1 } else { (bits - 1) / 32 + 1 };
    let bytes = long_bytes::to_bytes(&n, words * 4, true, false)?;
    let key: Vec<u32> = bytes
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    init_by_array(fields, &key);
    Ok(())
}

/// `random_init` (`tp_init`): `Random(x)` seeds with `x`, `Random()` from the system;
/// keywords are refused when the instance's `__init__` is this one (`no_keywords`: an exact
/// instance, or a class that does not define `__init__`).
///
/// # Errors
/// `TypeError: Random() takes no keyword arguments`, `TypeError: Random() requires 0 or 1
/// argument`; as [`random_seed`].
pub fn random_init(
    heap: &Heap,
    r: &Random,
    args: &[Obj<'_>],
    has_keywords: bool,
    no_keywords: bool,
) -> PyResult<()> {
    if no_keywords && has_keywords {
        return Err(PyErr::type_error("Random() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(PyErr::type_error("Random() requires 0 or 1 argument"));
    }
    random_seed(heap, r, args.first().map(Obj::object))
}

/// `getstate()`: the 624 words and the index, as a 625-tuple of ints.
///
/// # Errors
/// `MemoryError`.
pub fn random_getstate<'h>(heap: &'h Heap, r: &Random) -> PyResult<Obj<'h>> {
    let f = fields(r);
    let mut items = Vec::with_capacity(N + 1);
    for w in &f.state {
        items.push(long::int_from_i64(heap, i64::from(w.get()))?);
    }
    items.push(long::int_from_i64(heap, i64::from(f.index.get()))?);
    crate::types::tuple::new_tuple(heap, items)
}

/// `PyLong_AsUnsignedLong` of a state word: an int (no `__index__`) of 0 to 2**64 - 1.
fn state_word(o: &PyObject) -> PyResult<u64> {
    let Some(i) = long::Int::cast(o) else {
        return Err(PyErr::type_error("an integer is required"));
    };
    let v = long::long_value(i);
    if v.is_negative() {
        return Err(PyErr::overflow_error(
            "can't convert negative value to unsigned int",
        ));
    }
    v.to_u64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C unsigned long"))
}

/// `setstate(state)`: the words (each cut to 32 bits) and the index of a 625-tuple.
///
/// # Errors
/// `TypeError: state vector must be a tuple`, `ValueError: state vector is the wrong size`,
/// the conversion errors of the items, `ValueError: invalid state` for an index out of
/// `0..=624`.
pub fn random_setstate(r: &Random, state: &PyObject) -> PyResult<()> {
    let Some(t) = crate::types::tuple::Tuple::cast(state) else {
        return Err(PyErr::type_error("state vector must be a tuple"));
    };
    let items = crate::types::tuple::items(t);
    if items.len() != N + 1 {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "state vector is the wrong size",
        ));
    }
    let mut words = [0u32; N];
    for (w, item) in words.iter_mut().zip(items) {
        // SAFETY: the tuple holds a reference to each item.
        *w = state_word(unsafe { item.as_ref() })? as u32;
    }
    // SAFETY: as above.
    let index = crate::numbers::index_value(unsafe { items[N].as_ref() })?;
    let index = index
        .to_i64()
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C long"))?;
    if !(0..=N as i64).contains(&index) {
        return Err(PyErr::new(ExcKind::ValueError, "invalid state"));
    }
    let f = fields(r);
    f.index.set(index as i32);
    for (cell, w) in f.state.iter().zip(words) {
        cell.set(w);
    }
    Ok(())
}

/// `getrandbits(k)`: an int of `k` random bits, from whole outputs, least significant word
/// first, the last one cut to its top bits.
///
/// # Errors
/// The conversion errors of `k` (a C `int`), `ValueError: number of bits must be
/// non-negative`; `MemoryError`.
pub fn random_getrandbits<'h>(heap: &'h Heap, r: &Random, k: &PyObject) -> PyResult<Obj<'h>> {
    let k = crate::numbers::index_value(k)?
        .to_i64()
        .and_then(|k| i32::try_from(k).ok())
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C int"))?;
    if k < 0 {
        return Err(PyErr::new(
            ExcKind::ValueError,
            "number of bits must be non-negative",
        ));
    }
    let f = fields(r);
    if k == 0 {
        return long::int_from_i64(heap, 0);
    }
    if k <= 32 {
        return long::int_from_i64(heap, i64::from(genrand_uint32(f) >> (32 - k)));
    }
    let words = (k as usize - 1) / 32 + 1;
    let mut bytes = Vec::with_capacity(words * 4);
    let mut left = k;
    for _ in 0..words {
        let mut w = genrand_uint32(f);
        if left < 32 {
            w >>= 32 - left;
        }
        bytes.extend_from_slice(&w.to_le_bytes());
        left -= 32;
    }
    long::new_int(heap, &long_bytes::from_bytes(&bytes, true, false))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn generator(heap: &Heap, seed: i64) -> Obj<'_> {
        let g = new_random(heap).unwrap();
        let n = long::int_from_i64(heap, seed).unwrap();
        random_seed(heap, Random::cast(g.object()).unwrap(), Some(n.object())).unwrap();
        g
    }

    #[test]
    fn seeds_give_cpython_3_12_numbers() {
        let heap = Heap::new();
        // `random.Random(s).random()` and `_random.Random(s).getrandbits(32)` in CPython 3.12.1.
        let g = generator(&heap, 1);
        let r = Random::cast(g.object()).unwrap();
        assert_eq!(random_random(r), 0.134_364_244_112_401_22);
        let g = generator(&heap, -1);
        assert_eq!(
            random_random(Random::cast(g.object()).unwrap()),
            0.134_364_244_112_401_22
        );
        let g = generator(&heap, 0);
        assert_eq!(
            random_random(Random::cast(g.object()).unwrap()),
            0.844_421_851_525_048_1
        );
    }

    #[test]
    fn sizes_are_cpythons() {
        let heap = Heap::new();
        let g = new_random(&heap).unwrap();
        assert_eq!(crate::abstract_::getsizeof(g.object()), 2520);
        assert!(!heap.is_tracked(g.object()));
    }

    #[test]
    fn state_round_trips_and_bad_states_are_refused() {
        let heap = Heap::new();
        let g = generator(&heap, 42);
        let r = Random::cast(g.object()).unwrap();
        let state = random_getstate(&heap, r).unwrap();
        let first = random_random(r);
        random_setstate(r, state.object()).unwrap();
        assert_eq!(random_random(r), first);
        let short = crate::types::tuple::new_tuple(&heap, Vec::new()).unwrap();
        let err = random_setstate(r, short.object()).unwrap_err();
        assert_eq!(err.message(), "state vector is the wrong size");
    }
}
