//! The standard library pyrt ships: Python sources under `interp/lib/`, embedded in the binary
//! by `build.rs` and run on pyrt's own VM, as CPython ships `Lib/` (`pprint.py`,
//! `tracemalloc.py` over the built-in `_tracemalloc`, ...).
//!
//! They live in a folder that is not on disk, [`LIB_DIR`]: it is the last entry of `sys.path`
//! (where CPython lists its `Lib/`), so a script's own `pprint.py` shadows the shipped one and
//! a script that removes the entry loses the library, as in CPython. A shipped module's
//! `__file__` is `<pyrt-lib>/pprint.py`; a shipped package's `__path__` is
//! `['<pyrt-lib>/collections']`. Tracebacks show their lines like any file's.

use std::path::Path;

include!(concat!(env!("OUT_DIR"), "/shipped_lib.rs"));

/// The folder name the shipped library is found under (`sys.path`'s last entry).
pub(crate) const LIB_DIR: &str = "<pyrt-lib>";

/// The shipped source at `path` (`<pyrt-lib>/pprint.py`), if `path` names one.
pub(crate) fn source(path: &Path) -> Option<&'static str> {
    let relative = path.to_str()?.strip_prefix(LIB_DIR)?.strip_prefix('/')?;
    FILES
        .binary_search_by(|(p, _)| (*p).cmp(relative))
        .ok()
        .map(|i| FILES[i].1)
}

/// Whether `dir` is the shipped library or a package folder inside it.
pub(crate) fn is_shipped_dir(dir: &Path) -> bool {
    dir.to_str()
        .is_some_and(|d| d == LIB_DIR || d.starts_with(&format!("{LIB_DIR}/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_for_binary_search() {
        assert!(FILES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn sources_are_found_by_their_lib_path_only() {
        assert!(source(Path::new("<pyrt-lib>/keyword.py")).is_some_and(|s| s.contains("kwlist")));
        assert_eq!(source(Path::new("keyword.py")), None);
        assert_eq!(source(Path::new("<pyrt-lib>/no_such_module.py")), None);
        assert!(is_shipped_dir(Path::new("<pyrt-lib>")));
        assert!(is_shipped_dir(Path::new("<pyrt-lib>/collections")));
        assert!(!is_shipped_dir(Path::new("<pyrt-libs>")));
    }
}
