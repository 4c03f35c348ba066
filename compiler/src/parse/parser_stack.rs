//! CPython's parser stack limit (`Parser/parser.c`: each grammar rule the PEG parser enters
//! counts one level, and at `MAXSTACK` = 6000 levels it gives up with `MemoryError: Parser
//! stack overflowed - Python source too complex to parse`), estimated from the tokens before
//! Ruff's parser runs.
//!
//! Why before: Ruff's parser recurses once per prefix operator (`-`, `not`, `*`, `await`,
//! `lambda`, `yield`), per right operand of `**` or of a conditional's `else`, and per bracket,
//! with nothing to stop it, so a line of a million `-` signs overflows any stack. This module
//! walks the token stream (Ruff's lexer loops, it does not recurse) with an explicit stack of
//! the constructs open at each token and the number of CPython parser levels each costs:
//!
//! | construct                                   | levels                              |
//! |---------------------------------------------|-------------------------------------|
//! | a statement's expression (`x = ...`: +2)    | 31 (`if`/`while`/`elif` headers: 30) |
//! | an indented block                           | 6                                   |
//! | each `elif` of one `if` statement           | 1 (the `else` after them: 1 more)   |
//! | `(` / `[` / `{` / a call or subscript       | 28 / 29 / 29 / 24 (outermost: 18 less) |
//! | f-string `{`                                | 33 (outermost: 15)                  |
//! | unary `-` `+` `~`, `await`, `not`           | 1, until an operator that binds less |
//! | right operand of a comparison / `and`, `or` | 3 / 2                               |
//! | right operand of `**`, `lambda`             | 2                                   |
//! | `else` of a conditional, `yield`, `*`, `**` unpacking | 1                         |
//!
//! The numbers are measured on CPython 3.12.1: chains of each construct (`x = -...-1`,
//! `x = 1**...**1`, `x = lambda: ... 1`, `x = 1 if a else ... 1`, an `elif` chain, a chain
//! inside 100 nested brackets or blocks) overflow at exactly the length where CPython's do;
//! other shapes come within a few levels (CPython's parser tries alternatives whose depth
//! depends on the rule, a statement's first bracket especially).
//!
//! The guarantee pyrt relies on: every level of Ruff's recursion is a construct counted here at
//! one level or more, so a source accepted here makes Ruff recurse at most a fixed multiple of
//! `MAXSTACK` deep, which its thread's stack holds (`source.rs`).

use ruff_python_ast::token::TokenKind as T;
use ruff_python_parser::{Mode, lexer};

/// `MAXSTACK` in CPython 3.12's `Parser/parser.c`.
const MAXSTACK: usize = 6000;
/// Levels from the start of a statement to its expression's first operand.
const STATEMENT: usize = 31;
/// Levels an indented block adds to the statements in it.
const BLOCK: usize = 6;
/// How much less the outermost bracket of a statement costs.
const OUTERMOST: usize = 18;

/// What ends an open prefix construct: the operators that bind less than it.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Binds {
    /// Unary `-` `+` `~`, `await`, the right operand of `**`: any binary operator but `**`.
    Factor,
    /// The right operand of a comparison: another comparison, or what ends `not`.
    Comparison,
    /// `not`: `and`, `or`, `if`, `else`.
    Not,
    /// The right operand of `and` or `or`: another of them, `if`, `else`.
    BoolOp,
    /// A `lambda`'s body, a conditional's `else` part, `yield`, `*` and `**` unpacking: only
    /// `,`, `:`, `=`, `for` and the end of the bracket or statement.
    Expression,
    /// A `lambda` before its `:` (its parameters may hold `,` and `=`).
    LambdaParameters,
}

/// A bracket and the prefix constructs open inside it.
struct Frame {
    cost: usize,
    open: Vec<(Binds, usize)>,
}

/// The running estimate of CPython's parser depth.
#[derive(Default)]
struct Depth {
    /// The statement's base (with the blocks and `elif`s around it).
    statement: usize,
    /// Brackets, innermost last; the first is the statement itself.
    frames: Vec<Frame>,
    /// The sum of the frames' costs and their open constructs' costs.
    nested: usize,
}

impl Depth {
    fn total(&self) -> usize {
        self.statement + self.nested
    }

    fn start_statement(&mut self, base: usize) {
        self.statement = base;
        self.frames.clear();
        self.frames.push(Frame {
            cost: 0,
            open: Vec::new(),
        });
        self.nested = 0;
    }

    fn top(&mut self) -> &mut Frame {
        self.frames.last_mut().expect("a statement frame")
    }

    fn open(&mut self, binds: Binds, cost: usize) {
        self.top().open.push((binds, cost));
        self.nested += cost;
    }

