//! [`RunScripts`]: running Python source on a runtime of the `pyrt` API, as methods of its
//! [`Python`] token (`py.run_capture(...)`), the way CPython's `PyRun_*` functions run source in
//! an interpreter that the C API also reaches.
//!
//! An extension trait rather than free functions: a Rust user already holds the token, the
//! calls read as the rest of the API does (`py.int(..)`, `py.run_capture(..)`), and the token's
//! branded lifetime keeps scripts and objects on the same runtime with no new type to learn. It
//! lives here, not in `pyrt`, so that the API crate does not pull in the parser.

use std::cell::RefCell;
use std::rc::Rc;

use pyrt::Python;

use crate::Outcome;

/// Running scripts with the interpreter of this crate on a runtime's heap. Implemented for
/// [`Python`]; bring it into scope with `use pyrt_interp::RunScripts as _;`.
pub trait RunScripts {
    /// Runs a Python-subset script on this runtime's heap (what `pyrt run` does), its output
    /// going to stdout.
    ///
    /// # Example
    /// ```
    /// use pyrt_interp::{Outcome, RunScripts as _};
    ///
    /// pyrt::Runtime::new().with(|py| {
    ///     let outcome = py.run_script("<string>", "import sys\nx = []\nsys.getsizeof(x)\n", vec![]);
    ///     assert!(matches!(outcome, Outcome::Finished));
    /// });
    /// ```
    fn run_script(self, filename: &str, source: &str, argv: Vec<String>) -> Outcome;

    /// The interactive prompt on stdin and stdout (`pyrt repl`): each input runs in one
    /// module, expression values are echoed, errors go to stderr. Returns at end of input.
    fn repl(self);

    /// Runs a script and returns what it printed (stdout), and the traceback or syntax error
    /// if it failed.
    ///
    /// # Example
    /// ```
    /// use pyrt_interp::RunScripts as _;
    ///
    /// pyrt::Runtime::new().with(|py| {
    ///     let (out, err) = py.run_capture("<string>", "import sys\nprint(sys.getsizeof([1, 2, 3]))\n");
    ///     assert_eq!((out.as_str(), err), ("88\n", None));
    /// });
    /// ```
    fn run_capture(self, filename: &str, source: &str) -> (String, Option<String>);
}

impl RunScripts for Python<'_> {
    fn run_script(self, filename: &str, source: &str, argv: Vec<String>) -> Outcome {
        let out = Box::new(std::io::BufWriter::new(std::io::stdout()));
        crate::run_source(self.heap(), filename, source, argv, out)
    }

    fn repl(self) {
        let stdin = std::io::stdin();
        let mut input = stdin.lock();
        let out = Box::new(std::io::stdout());
        crate::repl(self.heap(), &mut input, out, &mut std::io::stderr());
    }

    fn run_capture(self, filename: &str, source: &str) -> (String, Option<String>) {
        let buffer = Rc::new(RefCell::new(Vec::new()));
        let sink = SharedSink(buffer.clone());
        let outcome = crate::run_source(
            self.heap(),
            filename,
            source,
            vec![filename.to_string()],
            Box::new(sink),
        );
        let out = String::from_utf8_lossy(&buffer.borrow()).into_owned();
        let err = match outcome {
            Outcome::Finished => None,
            Outcome::SyntaxError(t) | Outcome::Uncaught(t) => Some(t),
            Outcome::Exited(_, t) => Some(t).filter(|t| !t.is_empty()),
        };
        (out, err)
    }
}

/// A writer into a shared buffer.
struct SharedSink(Rc<RefCell<Vec<u8>>>);

impl std::io::Write for SharedSink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
