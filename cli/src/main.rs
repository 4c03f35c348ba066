//! The `pyrt` command: `pyrt run`, `pyrt repl`, `pyrt demo`, `pyrt bench alloc`, `pyrt bench
//! gc`, `pyrt bench interp`, `pyrt --help`, `pyrt --version`.

use std::io::Write as _;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pyrt_cli::bench::alloc::{AllocBenchConfig, run_alloc_bench, targets};
use pyrt_cli::bench::gc::{GcBenchConfig, Interpreter, run_gc_bench};
use pyrt_cli::bench::interp::{self as interp_bench, InterpBenchConfig, Style};
use pyrt_cli::bench::measure::table;
use pyrt_cli::demo::{self, DEMOS};
use pyrt_interp::RunScripts as _;

/// pyrt: CPython 3.12's object model and memory manager, re-created in Rust.
#[derive(Parser)]
#[command(name = "pyrt", version = concat!(env!("CARGO_PKG_VERSION"), " (mirrors CPython 3.12.1, 64-bit)"))]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a Python-subset script (`pyrt run FILE.py [ARGS...]` or `pyrt run -c CODE [ARGS...]`).
    Run {
        /// Run this code instead of a file.
        #[arg(short = 'c', value_name = "CODE")]
        code: Option<String>,
        /// Cap the memory the heap takes from the system at BYTES; past it, allocations raise
        /// MemoryError (default: $PYRT_MEMORY_LIMIT, else no limit).
        #[arg(long, value_name = "BYTES")]
        memory_limit: Option<usize>,
        /// An implementation option, as CPython's `-X`: `tracemalloc[=NFRAME]` traces memory
        /// allocations from the start (also `$PYTHONTRACEMALLOC=NFRAME`); others are ignored.
        #[arg(short = 'X', value_name = "OPTION")]
        xoptions: Vec<String>,
        /// The script, then its arguments (`sys.argv[1:]`).
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// An interactive prompt (`>>> `, `... `) that echoes expression values.
    Repl,
    /// Print a script's bytecode as `python3.12 -m dis FILE.py` does.
    Dis {
        /// The script.
        file: String,
    },
    /// Run the built-in demos (all of them, or the one named).
    Demo {
        /// The demo to run.
        name: Option<String>,
        /// List the demos, one line each.
        #[arg(long)]
        list: bool,
    },
    /// Run a benchmark side by side with its competitors.
    Bench {
        #[command(subcommand)]
        which: Bench,
    },
}

