//! The standard library pyrt ships (`interp/lib/`, embedded in the binary): found after the
//! script's folder and `PYTHONPATH` as the last entry of `sys.path`, shadowed by a user's module
//! of the same name, named `<pyrt-lib>/NAME.py` in `__file__` and in tracebacks.

use std::io::Write as _;
use std::process::{Command, Output};

/// A scratch folder of its own for each test.
fn scratch(test: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrt-shipped-lib-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary folder");
    dir
}

fn write(dir: &std::path::Path, name: &str, source: &str) {
    std::fs::File::create(dir.join(name))
        .and_then(|mut f| f.write_all(source.as_bytes()))
        .expect("the file is written");
}

fn pyrt(dir: &std::path::Path, script: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .current_dir(dir)
        .env_remove("PYTHONPATH")
        .args(["run", script])
        .output()
        .expect("the pyrt binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_shipped_module_is_found_after_the_script_folder() {
    let dir = scratch("found");
    write(
        &dir,
        "main.py",
        "import sys, keyword\n\
         print(keyword.__name__, keyword.__file__, keyword.__package__)\n\
         print(keyword.iskeyword('for'), keyword.issoftkeyword('match'), len(keyword.kwlist))\n\
         print(sys.path[-1], sys.modules['keyword'] is keyword)\n",
    );
    let out = pyrt(&dir, "main.py");
    assert_eq!(text(&out.stderr), "");
    assert_eq!(
        text(&out.stdout),
        "keyword <pyrt-lib>/keyword.py \nTrue True 35\n<pyrt-lib> True\n"
    );
}

#[test]
fn a_module_beside_the_script_shadows_the_shipped_one() {
    let dir = scratch("shadow");
    write(&dir, "keyword.py", "kwlist = ['mine']\n");
    write(
        &dir,
        "main.py",
        "import keyword\nprint(keyword.kwlist, keyword.__file__.endswith('/keyword.py'))\n",
    );
    let out = pyrt(&dir, "main.py");
    assert_eq!(text(&out.stdout), "['mine'] True\n");
    assert!(!text(&out.stdout).contains("<pyrt-lib>"));
}

#[test]
fn without_its_sys_path_entry_the_shipped_library_is_not_found() {
    let dir = scratch("removed");
    write(
        &dir,
        "main.py",
        "import sys\nsys.path.remove('<pyrt-lib>')\n\
         try:\n    import keyword\nexcept ModuleNotFoundError as e:\n    print(e)\n",
    );
    let out = pyrt(&dir, "main.py");
    assert_eq!(text(&out.stdout), "No module named 'keyword'\n");
}
