//! `pyrt bench gc`: the cycle collector side by side with CPython 3.12's, on the same graphs.
//!
//! One script, [`SCRIPT`] (`gc_ring.py`), builds rings of 5 nodes with the collector disabled
//! and times one `gc.collect()` alone; CPython runs it and `pyrt run` runs it, each as a fresh
//! process, so both collect exactly the graph the script built plus their own start-up
//! objects. The graphs:
//! * 100,000 and 1,000,000 nodes;
//! * `garbage` (the rings dropped: the collection finds and frees them all) and `alive` (the
//!   first node of each ring kept in a list: the collection only proves them reachable);
//! * plain-class nodes (3.12's inline attribute values) and `__slots__` nodes.
//!
//! Each row is `STATE/KIND x NODES` with nanoseconds per node for pyrt and for CPython and
//! their ratio. Trials of the two interpreters alternate and the medians are reported, which
//! keeps drift of a shared machine out of the ratios.
//!
//! The number `gc.collect()` returns is checked twice: by the script (every node for garbage,
//! none for alive; a mismatch raises) and here, where pyrt's count must also equal CPython's.
//! Either failure is a [`GcBenchError`], never a figure.
//!
//! CPython is `$PYRT_CPYTHON`, else `python3.12` with `PYENV_VERSION=3.12.1` (the lookup of the
//! cross-checking tests); it must report version 3.12, and then runs as the executable it
//! reports (`sys.executable`), so that a launcher's start-up (pyenv's shim) is not timed. Without it the benchmark still measures
//! pyrt and leaves the CPython column and the ratios empty (`null` in JSON).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::Command;

use super::measure::{Row, median};

/// The benchmark script (`gc_ring.py`): `NODES plain|slots garbage|alive` in `sys.argv`, prints
/// `COLLECTED NS_PER_NODE`.
pub const SCRIPT: &str = include_str!("gc_ring.py");

/// The name in the `baseline` column.
pub const BASELINE: &str = "cpython";

/// How much work the benchmark does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GcBenchConfig {
    /// Interleaved trials per row (the median is kept).
    pub trials: usize,
    /// Node counts, each a multiple of 5.
    pub nodes: Vec<usize>,
}

impl GcBenchConfig {
    /// The full benchmark of the issue: 100,000 and 1,000,000 nodes, 5 trials (about a minute).
    pub fn full() -> Self {
        GcBenchConfig {
            trials: 5,
            nodes: vec![100_000, 1_000_000],
        }
    }

    /// A sub-second smoke run with the same rows on 1,000 nodes (for tests, not for figures).
    pub fn quick() -> Self {
        GcBenchConfig {
            trials: 1,
            nodes: vec![1_000],
        }
    }

    /// Every graph, in the order of the table: by size, then state, then kind.
    pub fn graphs(&self) -> Vec<Graph> {
        let mut out = Vec::new();
        for &nodes in &self.nodes {
            for state in [State::Garbage, State::Alive] {
                for kind in [Kind::Plain, Kind::Slots] {
                    out.push(Graph { nodes, kind, state });
                }
            }
        }
        out
    }
}

/// The class of the nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `class Plain: pass`: attributes in 3.12's inline values.
    Plain,
    /// `class Slotted: __slots__ = ('next',)`.
    Slots,
}

/// Whether the rings are reachable when `gc.collect()` runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Dropped: every node is collected.
    Garbage,
    /// Kept in a list: nothing is collected.
    Alive,
}

/// One graph of rings of 5 nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Graph {
    /// Nodes in all (a multiple of 5).
    pub nodes: usize,
    /// The nodes' class.
    pub kind: Kind,
    /// Garbage or alive.
    pub state: State,
}

impl Graph {
    /// The row name, e.g. `garbage/plain x 100000`.
    pub fn name(&self) -> String {
        format!("{}/{} x {}", self.state_arg(), self.kind_arg(), self.nodes)
    }

    /// What `gc.collect()` must return: every node for garbage, none for alive.
    pub fn expected(&self) -> usize {
        match self.state {
            State::Garbage => self.nodes,
            State::Alive => 0,
        }
    }

    fn kind_arg(&self) -> &'static str {
        match self.kind {
            Kind::Plain => "plain",
            Kind::Slots => "slots",
        }
    }

    fn state_arg(&self) -> &'static str {
        match self.state {
            State::Garbage => "garbage",
            State::Alive => "alive",
        }
    }
}

