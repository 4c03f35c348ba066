//! The seed documents' snippets (`cli/tests/seeds/`, extracted from `../shared/seeds/` by
//! `scripts/extract_seed_snippets.py`, their code unchanged) run through `pyrt run`: a
//! transcript of each (insta snapshot), and the same snippet in a live CPython 3.12.1 printing
//! the same, addresses, the scratch folder and the allocator's arena alignment masked.
//!
//! A snippet in mode `script` (a program listing) runs as a script. A snippet in mode `cells`
//! (a notebook's cells, a REPL session) runs through a small driver, the same Python for both
//! interpreters: one namespace, each cell compiled alone as a notebook or REPL compiles it, its
//! last line shown (`'single'` mode) when it is an expression, an exception ending only its
//! cell (printed as `Type: message`, as the notebook went on to the next cell).
//!
//! A snippet that imports `recordclass` is compared with CPython running in a venv with
//! `recordclass==0.24.1` (`pyrt_tests::recordclass_venv`), and not compared where there is none.
//! Snippets whose other third-party modules are missing (`psutil`, `tabulate`, `guppy`) stop where
//! CPython stops too, with the same `ModuleNotFoundError`. [`DIFFERENT`] lists the snippets
//! pyrt does not print as CPython does yet, each with why; the list may only shrink.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Snippets whose transcript differs from CPython's, with the reason. The test fails when one
/// matches, so the list cannot hide a fixed snippet.
const DIFFERENT: &[(&str, &str)] = &[(
    "003_debugmallocstats",
    "by design: the allocator's state counts the interpreter's own blocks, which are pyrt's, not CPython's",
)];

/// The folder of the snippets.
fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/seeds")
}

/// The snippets' names (file stems), sorted.
fn snippets() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(seeds_dir())
        .expect("cli/tests/seeds exists")
        .filter_map(|e| {
            let name = e.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".py").map(str::to_string)
        })
        .collect();
    names.sort();
    names
}

/// A scratch folder of this test binary.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyrt-seeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// A Python string literal holding `text` (ASCII, with escapes for the rest).
fn py_literal(text: &str) -> String {
    let mut s = String::from("'");
    for c in text.chars() {
        match c {
            '\\' => s.push_str("\\\\"),
            '\'' => s.push_str("\\'"),
            '\n' => s.push_str("\\n"),
            ' '..='~' => s.push(c),
            c => s.push_str(&format!("\\U{:08x}", u32::from(c))),
        }
    }
    s.push('\'');
    s
}

/// The driver that runs a `cells` snippet's cells.
const CELLS_DRIVER: &str = r#"
def run_cells(cells):
    namespace = {"__name__": "__main__"}
    for number, cell in enumerate(cells, 1):
        lines = cell.rstrip("\n").split("\n")
        last = lines[-1]
        shown = False
        if last and not last[0].isspace():
            try:
                compile(last, "<cell>", "eval")
                shown = True
            except SyntaxError:
                pass
        name = f"<cell {number}>"
        try:
            if shown:
                exec(compile("\n".join(lines[:-1]) + "\n", name, "exec"), namespace)
                exec(compile("\n" * (len(lines) - 1) + last + "\n", name, "single"), namespace)
            else:
                exec(compile(cell, name, "exec"), namespace)
        except BaseException as e:
            print(f"{type(e).__name__}: {e}")
"#;

/// The script to run for snippet `name`: the snippet itself, or the cells driver with its
/// cells. Written to the scratch folder; its file name.
fn script_for(name: &str) -> String {
    let text =
        std::fs::read_to_string(seeds_dir().join(format!("{name}.py"))).expect("the snippet reads");
    let script = if text.starts_with("# mode: cells.") {
        let mut cells: Vec<String> = Vec::new();
        for line in text.lines().skip(1) {
            if line.starts_with("# %%") {
                cells.push(String::new());
            } else if let Some(cell) = cells.last_mut() {
                cell.push_str(line);
                cell.push('\n');
            }
        }
        let list: Vec<String> = cells.iter().map(|c| py_literal(c)).collect();
        format!(
            "{CELLS_DRIVER}\nrun_cells([\n    {},\n])\n",
            list.join(",\n    ")
        )
    } else {
        text
    };
    let file = format!("{name}.py");
    std::fs::write(scratch().join(&file), script).expect("the script is written");
    file
}

