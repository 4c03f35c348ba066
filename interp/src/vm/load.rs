//! Turning the compiler's plain [`CodeObject`] tree into pyrt code objects (the last step of
//! CPython's `_PyAST_Compile`: `_PyCode_New` for each unit, constants made objects).
//!
//! Equal constants of one module become one object, as the compiler's `merge_consts_recursive`
//! and `_PyCode_ConstantKey` merge them: a [`ConstantPool`] keeps each constant made so far
//! and hands the same object back for a [`Constant::same_constant`] one (so `0.0` and `-0.0`,
//! `1` and `True` stay apart). Names become interned str objects (`new_code` interns them).

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash as _, Hasher as _};

use num_bigint::{BigInt, Sign};
use pyrt_compiler::{CodeObject, Constant};
use pyrt_objects::long_digits::LongValue;
use pyrt_objects::types::{bytes, code, complex, float, long, none, set_ops, tuple, unicode};
use pyrt_objects::{Heap, Obj, PyResult};

/// The constants made for one compilation (a module, a `compile()`, a REPL line), for merging
/// equal ones. Each compilation has its own, as each of CPython's compiler runs has its own
/// `c_const_cache`: equal constants of two compilations are two objects, unless interning
/// makes them one (identifier-like strs, small ints).
pub(crate) struct ConstantPool<'py> {
    made: Vec<(Constant, Obj<'py>)>,
    /// Indexes into `made` by [`merge_hash`], so finding an equal constant is not a scan of
    /// every constant made (a 100,000-item constant list would take quadratic time).
    by_hash: HashMap<u64, Vec<usize>>,
}

/// A hash of `c` that agrees with [`Constant::same_constant`]: same constants hash alike
/// (floats by their bits, so `0.0` and `-0.0` differ; the kind is hashed, so `1` and `True`
/// differ). Code objects are never pooled and hash by kind only.
fn merge_hash(c: &Constant) -> u64 {
    fn feed(c: &Constant, h: &mut DefaultHasher) {
        std::mem::discriminant(c).hash(h);
        match c {
            Constant::None | Constant::Ellipsis | Constant::Code(_) => {}
            Constant::Bool(b) => b.hash(h),
            Constant::Int(i) => i.hash(h),
            Constant::Float(f) => f.to_bits().hash(h),
            Constant::Complex(re, im) => (re.to_bits(), im.to_bits()).hash(h),
            Constant::Str(s) => s.hash(h),
            Constant::Bytes(b) => b.hash(h),
            Constant::Tuple(items) | Constant::FrozenSet(items) => {
                items.len().hash(h);
                for i in items.iter() {
                    feed(i, h);
                }
            }
        }
    }
    let mut h = DefaultHasher::new();
    feed(c, &mut h);
    h.finish()
}

impl<'py> ConstantPool<'py> {
    /// An empty pool.
    pub(crate) fn new() -> ConstantPool<'py> {
        ConstantPool {
            made: Vec::new(),
            by_hash: HashMap::new(),
        }
    }

    /// The object for `c`: the one made before for an equal constant, else a new one.
    fn constant(&mut self, heap: &'py Heap, c: &Constant) -> PyResult<Obj<'py>> {
        if let Constant::Code(code) = c {
            return self.code(heap, code);
        }
        let hash = merge_hash(c);
        if let Some(found) = self.by_hash.get(&hash)
            && let Some(&i) = found.iter().find(|&&i| self.made[i].0.same_constant(c))
        {
            return Ok(self.made[i].1.clone());
        }
        let o = match c {
            Constant::None => none(heap),
            Constant::Bool(b) => long::new_bool(heap, *b),
            Constant::Ellipsis => pyrt_objects::types::ellipsis(heap),
            Constant::Int(i) => int_object(heap, i)?,
            Constant::Float(f) => float::new_float(heap, *f)?,
            Constant::Complex(re, im) => complex::new_complex(heap, *re, *im)?,
            Constant::Str(s) => unicode::new_str(heap, s)?,
            Constant::Bytes(b) => bytes::new_bytes(heap, b)?,
            Constant::Tuple(items) => {
                let items = items
                    .iter()
                    .map(|i| self.constant(heap, i))
                    .collect::<PyResult<Vec<_>>>()?;
                tuple::new_tuple(heap, items)?
            }
            Constant::FrozenSet(items) => {
                let items = items
                    .iter()
                    .map(|i| self.constant(heap, i))
                    .collect::<PyResult<Vec<_>>>()?;
                set_ops::frozenset_from_items(heap, items)?
            }
            // Handled (never pooled) above.
            Constant::Code(c) => return self.code(heap, c),
        };
        self.by_hash.entry(hash).or_default().push(self.made.len());
        self.made.push((c.clone(), o.clone()));
        Ok(o)
    }

    /// The code object of `c` and, inside its constants, of every unit nested in it.
    pub(crate) fn code(&mut self, heap: &'py Heap, c: &CodeObject) -> PyResult<Obj<'py>> {
        let consts = c
            .consts
            .iter()
            .map(|k| self.constant(heap, k))
            .collect::<PyResult<Vec<_>>>()?;
        let strs = |names: &[std::rc::Rc<str>]| -> PyResult<Obj<'py>> {
            let items = names
                .iter()
                .map(|n| unicode::new_str(heap, n))
                .collect::<PyResult<Vec<_>>>()?;
            tuple::new_tuple(heap, items)
        };
        let name = unicode::intern(heap, unicode::new_str(heap, &c.name)?)?;
        let qualname = unicode::intern(heap, unicode::new_str(heap, &c.qualname)?)?;
        code::new_code(
            heap,
            code::CodeParts {
                filename: unicode::new_str(heap, &c.filename)?,
                name,
                qualname,
                flags: c.flags as i32,
                code: bytes::new_bytes(heap, &c.code)?,
                firstlineno: c.firstlineno as i32,
                linetable: bytes::new_bytes(heap, &c.linetable)?,
                consts: tuple::new_tuple(heap, consts)?,
                names: strs(&c.names)?,
                localsplusnames: strs(&c.localsplusnames)?,
                localspluskinds: bytes::new_bytes(heap, &c.localspluskinds)?,
                argcount: c.argcount as i32,
                posonlyargcount: c.posonlyargcount as i32,
                kwonlyargcount: c.kwonlyargcount as i32,
                stacksize: c.stacksize as i32,
                exceptiontable: bytes::new_bytes(heap, &c.exceptiontable)?,
            },
        )
    }
}

/// An int of any size, its digits written 30 bits at a time.
fn int_object<'h>(heap: &'h Heap, i: &BigInt) -> PyResult<Obj<'h>> {
    if let Ok(small) = i64::try_from(i) {
        return long::int_from_i64(heap, small);
    }
    let (sign, magnitude) = i.clone().into_parts();
    let mut bits = magnitude.to_radix_le(2);
    let mut digits = Vec::with_capacity(bits.len() / 30 + 1);
    for chunk in bits.chunks_mut(30) {
        let d = chunk
            .iter()
            .rev()
            .fold(0u32, |acc, &b| (acc << 1) | u32::from(b));
        digits.push(d);
    }
    long::new_int(
        heap,
        &LongValue::from_sign_digits(sign == Sign::Minus, digits),
    )
}