#[derive(Subcommand)]
enum Bench {
    /// pyrt's pymalloc against glibc malloc, mimalloc and bumpalo.
    Alloc {
        /// Print one JSON object per row instead of a table.
        #[arg(long)]
        json: bool,
        /// A short run with small counts (for smoke tests, not for figures).
        #[arg(long)]
        quick: bool,
        /// Only the mixed-size rows and the memory row.
        #[arg(long)]
        mixed_only: bool,
    },
    /// pyrt's cycle collector against CPython 3.12's: `gc.collect()` on rings of 5 nodes.
    ///
    /// The same script runs in CPython and in `pyrt run`, 5 alternating trials per row, and the
    /// medians are reported in ns per node. CPython is `$PYRT_CPYTHON`, else `python3.12` with
    /// PYENV_VERSION=3.12.1; without one, pyrt is measured alone and the ratios are missing.
    Gc {
        /// Print one JSON object per row instead of a table.
        #[arg(long)]
        json: bool,
        /// A short run on 1,000 nodes with one trial (for smoke tests, not for figures).
        #[arg(long)]
        quick: bool,
    },
    /// The interpreter against CPython 3.12: every script of a directory, timed whole.
    ///
    /// Each script runs as `pyrt run SCRIPT SIZE` and in CPython, alternating, for several
    /// rounds; both must print the same checksum. Each row has the best and median times and
    /// the ratio of the medians (a failure or a checksum mismatch is shown in its row), then
    /// the geometric mean. Exit status 1 when checksums differ or CPython fails.
    Interp {
        /// The scripts' directory [default: cli/bench/interp of this source tree].
        #[arg(long, value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
        /// Runs of each script in each interpreter.
        #[arg(long, value_name = "N", default_value_t = 5)]
        rounds: usize,
        /// The size argument of every script [default: one per script, for ~0.5-1 s in CPython].
        #[arg(long, value_name = "N")]
        size: Option<u64>,
        /// The CPython 3.12 to compare with [default: $PYRT_CPYTHON, else python3.12 with
        /// PYENV_VERSION=3.12.1].
        #[arg(long, value_name = "PATH")]
        python: Option<std::ffi::OsString>,
        /// Print the table in Markdown (for README.md).
        #[arg(long)]
        markdown: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            code,
            memory_limit,
            xoptions,
            args,
        } => run(code, memory_limit, &xoptions, args),
        Command::Repl => {
            pyrt::Runtime::new().with(|py| py.repl());
            ExitCode::SUCCESS
        }
        Command::Dis { file } => dis(&file),
        Command::Demo { list: true, .. } => {
            let width = DEMOS.iter().map(|d| d.name.len()).max().unwrap_or(0);
            for d in DEMOS {
                println!("{:<width$} {}", d.name, d.summary);
            }
            ExitCode::SUCCESS
        }
        Command::Demo {
            name: Some(name), ..
        } => match demo::find(&name) {
            Some(d) => {
                print!("{}", d.run());
                ExitCode::SUCCESS
            }
            None => {
                let names: Vec<_> = DEMOS.iter().map(|d| d.name).collect();
                eprintln!("pyrt: no demo named '{name}' (demos: {})", names.join(", "));
                ExitCode::from(2)
            }
        },
        Command::Demo { name: None, .. } => {
            for (i, d) in DEMOS.iter().enumerate() {
                if i > 0 {
                    println!();
                }
                println!("=== demo: {} — {}\n", d.name, d.summary);
                print!("{}", d.run());
            }
            ExitCode::SUCCESS
        }
        Command::Bench {
            which:
                Bench::Alloc {
                    json,
                    quick,
                    mixed_only,
                },
        } => {
            let mut cfg = if quick {
                AllocBenchConfig::quick()
            } else {
                AllocBenchConfig::full()
            };
            cfg.per_class &= !mixed_only;
            bench_alloc(&cfg, json);
            ExitCode::SUCCESS
        }
        Command::Bench {
            which: Bench::Gc { json, quick },
        } => {
            let cfg = if quick {
                GcBenchConfig::quick()
            } else {
                GcBenchConfig::full()
            };
            bench_gc(&cfg, json)
        }
        Command::Bench {
            which:
                Bench::Interp {
                    dir,
                    rounds,
                    size,
                    python,
                    markdown,
                },
        } => {
            let cfg = InterpBenchConfig {
                dir: dir.unwrap_or_else(interp_bench::default_dir),
                rounds,
                size,
            };
            let style = if markdown {
                Style::Markdown
            } else {
                Style::Text
            };
            bench_interp(&cfg, python, style)
        }
    }
}

