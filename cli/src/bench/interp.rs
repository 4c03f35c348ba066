//! `pyrt bench interp`: whole Python programs timed in pyrt and in CPython 3.12.
//!
//! Every `*.py` of a directory (by default `cli/bench/interp/`, copies of the project's shared
//! `../shared/bench/interp/`) takes one size argument and prints a checksum. Each is run as a
//! fresh process by `pyrt run SCRIPT SIZE` and by `python3.12 SCRIPT SIZE`, alternating, for a
//! number of rounds; the wall-clock time of each process is kept. CPython is a process, so pyrt
//! is one too: both pay their start-up, and neither shares a heap with the benchmark itself.
//!
//! Each row has the best and the median time of each interpreter and the ratio of the medians
//! (pyrt / CPython: below 1 is faster); the geometric mean of the ratios ends the table. A row
//! without a ratio says why, never hides it: `pyrt failed: ...` (the error's own line, e.g.
//! `SyntaxError: pyrt does not support 'yield'`), `CPython failed: ...`, or `checksums differ`
//! when the two printed different things (stdout compared whole).
//!
//! The default sizes ([`default_size`]) make CPython 3.12 take about 0.5–1 s per script on
//! this project's machines; `--size` gives every script the same size instead, and a script
//! without a default runs at the size built into it.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::gc::Interpreter;
use super::measure::median;

/// The default directory of scripts: `cli/bench/interp/` of this source tree.
pub fn default_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/interp")
}

/// The size each shared script runs at unless `--size` is given: CPython 3.12.1 takes about
/// 0.5–1 s on each (measured on this project's 2-core machines, which are shared and vary by
/// a factor of two from one hour to the next).
pub fn default_size(script: &str) -> Option<u64> {
    let size = match script {
        "arith_loop.py" => 2_500_000,
        "calls.py" => 32,
        "closures.py" => 1_500_000,
        "cycles.py" => 700_000,
        "dict_instances.py" => 450_000,
        "dict_words.py" => 900_000,
        "float_orbits.py" => 48_000,
        "generators.py" => 4_500_000,
        "methods.py" => 450_000,
        "slots_instances.py" => 400_000,
        "sort_records.py" => 400_000,
        "strings.py" => 350_000,
        _ => return None,
    };
    Some(size)
}

/// How the benchmark runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterpBenchConfig {
    /// Where the scripts are.
    pub dir: PathBuf,
    /// Rounds: each script runs this many times in each interpreter, alternating.
    pub rounds: usize,
    /// One size for every script, instead of [`default_size`].
    pub size: Option<u64>,
}

/// One script to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Script {
    /// The file name (`arith_loop.py`).
    pub name: String,
    /// Its path.
    pub path: PathBuf,
    /// The size argument, if any (none: the script's own default).
    pub size: Option<u64>,
}

impl InterpBenchConfig {
    /// The scripts of [`InterpBenchConfig::dir`], by name, with their sizes.
    ///
    /// # Errors
    /// A sentence when the directory cannot be read or holds no `*.py`.
    pub fn scripts(&self) -> Result<Vec<Script>, String> {
        let entries = std::fs::read_dir(&self.dir)
            .map_err(|e| format!("cannot read {}: {e}", self.dir.display()))?;
        let mut scripts: Vec<Script> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "py") && p.is_file())
            .map(|path| {
                let name = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let size = self.size.or_else(|| default_size(&name));
                Script { name, path, size }
            })
            .collect();
        if scripts.is_empty() {
            return Err(format!("no *.py scripts in {}", self.dir.display()));
        }
        scripts.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(scripts)
    }
}

/// The times of one interpreter on one script, in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Times {
    /// The fastest run.
    pub best: f64,
    /// The median run.
    pub median: f64,
}

impl Times {
    fn of(runs: &[Duration]) -> Option<Times> {
        let secs: Vec<f64> = runs.iter().map(Duration::as_secs_f64).collect();
        let best = secs.iter().copied().reduce(f64::min)?;
        Some(Times {
            best,
            median: median(secs),
        })
    }
}

/// What happened to one interpreter on one script.
#[derive(Debug, Clone, PartialEq)]
pub enum Side {
    /// Every run succeeded and printed the same output.
    Ran {
        /// Its times.
        times: Times,
        /// What it printed (the checksum).
        output: String,
    },
    /// A run failed: the line that says why.
    Failed(String),
    /// Not run (no CPython).
    Missing,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptRow {
    /// The script's file name.
    pub script: String,
    /// Its size argument, if any.
    pub size: Option<u64>,
    /// pyrt's side.
    pub pyrt: Side,
    /// CPython's side.
    pub cpython: Side,
}

impl ScriptRow {
    /// The ratio of the medians, pyrt / CPython, when both ran and printed the same.
    pub fn ratio(&self) -> Option<f64> {
        match (&self.pyrt, &self.cpython) {
            (
                Side::Ran {
                    times: p,
                    output: a,
                },
                Side::Ran {
                    times: c,
                    output: b,
                },
            ) if a == b => Some(p.median / c.median),
            _ => None,
        }
    }