    /// Closes the constructs of the innermost bracket that bind tighter than `binds`.
    fn close(&mut self, binds: Binds) {
        let frame = self.frames.last_mut().expect("a statement frame");
        while let Some(&(b, cost)) = frame.open.last() {
            if b > binds {
                break;
            }
            frame.open.pop();
            self.nested -= cost;
        }
    }

    fn open_bracket(&mut self, cost: usize) {
        let cost = if self.frames.len() == 1 {
            cost - OUTERMOST
        } else {
            cost
        };
        self.frames.push(Frame {
            cost,
            open: Vec::new(),
        });
        self.nested += cost;
    }

    fn close_bracket(&mut self) {
        if self.frames.len() > 1 {
            let frame = self.frames.pop().expect("a bracket");
            self.nested -= frame.cost + frame.open.iter().map(|&(_, c)| c).sum::<usize>();
        }
    }
}

/// Whether a token ends an operand, so that what follows is in operator position.
fn ends_operand(t: T) -> bool {
    matches!(
        t,
        T::Name
            | T::Int
            | T::Float
            | T::Complex
            | T::String
            | T::FStringEnd
            | T::TStringEnd
            | T::Rpar
            | T::Rsqb
            | T::Rbrace
            | T::True
            | T::False
            | T::None
            | T::Ellipsis
            | T::Match
            | T::Case
            | T::Type
            | T::Lazy
    )
}

/// The blocks and `elif` chains around the statement that starts with `first`.
#[derive(Default)]
struct Blocks {
    /// Indentation levels.
    indent: usize,
    /// Per indentation level, the `elif`s (and trailing `else`) of the `if` statement there.
    elifs: Vec<usize>,
}

impl Blocks {
    fn statement_base(&mut self, first: T) -> usize {
        self.elifs.resize(self.indent + 1, 0);
        let here = &mut self.elifs[self.indent];
        match first {
            T::Elif => *here += 1,
            T::Else if *here > 0 => *here += 1,
            T::Else => {}
            _ => *here = 0,
        }
        let chains: usize = self.elifs.iter().sum();
        let header = matches!(first, T::If | T::While | T::Elif);
        STATEMENT - usize::from(header) + BLOCK * self.indent + chains
    }
}

/// Whether CPython's parser would overflow its stack on `text`.
pub(crate) fn too_complex(text: &str) -> bool {
    let mut lexer = lexer::lex(text, Mode::Module);
    let mut blocks = Blocks::default();
    let mut depth = Depth::default();
    let mut statement_start = true;
    let mut base = STATEMENT;
    let mut assignment = false;
    let mut prev = T::Newline;
    loop {
        let t = lexer.next_token();
        match t {
            T::EndOfFile => return false,
            T::Newline => {
                statement_start = true;
                prev = t;
                continue;
            }
            T::NonLogicalNewline | T::Comment => continue,
            T::Indent => {
                blocks.indent += 1;
                continue;
            }
            T::Dedent => {
                blocks.indent = blocks.indent.saturating_sub(1);
                continue;
            }
            _ => {}
        }
        if statement_start {
            base = blocks.statement_base(t);
            depth.start_statement(base);
            statement_start = false;
            assignment = false;
        }
        if t == T::Return && prev == T::Newline {
            depth.statement += 2;
        }
        step(&mut depth, prev, t);
        let top_level = depth.frames.len() == 1;
        if top_level && !assignment && is_assignment(t) {
            assignment = true;
            depth.statement += 2;
        }
        if top_level && t == T::Semi {
            depth.start_statement(base);
            assignment = false;
        }
        if depth.total() >= MAXSTACK {
            return true;
        }
        prev = t;
    }
}

fn is_comparison(t: T) -> bool {
    matches!(
        t,
        T::Less
            | T::Greater
            | T::EqEqual
            | T::NotEqual
            | T::LessEqual
            | T::GreaterEqual
            | T::In
            | T::Is
            | T::Not
    )
}

fn is_assignment(t: T) -> bool {
    t == T::Equal || t.as_augmented_assign_operator().is_some()
}