/// What a run printed, masked: addresses as `0x…`, the scratch folder as `<dir>`.
fn transcript(out: &Output) -> String {
    let dir = scratch().display().to_string();
    let mask = |bytes: &[u8]| {
        let text = String::from_utf8_lossy(bytes).replace(&dir, "<dir>");
        mask_arena_alignment(&pyrt_tests::mask_addresses(&text, "0x…"))
    };
    format!(
        "--- stdout ---\n{}--- stderr ---\n{}--- exit {:?}",
        mask(&out.stdout),
        mask(&out.stderr),
        out.status.code()
    )
}

/// `sys._debugmallocstats()`'s two lines that depend on where the OS mapped the arenas: an
/// arena that is not pool-aligned loses a pool to alignment, so the count of unused pools
/// and the bytes lost to alignment change from run to run. Their numbers become `…`.
fn mask_arena_alignment(text: &str) -> String {
    text.split_inclusive('\n')
        .map(|line| {
            let unused = line
                .split_once(" unused pools * ")
                .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()));
            if unused || line.starts_with("# bytes lost to arena alignment") {
                let label = line.split('=').next().unwrap_or(line);
                let label = if unused {
                    format!(
                        "… unused pools * {}",
                        label.split_once(" * ").map_or("", |(_, r)| r)
                    )
                } else {
                    label.to_string()
                };
                format!("{label}= …\n")
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// Whether snippet `name` imports the third-party `recordclass`.
fn imports_recordclass(name: &str) -> bool {
    std::fs::read_to_string(seeds_dir().join(format!("{name}.py")))
        .is_ok_and(|text| text.contains("from recordclass import"))
}

fn run_pyrt(file: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_pyrt"))
        .current_dir(scratch())
        .env_remove("PYTHONPATH")
        .args(["run", file])
        .output()
        .expect("the pyrt binary runs")
}

#[test]
fn the_extracted_snippets_are_all_here() {
    let names = snippets();
    assert_eq!(names.len(), 16, "{names:?}");
    for (name, _) in DIFFERENT {
        assert!(names.iter().any(|n| n == name), "{name} is not a snippet");
    }
}

#[test]
fn each_snippet_runs_in_pyrt_as_its_transcript_says() {
    for name in snippets() {
        let out = run_pyrt(&script_for(&name));
        insta::assert_snapshot!(format!("seed_{name}"), transcript(&out));
    }
}

#[test]
fn each_snippet_prints_what_cpython_prints() {
    let names = snippets();
    let Some(python) = pyrt_tests::cpython::cpython() else {
        let _ = pyrt_tests::cpython::cross_check(names.len());
        return;
    };
    // A snippet that imports recordclass runs in a venv with the package; without one it is
    // not compared.
    let venv = pyrt_tests::recordclass_venv::python(python);
    let (compared, skipped): (Vec<&String>, Vec<&String>) = names
        .iter()
        .partition(|n| venv.is_ok() || !imports_recordclass(n));
    if let Err(why) = &venv {
        eprintln!("seeds: {skipped:?} not compared with CPython: no recordclass venv ({why})");
    }
    let Some(check) = pyrt_tests::cpython::cross_check(compared.len()) else {
        return;
    };
    let mut failures = Vec::new();
    for name in compared {
        let file = script_for(name);
        let ours = transcript(&run_pyrt(&file));
        let mut cpython = match (&venv, imports_recordclass(name)) {
            (Ok(venv_python), true) => {
                let mut cmd = Command::new(venv_python);
                cmd.env("PYTHONHASHSEED", "0");
                cmd
            }
            _ => check.python().command(),
        };
        let theirs = transcript(
            &cpython
                .current_dir(scratch())
                .env_remove("PYTHONPATH")
                .env("PYTHONDONTWRITEBYTECODE", "1")
                .arg(&file)
                .output()
                .expect("CPython runs"),
        );
        check.compared(1);
        let listed = DIFFERENT.iter().any(|(n, _)| n == name);
        match (ours == theirs, listed) {
            (true, true) => failures.push(format!("{name} now matches: take it off DIFFERENT")),
            (false, false) => failures.push(format!(
                "{name} differs from CPython\n=== CPython ===\n{theirs}\n=== pyrt ===\n{ours}"
            )),
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