    /// Why the row has no ratio, or `None` when it has one.
    pub fn note(&self) -> Option<String> {
        match (&self.pyrt, &self.cpython) {
            (Side::Failed(why), _) => Some(format!("pyrt failed: {why}")),
            (_, Side::Failed(why)) => Some(format!("CPython failed: {why}")),
            (Side::Ran { output: a, .. }, Side::Ran { output: b, .. }) if a != b => Some(format!(
                "checksums differ: pyrt printed {:?}, CPython {:?}",
                a.trim_end(),
                b.trim_end()
            )),
            (_, Side::Missing) => Some("no CPython".to_string()),
            _ => None,
        }
    }

    /// Whether the row shows a defect: different checksums, or a CPython failure (the scripts
    /// run in CPython 3.12, so its failure means a wrong size or a wrong interpreter).
    pub fn is_error(&self) -> bool {
        matches!(self.cpython, Side::Failed(_))
            || matches!((&self.pyrt, &self.cpython),
                (Side::Ran { output: a, .. }, Side::Ran { output: b, .. }) if a != b)
    }
}

/// The geometric mean of the rows' ratios and how many rows have one.
pub fn geometric_mean(rows: &[ScriptRow]) -> Option<(f64, usize)> {
    let logs: Vec<f64> = rows
        .iter()
        .filter_map(ScriptRow::ratio)
        .map(f64::ln)
        .collect();
    if logs.is_empty() {
        return None;
    }
    let mean = logs.iter().sum::<f64>() / logs.len() as f64;
    Some((mean.exp(), logs.len()))
}

/// One run of a script: its time and output, or the line that says why it failed.
fn run_once(interp: &Interpreter, script: &Script) -> Result<(Duration, String), String> {
    let mut cmd = interp.command();
    cmd.arg(&script.path);
    if let Some(size) = script.size {
        cmd.arg(size.to_string());
    }
    let start = Instant::now();
    let out = cmd.output().map_err(|e| format!("did not start: {e}"))?;
    let elapsed = start.elapsed();
    if !out.status.success() {
        return Err(error_line(
            &String::from_utf8_lossy(&out.stderr),
            out.status,
        ));
    }
    Ok((elapsed, String::from_utf8_lossy(&out.stdout).into_owned()))
}

/// The line of a failed run's stderr that names the error: the last non-empty one (a
/// traceback's or a syntax error's `Kind: message` line), else the exit status.
pub fn error_line(stderr: &str, status: impl std::fmt::Display) -> String {
    stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map_or_else(
            || format!("exit {status}, nothing on stderr"),
            str::to_string,
        )
}

/// Accumulates one interpreter's runs of one script.
struct Runs {
    times: Vec<Duration>,
    output: Option<String>,
    failed: Option<String>,
}

impl Runs {
    fn new() -> Self {
        Runs {
            times: Vec::new(),
            output: None,
            failed: None,
        }
    }

    /// Runs once more unless a run already failed.
    fn run(&mut self, interp: &Interpreter, script: &Script) {
        if self.failed.is_some() {
            return;
        }
        match run_once(interp, script) {
            Ok((time, output)) => {
                match &self.output {
                    Some(first) if *first != output => {
                        self.failed = Some(format!(
                            "printed {:?}, then {:?}",
                            first.trim_end(),
                            output.trim_end()
                        ));
                    }
                    _ => self.output = Some(output),
                }
                self.times.push(time);
            }
            Err(why) => self.failed = Some(why),
        }
    }

    fn side(self) -> Side {
        if let Some(why) = self.failed {
            return Side::Failed(why);
        }
        match (Times::of(&self.times), self.output) {
            (Some(times), Some(output)) => Side::Ran { times, output },
            _ => Side::Missing,
        }
    }
}

/// Measures one script: `rounds` runs of pyrt and of CPython (if any), alternating. A pyrt
/// failure stops pyrt's runs; CPython's go on, so that the row still shows its times.
pub fn measure_script(
    script: &Script,
    rounds: usize,
    pyrt: &Interpreter,
    cpython: Option<&Interpreter>,
) -> ScriptRow {
    let (mut ours, mut theirs) = (Runs::new(), Runs::new());
    for _ in 0..rounds.max(1) {
        ours.run(pyrt, script);
        if let Some(cp) = cpython {
            theirs.run(cp, script);
        }
    }
    ScriptRow {
        script: script.name.clone(),
        size: script.size,
        pyrt: ours.side(),
        cpython: theirs.side(),
    }
}

/// Runs every script of `cfg`; `progress` is told each row as it finishes.
///
/// # Errors
/// When the scripts cannot be listed (see [`InterpBenchConfig::scripts`]).
pub fn run_interp_bench(
    cfg: &InterpBenchConfig,
    pyrt: &Interpreter,
    cpython: Option<&Interpreter>,
    mut progress: impl FnMut(&ScriptRow),
) -> Result<Vec<ScriptRow>, String> {
    let mut rows = Vec::new();
    for script in cfg.scripts()? {
        let row = measure_script(&script, cfg.rounds, pyrt, cpython);
        progress(&row);
        rows.push(row);
    }
    Ok(rows)
}

/// How [`table`] lays the rows out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Aligned columns for a terminal.
    Text,
    /// A Markdown table (for README.md).
    Markdown,
}