/// Updates the open constructs for token `t` after token `prev`.
fn step(depth: &mut Depth, prev: T, t: T) {
    let after_operand = ends_operand(prev);
    match t {
        T::Lpar | T::Lsqb if after_operand => depth.open_bracket(24),
        T::Lbrace if matches!(prev, T::FStringStart | T::FStringMiddle) => depth.open_bracket(33),
        T::Lpar => depth.open_bracket(28),
        T::Lsqb | T::Lbrace => depth.open_bracket(29),
        T::Rpar | T::Rsqb | T::Rbrace => depth.close_bracket(),
        T::Minus | T::Plus | T::Tilde | T::Await | T::Not if !after_operand && prev != T::Is => {
            let binds = if t == T::Not {
                Binds::Not
            } else {
                Binds::Factor
            };
            depth.open(binds, 1);
        }
        T::DoubleStar if after_operand => depth.open(Binds::Factor, 2),
        T::Star | T::DoubleStar | T::Yield if !after_operand => depth.open(Binds::Expression, 1),
        T::Lambda => depth.open(Binds::LambdaParameters, 2),
        T::And | T::Or => {
            depth.close(Binds::BoolOp);
            depth.open(Binds::BoolOp, 2);
        }
        T::If => depth.close(Binds::BoolOp),
        T::Else => {
            depth.close(Binds::BoolOp);
            if after_operand {
                depth.open(Binds::Expression, 1);
            }
        }
        T::Colon => {
            depth.close(Binds::Expression);
            let frame = depth.top();
            if let Some(last) = frame.open.last_mut()
                && last.0 == Binds::LambdaParameters
            {
                last.0 = Binds::Expression;
            }
        }
        T::Comma
        | T::Equal
        | T::ColonEqual
        | T::For
        | T::Async
        | T::Rarrow
        | T::From
        | T::As
        | T::Semi => depth.close(Binds::Expression),
        _ if t.as_augmented_assign_operator().is_some() => depth.close(Binds::Expression),
        T::Dot
        | T::String
        | T::FStringStart
        | T::FStringMiddle
        | T::FStringEnd
        | T::TStringStart
        | T::TStringMiddle
        | T::TStringEnd => {}
        _ if after_operand && is_comparison(t) => {
            depth.close(Binds::Comparison);
            depth.open(Binds::Comparison, 3);
        }
        _ if after_operand => depth.close(Binds::Factor),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::too_complex;

    /// Makes a source with a chain of the given length.
    type Chain = dyn Fn(usize) -> String;

    /// The longest chain CPython 3.12.1 parses, for each shape (measured).
    #[test]
    fn chains_overflow_where_cpython_overflows() {
        let chains: [(&str, usize, &Chain); 11] = [
            ("x = -", 5966, &|n| format!("x = {}1\n", "-".repeat(n))),
            ("-", 5968, &|n| format!("{}a\n", "-".repeat(n))),
            ("~", 5966, &|n| format!("x = {}1\n", "~".repeat(n))),
            ("**", 2984, &|n| format!("x = 1{}\n", "**1".repeat(n - 1))),
            ("lambda", 2983, &|n| {
                format!("x = {}1\n", "lambda: ".repeat(n))
            }),
            ("if-else", 5966, &|n| {
                format!("x = {}1\n", "1 if a else ".repeat(n))
            }),
            ("elif", 5962, &|n| {
                format!("if x:\n    pass\n{}", "elif x:\n    pass\n".repeat(n))
            }),
            ("( -", 3184, &|n| {
                format!(
                    "x = {}{}1{}\n",
                    "(".repeat(100),
                    "-".repeat(n),
                    ")".repeat(100)
                )
            }),
            ("[ -", 3084, &|n| {
                format!(
                    "x = {}{}1{}\n",
                    "[".repeat(100),
                    "-".repeat(n),
                    "]".repeat(100)
                )
            }),
            ("f(lambda: -", 2084, &|n| {
                format!(
                    "x = {}{}1{}\n",
                    "f(lambda: ".repeat(150),
                    "-".repeat(n),
                    ")".repeat(150)
                )
            }),
            ("f'{ -", 2684, &|n| {
                format!(
                    "x = {}{}1{}\n",
                    "f'{".repeat(100),
                    "-".repeat(n),
                    "}'".repeat(100)
                )
            }),
        ];
        for (name, longest, make) in chains {
            assert!(!too_complex(&make(longest)), "{name} {longest}");
            assert!(too_complex(&make(longest + 1)), "{name} {}", longest + 1);
        }
    }

    #[test]
    fn ordinary_sources_are_not_too_complex() {
        let source = "def f(a, b=-1):\n    return not a and -b ** -2 if a else lambda x=1, y=2: x\nx = [-i for i in range(10) if not i]\nprint(*x, **{'sep': -1})\n";
        assert!(!too_complex(source));
        let long = format!(
            "x = [{}]\n",
            "-1, not 2, lambda: 3, 4 if 5 else 6, ".repeat(100_000)
        );
        assert!(!too_complex(&long));
        let sum = format!("x = 1{}\n", " + -1".repeat(100_000));
        assert!(!too_complex(&sum));
    }
}