/// Why the benchmark stopped.
#[derive(Debug, thiserror::Error)]
pub enum GcBenchError {
    /// An interpreter could not be started.
    #[error("{who} could not run the {graph} script: {source}")]
    Spawn {
        /// `pyrt` or `CPython`.
        who: &'static str,
        /// The row name.
        graph: String,
        /// The operating system's error.
        source: std::io::Error,
    },
    /// The script failed (a mismatched count raises in the script itself).
    #[error("{who} failed on {graph} ({status}):\n{stderr}")]
    Failed {
        /// `pyrt` or `CPython`.
        who: &'static str,
        /// The row name.
        graph: String,
        /// The exit status.
        status: std::process::ExitStatus,
        /// What it printed on stderr.
        stderr: String,
    },
    /// The script's output was not `COLLECTED NS_PER_NODE`.
    #[error("{who} printed {output:?} on {graph}, not `COLLECTED NS_PER_NODE`")]
    Output {
        /// `pyrt` or `CPython`.
        who: &'static str,
        /// The row name.
        graph: String,
        /// What it printed on stdout.
        output: String,
    },
    /// The collected counts disagree with each other or with the graph.
    #[error(
        "{graph}: gc.collect() returned {pyrt} in pyrt and {} in CPython (expected {expected})",
        cpython.map_or_else(|| "-".to_string(), |n| n.to_string())
    )]
    Count {
        /// The row name.
        graph: String,
        /// pyrt's count.
        pyrt: usize,
        /// CPython's count, if CPython ran.
        cpython: Option<usize>,
        /// What both should have returned.
        expected: usize,
    },
}

/// A command that runs a Python script given as `-c SCRIPT ARGS...`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    /// `pyrt` or `CPython`, for messages.
    pub who: &'static str,
    /// The program.
    pub program: OsString,
    /// Arguments before `-c` (`run` for pyrt).
    pub args: Vec<OsString>,
    /// Extra environment variables.
    pub env: Vec<(OsString, OsString)>,
    /// The version it reported (CPython only).
    pub version: Option<String>,
}

impl Interpreter {
    /// pyrt as the binary `exe` (`std::env::current_exe()` for the `pyrt` command).
    pub fn pyrt(exe: PathBuf) -> Self {
        Interpreter {
            who: "pyrt",
            program: exe.into_os_string(),
            args: vec!["run".into()],
            env: Vec::new(),
            version: None,
        }
    }

    /// CPython 3.12: `$PYRT_CPYTHON`, else `python3.12` with `PYENV_VERSION=3.12.1`.
    ///
    /// # Errors
    /// A plain sentence saying what was tried, when it does not run or is not CPython 3.12.
    pub fn find_cpython() -> Result<Self, String> {
        let (program, env, tried) = match std::env::var_os("PYRT_CPYTHON") {
            Some(p) => {
                let tried = format!("$PYRT_CPYTHON ({})", p.to_string_lossy());
                (p, Vec::new(), tried)
            }
            None => (
                OsString::from("python3.12"),
                vec![("PYENV_VERSION".into(), "3.12.1".into())],
                "python3.12 with PYENV_VERSION=3.12.1 ($PYRT_CPYTHON is not set)".to_string(),
            ),
        };
        Self::probe_cpython(program, env, &tried)
    }

    /// CPython 3.12 as the program `program` (`pyrt bench interp --python PATH`).
    ///
    /// # Errors
    /// As [`Interpreter::find_cpython`].
    pub fn cpython_at(program: OsString) -> Result<Self, String> {
        let tried = program.to_string_lossy().into_owned();
        Self::probe_cpython(program, Vec::new(), &tried)
    }

    /// Checks that `program` (with `env`) runs and is CPython 3.12; `tried` names it in errors.
    fn probe_cpython(
        program: OsString,
        env: Vec<(OsString, OsString)>,
        tried: &str,
    ) -> Result<Self, String> {
        let mut found = Interpreter {
            who: "CPython",
            program,
            args: Vec::new(),
            env,
            version: None,
        };
        let probe =
            "import sys; print(sys.implementation.name, sys.version.split()[0], sys.executable)";
        let out = found.command().arg("-c").arg(probe).output();
        let text = match &out {
            Ok(o) if o.status.success() => String::from_utf8_lossy(&o.stdout).trim().to_string(),
            Ok(o) => return Err(format!("{tried} failed to start ({})", o.status)),
            Err(e) => return Err(format!("{tried} did not run: {e}")),
        };
        let mut words = text.splitn(3, ' ');
        match (words.next(), words.next()) {
            (Some("cpython"), Some(v)) if v.starts_with("3.12.") => {
                found.version = Some(v.to_string());
                // A launcher (pyenv's shim is a shell script that takes ~45 ms to start the
                // interpreter) is resolved to the interpreter it starts, which then runs
                // directly: its start-up is not CPython's time.
                if let Some(exe) = words.next().map(PathBuf::from).filter(|p| p.is_file()) {
                    found.program = exe.into_os_string();
                    found.env.clear();
                }
                Ok(found)
            }
            _ => Err(format!("{tried} is {text:?}, not CPython 3.12")),
        }
    }

    /// The command that starts it, before the script and its arguments.
    pub(crate) fn command(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args(&self.args);
        cmd.envs(self.env.iter().map(|(k, v)| (k, v)));
        cmd
    }

