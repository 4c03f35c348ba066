//! pyrt's shipped `pprint` (`interp/lib/pprint.py`) run by CPython 3.12 itself and compared
//! with CPython's own `pprint` on the types pyrt cannot build yet (`collections`' OrderedDict,
//! defaultdict, Counter, ChainMap, deque, UserDict/UserList/UserString, dataclass instances,
//! bytearray): their printers are written and checked before pyrt runs them. The corpus
//! scripts 740–748 compare what pyrt itself prints. Skipped with a notice without CPython.

use std::path::Path;

#[test]
fn the_shipped_pprint_lays_out_as_cpythons_under_cpython() {
    let Some(check) = pyrt_tests::cpython::cross_check(1) else {
        eprintln!("shipped_pprint_under_cpython: no CPython 3.12, not compared");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("tests/stdlib/pprint_under_cpython.py");
    let pprint = root.join("../interp/lib/pprint.py");
    let out = check
        .python()
        .command()
        .arg(&script)
        .arg(&pprint)
        .output()
        .expect("CPython runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the script failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().last(),
        Some("compared 110 differ 0"),
        "the shipped pprint differs from CPython's:\n{stdout}"
    );
    check.compared(1);
}