/// `pyrt bench interp`: a dot per script as it finishes, then the table; exit status 1 when a
/// checksum differs or CPython fails, 2 when the scripts cannot be found, still 0 (with a
/// notice) when CPython is missing.
fn bench_interp(
    cfg: &InterpBenchConfig,
    python: Option<std::ffi::OsString>,
    style: Style,
) -> ExitCode {
    let pyrt = match interp_bench::pyrt_interpreter() {
        Ok(p) => p,
        Err(e) => {
            eprintln!("pyrt bench interp: {e}");
            return ExitCode::from(1);
        }
    };
    let cpython = match interp_bench::cpython_interpreter(python) {
        Ok(cp) => {
            eprintln!(
                "pyrt bench interp: {} against CPython {} ({}), {} rounds, wall-clock seconds per run",
                cfg.dir.display(),
                cp.version.as_deref().unwrap_or("3.12"),
                cp.program.to_string_lossy(),
                cfg.rounds.max(1)
            );
            Some(cp)
        }
        Err(why) => {
            eprintln!(
                "pyrt bench interp: CPython 3.12 not found: {why}. Measuring pyrt alone; the \
                 CPython columns and the ratios are missing (use --python PATH or set PYRT_CPYTHON)."
            );
            None
        }
    };
    let rows = interp_bench::run_interp_bench(cfg, &pyrt, cpython.as_ref(), |_| eprint!("."));
    eprintln!();
    match rows {
        Ok(rows) => {
            print!("{}", interp_bench::table(&rows, style));
            if rows.iter().any(interp_bench::ScriptRow::is_error) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(e) => {
            eprintln!("pyrt bench interp: {e} (use --dir DIR)");
            ExitCode::from(2)
        }
    }
}

fn bench_alloc(cfg: &AllocBenchConfig, json: bool) {
    if !json {
        eprintln!(
            "pyrt bench alloc: pyrt's pymalloc against glibc, mimalloc and bumpalo (ns per op; rss rows in bytes per block)"
        );
    }
    let rows = run_alloc_bench(cfg, |group| {
        if json {
            let mut out = std::io::stdout().lock();
            for row in group {
                let _ = writeln!(out, "{}", row.to_json());
            }
        } else {
            eprint!(".");
        }
    });
    if !json {
        eprintln!();
        print!("{}", table(&rows));
        println!("\nTargets on mixed sizes:");
        for (what, met) in targets(&rows) {
            println!("  [{}] {what}", if met { "met" } else { "MISSED" });
        }
    }
}

/// `pyrt bench gc`: rows as they finish (JSON) or a table at the end; exit status 1 when a run
/// fails or the collected counts disagree, still 0 (with a notice) when CPython is missing.
fn bench_gc(cfg: &GcBenchConfig, json: bool) -> ExitCode {
    let pyrt = match std::env::current_exe() {
        Ok(exe) => Interpreter::pyrt(exe),
        Err(e) => {
            eprintln!("pyrt bench gc: cannot find the pyrt executable: {e}");
            return ExitCode::from(1);
        }
    };
    let cpython = match Interpreter::find_cpython() {
        Ok(cp) => {
            if !json {
                eprintln!(
                    "pyrt bench gc: gc.collect() on rings of 5 nodes, pyrt against CPython {} ({}), ns per node",
                    cp.version.as_deref().unwrap_or("3.12"),
                    cp.program.to_string_lossy()
                );
            }
            Some(cp)
        }
        Err(why) => {
            eprintln!(
                "pyrt bench gc: CPython 3.12 not found: {why}. Measuring pyrt alone; the CPython \
                 column and the ratios are missing (set PYRT_CPYTHON to a CPython 3.12)."
            );
            None
        }
    };
    let result = run_gc_bench(cfg, &pyrt, cpython.as_ref(), |row| {
        if json {
            let _ = writeln!(std::io::stdout().lock(), "{}", row.to_json());
        } else {
            eprint!(".");
        }
    });
    if !json {
        eprintln!();
    }
    match result {
        Ok(rows) => {
            if !json {
                print!("{}", table(&rows));
                if cpython.is_none() {
                    println!("\nCPython 3.12 not found: no CPython figures or ratios.");
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("pyrt bench gc: {e}");
            ExitCode::from(1)
        }
    }
}

/// `pyrt run`: a script's output on stdout, its traceback or syntax error on stderr with exit
/// status 1, usage errors with 2.
fn run(
    code: Option<String>,
    memory_limit: Option<usize>,
    xoptions: &[String],
    args: Vec<String>,
) -> ExitCode {
    use pyrt_cli::tracemalloc_option::{TracemallocStart, tracemalloc_start};
    let env = std::env::var("PYTHONTRACEMALLOC").ok();
    let tracemalloc = match tracemalloc_start(xoptions, env.as_deref()) {
        TracemallocStart::Fatal(text) => {
            eprint!("{text}");
            return ExitCode::from(1);
        }
        TracemallocStart::Off => None,
        TracemallocStart::Frames(n) => Some(n),
    };
    let memory_limit = match memory_limit {
        Some(bytes) => Some(bytes),
        None => match std::env::var("PYRT_MEMORY_LIMIT") {
            Ok(text) => match text.trim().parse() {
                Ok(bytes) => Some(bytes),
                Err(_) => {
                    eprintln!("pyrt: PYRT_MEMORY_LIMIT={text} is not a number of bytes");
                    return ExitCode::from(2);
                }
            },
            Err(_) => None,
        },
    };
    let (filename, source, argv) = match code {
        Some(code) => {
            let mut argv = vec!["-c".to_string()];
            argv.extend(args);
            ("<string>".to_string(), code, argv)
        }
        None => {
            let Some(file) = args.first() else {
                eprintln!("pyrt run: give a script (pyrt run FILE.py) or code (pyrt run -c CODE)");
                return ExitCode::from(2);
            };
            let bytes = match std::fs::read(file) {
                Ok(bytes) => bytes,
                Err(e) => {
                    eprintln!("pyrt: can't open file '{file}': {e}");
                    return ExitCode::from(2);
                }
            };
            match pyrt_compiler::parse::decode(file, &bytes) {
                Ok(text) => (file.clone(), text, args.clone()),
                Err(message) => {
                    eprint!("{message}");
                    return ExitCode::from(1);
                }
            }
        }
    };
    let mut config = pyrt::RuntimeConfig::new();
    // `PYTHONMALLOC` (`_PyMem_GetAllocatorName`'s names; empty is the default).
    let (pymalloc, debug) = match std::env::var("PYTHONMALLOC").as_deref() {
        Err(_) | Ok("" | "default" | "pymalloc") => (true, false),
        Ok("debug" | "pymalloc_debug") => (true, true),
        Ok("malloc") => (false, false),
        Ok("malloc_debug") => (false, true),
        Ok(_) => {
            eprint!(
                "Fatal Python error: preconfig_init_allocator: PYTHONMALLOC: unknown allocator\n\
                 Python runtime state: preinitializing\n\n"
            );
            return ExitCode::from(1);
        }
    };
    config = config.pymalloc(pymalloc).debug_allocator(debug);
    if let Some(bytes) = memory_limit {
        config = config.memory_limit(bytes);
    }
    let outcome = pyrt::Runtime::with_config(config).with(|py| match tracemalloc {
        None => py.run_script(&filename, &source, argv),
        Some(nframe) => {
            let out = Box::new(std::io::BufWriter::new(std::io::stdout()));
            pyrt_interp::run_source_tracing(py.heap(), &filename, &source, argv, out, nframe)
        }
    });
    match outcome {
        pyrt_interp::Outcome::Finished => ExitCode::SUCCESS,
        pyrt_interp::Outcome::SyntaxError(text) | pyrt_interp::Outcome::Uncaught(text) => {
            eprint!("{text}");
            ExitCode::from(1)
        }
        pyrt_interp::Outcome::Exited(status, text) => {
            eprint!("{text}");
            ExitCode::from(status)
        }
    }
}

/// `pyrt dis FILE.py`: the script compiled under the name given (as `dis`'s `main` compiles
/// `args.infile.name`), disassembled on stdout.
fn dis(file: &str) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(e) => {
            eprintln!("pyrt: can't open file '{file}': {e}");
            return ExitCode::from(2);
        }
    };
    let source = match pyrt_compiler::parse::decode(file, &bytes) {
        Ok(text) => text,
        Err(message) => {
            eprint!("{message}");
            return ExitCode::from(1);
        }
    };
    let listing = pyrt::Runtime::new().with(|py| pyrt_interp::dis_source(py.heap(), file, &source));
    match listing {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(text) => {
            eprint!("{text}");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bench_interp(args: &[&str]) -> Bench {
        let argv = ["pyrt", "bench", "interp"].iter().chain(args);
        match Cli::try_parse_from(argv)
            .expect("the arguments parse")
            .command
        {
            Command::Bench { which } => which,
            _ => panic!("not a bench command"),
        }
    }

    #[test]
    fn bench_interp_defaults() {
        let Bench::Interp {
            dir,
            rounds,
            size,
            python,
            markdown,
        } = bench_interp(&[])
        else {
            panic!("not bench interp");
        };
        assert_eq!(
            (dir, rounds, size, python, markdown),
            (None, 5, None, None, false)
        );
    }

    #[test]
    fn bench_interp_options() {
        let Bench::Interp {
            dir,
            rounds,
            size,
            python,
            markdown,
        } = bench_interp(&[
            "--dir",
            "/tmp/scripts",
            "--rounds",
            "3",
            "--size",
            "1000",
            "--python",
            "/usr/bin/python3.12",
            "--markdown",
        ])
        else {
            panic!("not bench interp");
        };
        assert_eq!(dir, Some("/tmp/scripts".into()));
        assert_eq!((rounds, size, markdown), (3, Some(1000), true));
        assert_eq!(python, Some("/usr/bin/python3.12".into()));
    }

    #[test]
    fn bench_interp_rejects_bad_numbers() {
        for args in [["--rounds", "x"], ["--size", "-1"]] {
            let argv = ["pyrt", "bench", "interp"].iter().chain(&args);
            assert!(Cli::try_parse_from(argv).is_err(), "{args:?}");
        }
    }
}
