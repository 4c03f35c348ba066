//! Decoding code units for the dispatch loop (`_PyOpcode_Caches` and the `EXTENDED_ARG`
//! prefix of `Python/ceval.c`): how far the loop moves past an instruction, as one constant
//! table the loop indexes with the opcode byte.

use pyrt_compiler::opcode::Opcode;

/// `_PyOpcode_Caches`: the inline cache units after each opcode, indexed by the opcode byte.
/// A `const` table, so the loop reads it without a first-use check; a test compares it with
/// [`Opcode::cache_entries`], the compiler's table.
pub(super) const CACHE_ENTRIES: [u8; 256] = {
    let mut t = [0u8; 256];
    t[Opcode::BinaryOp as usize] = 1;
    t[Opcode::BinarySubscr as usize] = 1;
    t[Opcode::Call as usize] = 3;
    t[Opcode::CompareOp as usize] = 1;
    t[Opcode::ForIter as usize] = 1;
    t[Opcode::LoadAttr as usize] = 9;
    t[Opcode::LoadGlobal as usize] = 4;
    t[Opcode::LoadSuperAttr as usize] = 1;
    t[Opcode::Send as usize] = 1;
    t[Opcode::StoreAttr as usize] = 4;
    t[Opcode::StoreSubscr as usize] = 1;
    t[Opcode::UnpackSequence as usize] = 1;
    t
};

/// The instruction whose first unit (an `EXTENDED_ARG` or the opcode itself) is `word` at
/// unit `at`: `(opcode, oparg, the unit of the opcode)`, the `EXTENDED_ARG` prefixes folded
/// into the argument as `ceval.c`'s `EXTENDED_ARG` does.
///
/// # Safety
/// `units` must point at the code's first unit, and every `EXTENDED_ARG` of the code must be
/// followed by another unit (the compiler emits it only as a prefix of an instruction).
#[cold]
#[inline(never)]
pub(super) unsafe fn extended(
    units: *const core::cell::Cell<u16>,
    mut at: usize,
    word: u16,
) -> (u8, usize, usize) {
    let mut op = (word & 0xff) as u8;
    let mut oparg = usize::from(word >> 8);
    while op == Opcode::ExtendedArg as u8 {
        at += 1;
        // SAFETY: a prefix is followed by a unit of the same code (caller).
        let w = unsafe { (*units.add(at)).get() };
        op = (w & 0xff) as u8;
        oparg = (oparg << 8) | usize::from(w >> 8);
    }
    (op, oparg, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_table_is_the_compilers() {
        for n in 0..256u16 {
            let want = Opcode::from_u16(n).map_or(0, Opcode::cache_entries);
            assert_eq!(usize::from(CACHE_ENTRIES[n as usize]), want, "opcode {n}");
        }
        assert_eq!(CACHE_ENTRIES[Opcode::LoadAttr as usize], 9);
    }
}