    /// Runs the script on `graph` once: `(collected, ns per node)`.
    fn run(&self, graph: &Graph) -> Result<(usize, f64), GcBenchError> {
        let out = self
            .command()
            .arg("-c")
            .arg(SCRIPT)
            .arg(graph.nodes.to_string())
            .arg(graph.kind_arg())
            .arg(graph.state_arg())
            .output()
            .map_err(|source| GcBenchError::Spawn {
                who: self.who,
                graph: graph.name(),
                source,
            })?;
        if !out.status.success() {
            return Err(GcBenchError::Failed {
                who: self.who,
                graph: graph.name(),
                status: out.status,
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            });
        }
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        parse_output(&text).ok_or_else(|| GcBenchError::Output {
            who: self.who,
            graph: graph.name(),
            output: text,
        })
    }
}

/// `COLLECTED NS_PER_NODE` on one line.
fn parse_output(text: &str) -> Option<(usize, f64)> {
    let mut words = text.split_whitespace();
    let collected = words.next()?.parse().ok()?;
    let ns: f64 = words.next()?.parse().ok()?;
    (words.next().is_none() && ns.is_finite() && ns >= 0.0).then_some((collected, ns))
}

/// Measures one graph: `trials` runs of pyrt and of CPython (if any), alternating.
///
/// # Errors
/// A run that fails, or a count that is not the graph's or differs between the two.
pub fn measure_graph(
    graph: &Graph,
    trials: usize,
    pyrt: &Interpreter,
    cpython: Option<&Interpreter>,
) -> Result<Row, GcBenchError> {
    let (mut p, mut c) = (Vec::new(), Vec::new());
    for _ in 0..trials.max(1) {
        let (pyrt_count, pyrt_ns) = pyrt.run(graph)?;
        let theirs = cpython.map(|cp| cp.run(graph)).transpose()?;
        let cpython_count = theirs.map(|(n, _)| n);
        if pyrt_count != graph.expected() || cpython_count.is_some_and(|n| n != graph.expected()) {
            return Err(GcBenchError::Count {
                graph: graph.name(),
                pyrt: pyrt_count,
                cpython: cpython_count,
                expected: graph.expected(),
            });
        }
        p.push(pyrt_ns);
        c.extend(theirs.map(|(_, ns)| ns));
    }
    Ok(Row {
        bench: graph.name(),
        pyrt_ns: median(p),
        baseline: BASELINE.into(),
        baseline_ns: if c.is_empty() { f64::NAN } else { median(c) },
    })
}

/// Runs every graph of `cfg`; `progress` is told each row as it finishes. Without CPython the
/// rows' `baseline_ns` (and so their ratio) is NaN, which the table prints as `-` and JSON as
/// `null`.
///
/// # Errors
/// The first failed run or mismatched count (see [`measure_graph`]).
pub fn run_gc_bench(
    cfg: &GcBenchConfig,
    pyrt: &Interpreter,
    cpython: Option<&Interpreter>,
    mut progress: impl FnMut(&Row),
) -> Result<Vec<Row>, GcBenchError> {
    let mut rows = Vec::new();
    for graph in cfg.graphs() {
        let row = measure_graph(&graph, cfg.trials, pyrt, cpython)?;
        progress(&row);
        rows.push(row);
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn graphs_cover_sizes_states_and_kinds() {
        let names: Vec<String> = GcBenchConfig::full()
            .graphs()
            .iter()
            .map(Graph::name)
            .collect();
        assert_eq!(names.len(), 8);
        assert_eq!(names[0], "garbage/plain x 100000");
        assert_eq!(names[3], "alive/slots x 100000");
        assert_eq!(names[7], "alive/slots x 1000000");
        let g = GcBenchConfig::quick().graphs();
        assert_eq!(g[0].expected(), 1000);
        assert_eq!(g[2].expected(), 0);
    }

    #[test]
    fn output_is_two_numbers() {
        assert_eq!(parse_output("1000 133.999\n"), Some((1000, 133.999)));
        assert_eq!(parse_output("0 1e-05\n"), Some((0, 1e-5)));
        assert_eq!(parse_output("1000\n"), None);
        assert_eq!(parse_output("1000 1.0 extra\n"), None);
        assert_eq!(parse_output("x 1.0\n"), None);
    }

    #[test]
    fn rows_without_cpython_have_null_baselines() {
        let row = Row {
            bench: "garbage/plain x 1000".into(),
            pyrt_ns: 100.0,
            baseline: BASELINE.into(),
            baseline_ns: f64::NAN,
        };
        let v: serde_json::Value = serde_json::from_str(&row.to_json()).unwrap();
        assert!(v["baseline_ns"].is_null() && v["ratio"].is_null());
        assert_eq!(v["pyrt_ns"], 100.0);
    }
}
