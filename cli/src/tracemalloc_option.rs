//! `-X tracemalloc[=NFRAME]` and `PYTHONTRACEMALLOC=NFRAME` of `pyrt run`, read as CPython
//! 3.12's `config_init_tracemalloc` reads them (`Python/initconfig.c`): the option wins over
//! the variable, a bare `-X tracemalloc` is one frame, 0 (or an empty variable) leaves tracing
//! off, and what is not a number from 0 to `INT_MAX` is a fatal error with CPython's lines.

/// What `pyrt run` does about `tracemalloc` at start.
#[derive(Debug, PartialEq, Eq)]
pub enum TracemallocStart {
    /// Tracing stays off until the script starts it.
    Off,
    /// Tracing starts before the script runs, with this traceback limit (1 or more).
    Frames(usize),
    /// The setting is invalid: this text goes to stderr, and the exit status is 1.
    Fatal(String),
}

/// The setting given by the `-X` options (`xoptions`, last one wins) and the value of
/// `PYTHONTRACEMALLOC` (`env`).
pub fn tracemalloc_start(xoptions: &[String], env: Option<&str>) -> TracemallocStart {
    // The variable is read (and refused when invalid) first; the option then overrides it.
    let from_env = match env.filter(|e| !e.is_empty()) {
        None => 0,
        Some(text) => match parse_c_int(text) {
            Some(n) if n >= 0 => n,
            _ => return fatal("PYTHONTRACEMALLOC: invalid number of frames"),
        },
    };
    let option = xoptions
        .iter()
        .rev()
        .find(|o| *o == "tracemalloc" || o.starts_with("tracemalloc="));
    let nframe = match option {
        Some(o) => match o.split_once('=') {
            None => 1,
            Some((_, text)) => match parse_c_int(text) {
                Some(n) if n >= 0 => n,
                _ => return fatal("-X tracemalloc=NFRAME: invalid number of frames"),
            },
        },
        None => from_env,
    };
    match nframe {
        0 => TracemallocStart::Off,
        1..=65535 => TracemallocStart::Frames(nframe as usize),
        _ => TracemallocStart::Fatal(
            "Fatal Python error: init_interp_main: can't start tracemalloc\n\
             Python runtime state: core initialized\n\
             ValueError: the number of frames must be in range [1; 65535]\n\n"
                .to_string(),
        ),
    }
}

fn fatal(what: &str) -> TracemallocStart {
    TracemallocStart::Fatal(format!(
        "Fatal Python error: config_init_tracemalloc: {what}\n\
         Python runtime state: preinitialized\n\n"
    ))
}

/// `wcstol` of the whole text into a C `int`: leading white space, an optional sign, decimal
/// digits and nothing after them (the empty text is 0).
fn parse_c_int(text: &str) -> Option<i64> {
    let t = text.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    if t.is_empty() {
        return text.is_empty().then_some(0);
    }
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = t.parse().ok()?;
    i32::try_from(v).is_ok().then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(options: &[&str]) -> Vec<String> {
        options.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn the_option_and_the_variable_as_cpython_reads_them() {
        use TracemallocStart::*;
        assert_eq!(tracemalloc_start(&x(&[]), None), Off);
        assert_eq!(tracemalloc_start(&x(&["tracemalloc"]), None), Frames(1));
        assert_eq!(tracemalloc_start(&x(&["tracemalloc=5"]), None), Frames(5));
        assert_eq!(tracemalloc_start(&x(&["tracemalloc=+3"]), None), Frames(3));
        assert_eq!(tracemalloc_start(&x(&["tracemalloc= 3"]), None), Frames(3));
        assert_eq!(tracemalloc_start(&x(&["tracemalloc=0"]), None), Off);
        assert_eq!(tracemalloc_start(&x(&["tracemalloc="]), None), Off);
        assert_eq!(tracemalloc_start(&x(&["utf8"]), Some("3")), Frames(3));
        assert_eq!(
            tracemalloc_start(&x(&["tracemalloc=7"]), Some("3")),
            Frames(7)
        );
        assert_eq!(tracemalloc_start(&x(&[]), Some("")), Off);
        assert_eq!(tracemalloc_start(&x(&[]), Some("0")), Off);
        for bad in ["x", "-1", "3x", "99999999999"] {
            let option = format!("tracemalloc={bad}");
            assert!(matches!(tracemalloc_start(&x(&[&option]), None), Fatal(t)
                if t.contains("-X tracemalloc=NFRAME: invalid number of frames")));
            assert!(matches!(tracemalloc_start(&x(&[]), Some(bad)), Fatal(t)
                if t.contains("PYTHONTRACEMALLOC: invalid number of frames")));
        }
        assert!(
            matches!(tracemalloc_start(&x(&["tracemalloc"]), Some("x")), Fatal(t)
            if t.contains("PYTHONTRACEMALLOC: invalid number of frames"))
        );
        assert!(
            matches!(tracemalloc_start(&x(&["tracemalloc=70000"]), None), Fatal(t)
            if t.contains("can't start tracemalloc"))
        );
    }
}