/// The columns of the table.
const HEADER: [&str; 8] = [
    "script",
    "size",
    "pyrt best",
    "pyrt median",
    "CPython best",
    "CPython median",
    "pyrt / CPython",
    "note",
];

fn seconds(side: &Side) -> [String; 2] {
    match side {
        Side::Ran { times, .. } => [
            format!("{:.3} s", times.best),
            format!("{:.3} s", times.median),
        ],
        _ => ["-".to_string(), "-".to_string()],
    }
}

fn cells(row: &ScriptRow) -> [String; 8] {
    let [pyrt_best, pyrt_median] = seconds(&row.pyrt);
    let [cpython_best, cpython_median] = seconds(&row.cpython);
    [
        row.script.clone(),
        row.size.map_or_else(|| "-".to_string(), |n| n.to_string()),
        pyrt_best,
        pyrt_median,
        cpython_best,
        cpython_median,
        row.ratio()
            .map_or_else(|| "-".to_string(), |r| format!("{r:.2}x")),
        row.note().unwrap_or_default(),
    ]
}

/// The table: a row per script, then the geometric mean of the ratios (and how many scripts
/// it covers).
pub fn table(rows: &[ScriptRow], style: Style) -> String {
    let body: Vec<[String; 8]> = rows.iter().map(cells).collect();
    let mut out = String::new();
    match style {
        Style::Text => {
            let mut width = HEADER.map(str::len);
            for cells in &body {
                for (w, c) in width.iter_mut().zip(cells) {
                    *w = (*w).max(c.chars().count());
                }
            }
            let line = |out: &mut String, cells: &[&str]| {
                let mut text = String::new();
                for (i, (c, w)) in cells.iter().zip(width).enumerate() {
                    let pad = w.saturating_sub(c.chars().count());
                    match i {
                        0 | 7 => text.push_str(&format!("{c}{}", " ".repeat(pad))),
                        _ => text.push_str(&format!("{}{c}", " ".repeat(pad))),
                    }
                    text.push_str("  ");
                }
                let _ = writeln!(out, "{}", text.trim_end());
            };
            line(&mut out, &HEADER);
            for cells in &body {
                line(&mut out, &cells.each_ref().map(String::as_str));
            }
        }
        Style::Markdown => {
            let _ = writeln!(out, "| {} |", HEADER.join(" | "));
            let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|---|");
            for cells in &body {
                let _ = writeln!(out, "| {} |", cells.join(" | "));
            }
        }
    }
    let _ = writeln!(out);
    let _ = match geometric_mean(rows) {
        Some((mean, n)) => writeln!(
            out,
            "geometric mean of pyrt / CPython: {mean:.2}x over {n} of {} scripts",
            rows.len()
        ),
        None => writeln!(
            out,
            "geometric mean of pyrt / CPython: - (no script ran in both with the same checksum)"
        ),
    };
    out
}

/// The `pyrt` binary to measure: the running one.
///
/// # Errors
/// When the running executable cannot be found.
pub fn pyrt_interpreter() -> Result<Interpreter, String> {
    std::env::current_exe()
        .map(Interpreter::pyrt)
        .map_err(|e| format!("cannot find the pyrt executable: {e}"))
}

