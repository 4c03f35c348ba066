//! The opcode table against the live CPython 3.12's `opcode` module: every number, name,
//! argument kind and cache count.

use pyrt_compiler::opcode::{ALL, ArgKind, Opcode};
use pyrt_tests::cpython::cross_check;

#[test]
fn opcode_table_matches_cpython() {
    let Some(check) = cross_check(1) else { return };
    let lines = check.python().run(
        "import opcode\n\
         inv = {v: k for k, v in opcode.opmap.items()}\n\
         caches = opcode._inline_cache_entries\n\
         def kind(i):\n\
         \x20   for name in ('hasconst', 'hasname', 'haslocal', 'hasfree', 'hasjrel', 'hascompare'):\n\
         \x20       if i in getattr(opcode, name): return name\n\
         \x20   return 'other' if i >= opcode.HAVE_ARGUMENT else 'none'\n\
         for i, name in sorted(inv.items()):\n\
         \x20   if name.startswith('INSTRUMENTED_'): continue\n\
         \x20   print(i, name, kind(i), caches[i] if i < 256 else 0)\n",
    );
    let ours: Vec<String> = ALL
        .iter()
        .map(|&op| {
            let kind = match op.arg_kind() {
                ArgKind::Const => "hasconst",
                ArgKind::Name => "hasname",
                ArgKind::Local => "haslocal",
                ArgKind::Free => "hasfree",
                ArgKind::Jump => "hasjrel",
                ArgKind::Compare => "hascompare",
                // SETUP_* (hasexc) and POP_BLOCK are 'other' to `opcode`: numbered past
                // HAVE_ARGUMENT, in no other list.
                ArgKind::Other | ArgKind::None if op.is_pseudo() => "other",
                ArgKind::Other => "other",
                ArgKind::None => "none",
            };
            format!(
                "{} {} {} {}",
                op as u16,
                op.name(),
                kind,
                op.cache_entries()
            )
        })
        .collect();
    assert_eq!(ours, lines);
    check.compared(1);
}

#[test]
fn numbers_round_trip() {
    for &op in ALL {
        assert_eq!(Opcode::from_u16(op as u16), Some(op));
    }
    assert_eq!(Opcode::from_u16(6), None);
    assert_eq!(
        Opcode::from_u16(237),
        None,
        "instrumented forms are not listed"
    );
}
