//! Embeds the shipped standard library (`interp/lib/`, Python sources pyrt runs on its own VM,
//! as CPython ships `Lib/`) into the binary: writes `$OUT_DIR/shipped_lib.rs`, one
//! `(relative path, include_str!(...))` entry per `.py` file, sorted by path.

use std::path::{Path, PathBuf};

fn collect(dir: &Path, root: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, root, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            let relative = path
                .strip_prefix(root)
                .expect("a file under lib/")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            out.push((relative, path));
        }
    }
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("lib");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut table = String::from("/// The shipped modules' sources, by path relative to `lib/`.\n");
    table.push_str("pub(crate) const FILES: &[(&str, &str)] = &[\n");
    for (relative, path) in &files {
        table.push_str(&format!(
            "    ({relative:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    table.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("shipped_lib.rs"), table).expect("OUT_DIR is writable");
}