/// CPython 3.12: `python` if given (`--python PATH`), else found as the cross-checks find it.
///
/// # Errors
/// As [`Interpreter::find_cpython`].
pub fn cpython_interpreter(python: Option<OsString>) -> Result<Interpreter, String> {
    match python {
        Some(p) => Interpreter::cpython_at(p),
        None => Interpreter::find_cpython(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ran(best: f64, median: f64, output: &str) -> Side {
        Side::Ran {
            times: Times { best, median },
            output: output.into(),
        }
    }

    fn row(script: &str, size: Option<u64>, pyrt: Side, cpython: Side) -> ScriptRow {
        ScriptRow {
            script: script.into(),
            size,
            pyrt,
            cpython,
        }
    }

    fn sample() -> Vec<ScriptRow> {
        vec![
            row(
                "arith_loop.py",
                Some(2_500_000),
                ran(3.0, 3.2, "-1\n"),
                ran(0.6, 0.64, "-1\n"),
            ),
            row(
                "generators.py",
                Some(3_000_000),
                Side::Failed("SyntaxError: pyrt does not support 'yield'".into()),
                ran(0.5, 0.55, "245000000\n"),
            ),
            row(
                "strings.py",
                None,
                ran(1.0, 1.25, "1 2 True\n"),
                ran(0.5, 0.5, "1 2 True\n"),
            ),
            row(
                "wrong.py",
                Some(7),
                ran(1.0, 1.0, "1\n"),
                ran(1.0, 1.0, "2\n"),
            ),
        ]
    }

    #[test]
    fn the_text_table_has_a_row_per_script_and_the_geometric_mean() {
        let text = table(&sample(), Style::Text);
        let expected = "\
script            size  pyrt best  pyrt median  CPython best  CPython median  pyrt / CPython  note
arith_loop.py  2500000    3.000 s      3.200 s       0.600 s         0.640 s           5.00x
generators.py  3000000          -            -       0.500 s         0.550 s               -  pyrt failed: SyntaxError: pyrt does not support 'yield'
strings.py           -    1.000 s      1.250 s       0.500 s         0.500 s           2.50x
wrong.py             7    1.000 s      1.000 s       1.000 s         1.000 s               -  checksums differ: pyrt printed \"1\", CPython \"2\"

geometric mean of pyrt / CPython: 3.54x over 2 of 4 scripts
";
        assert_eq!(text, expected);
    }

    #[test]
    fn the_markdown_table_has_the_same_cells() {
        let text = table(&sample()[..2], Style::Markdown);
        let expected = "\
| script | size | pyrt best | pyrt median | CPython best | CPython median | pyrt / CPython | note |
|---|---:|---:|---:|---:|---:|---:|---|
| arith_loop.py | 2500000 | 3.000 s | 3.200 s | 0.600 s | 0.640 s | 5.00x |  |
| generators.py | 3000000 | - | - | 0.500 s | 0.550 s | - | pyrt failed: SyntaxError: pyrt does not support 'yield' |

geometric mean of pyrt / CPython: 5.00x over 1 of 2 scripts
";
        assert_eq!(text, expected);
    }

    #[test]
    fn rows_without_a_ratio_say_why() {
        let rows = sample();
        assert_eq!(rows[0].ratio(), Some(5.0));
        assert!(rows[0].note().is_none() && !rows[0].is_error());
        assert!(rows[1].ratio().is_none() && !rows[1].is_error());
        assert!(rows[3].ratio().is_none() && rows[3].is_error());
        let cpython_failed = row("x.py", None, ran(1.0, 1.0, ""), Side::Failed("E".into()));
        assert_eq!(cpython_failed.note().as_deref(), Some("CPython failed: E"));
        assert!(cpython_failed.is_error());
        let alone = row("x.py", None, ran(1.0, 1.0, ""), Side::Missing);
        assert_eq!(alone.note().as_deref(), Some("no CPython"));
        assert!(alone.ratio().is_none());
        assert!(table(&[alone], Style::Text).ends_with(
            "geometric mean of pyrt / CPython: - (no script ran in both with the same checksum)\n"
        ));
    }

    #[test]
    fn the_error_line_is_the_last_line_of_stderr() {
        let stderr = "  File \"g.py\", line 8\n    yield i\n    ^\nSyntaxError: pyrt does not support 'yield'\n\n";
        assert_eq!(
            error_line(stderr, "exit status: 1"),
            "SyntaxError: pyrt does not support 'yield'"
        );
        assert_eq!(
            error_line("", "signal: 11"),
            "exit signal: 11, nothing on stderr"
        );
    }

    #[test]
    fn every_shared_script_has_a_default_size() {
        let cfg = InterpBenchConfig {
            dir: default_dir(),
            rounds: 1,
            size: None,
        };
        let scripts = cfg.scripts().unwrap();
        assert_eq!(scripts.len(), 12);
        assert!(scripts.iter().all(|s| s.size.is_some()), "{scripts:?}");
        assert_eq!(scripts[0].name, "arith_loop.py");
        let cfg = InterpBenchConfig {
            size: Some(10),
            ..cfg
        };
        assert!(cfg.scripts().unwrap().iter().all(|s| s.size == Some(10)));
        let empty = InterpBenchConfig {
            dir: default_dir().join("no-such-dir"),
            ..cfg
        };
        assert!(empty.scripts().unwrap_err().starts_with("cannot read "));
    }
}
