//! Dropping a syntax tree without recursion.
//!
//! Ruff's syntax tree nests by `Box` and `Vec`, and Rust's drop glue recurses once per level:
//! a left-deep chain such as `1 + 1 + ... + 1` (which the parser builds in a loop, so its depth
//! is bounded only by the source's length) would overflow any stack when dropped. CPython has no
//! such problem: its syntax tree lives in an arena freed in one go.
//!
//! [`drop_body`] dismantles a tree with an explicit work list instead, as the rest of pyrt frees
//! deep structures: each node popped from the list has its direct sub-expressions and
//! sub-statements swapped for leaves (`None`, `pass`) and pushed on the list, and is then dropped
//! with only leaves below it. Ruff's [`Transformer`] names the direct children of every node
//! kind; its walks recurse only through the structures between two expressions or statements
//! (arguments, comprehensions, parameters, f-string parts, patterns), whose nesting the
//! tokenizer's bracket limit bounds.
//!
//! Invariant: after [`drop_body`] returns, every node of the tree has been dropped, each at a
//! stack depth that does not depend on the tree's depth.

use std::cell::RefCell;

use ruff_python_ast::visitor::transformer::{self, Transformer};
use ruff_python_ast::{AtomicNodeIndex, Expr, ExprNoneLiteral, Stmt, StmtPass};
use ruff_text_size::TextRange;

/// The work lists: nodes taken out of their parents, not yet dismantled.
#[derive(Default)]
struct Dismantler {
    exprs: RefCell<Vec<Expr>>,
    stmts: RefCell<Vec<Stmt>>,
}

impl Transformer for Dismantler {
    /// Takes a direct sub-statement out of the node being dismantled.
    fn visit_stmt(&self, stmt: &mut Stmt) {
        let leaf = Stmt::Pass(StmtPass {
            node_index: AtomicNodeIndex::NONE,
            range: TextRange::default(),
        });
        self.stmts.borrow_mut().push(std::mem::replace(stmt, leaf));
    }

    /// Takes a direct sub-expression out of the node being dismantled.
    fn visit_expr(&self, expr: &mut Expr) {
        let leaf = Expr::NoneLiteral(ExprNoneLiteral::default());
        self.exprs.borrow_mut().push(std::mem::replace(expr, leaf));
    }
}

/// Drops the statements of a module (or of any body), and everything below them, without
/// recursing over the tree's depth.
pub fn drop_body(body: Vec<Stmt>) {
    let work = Dismantler::default();
    work.stmts.borrow_mut().extend(body);
    loop {
        let stmt = work.stmts.borrow_mut().pop();
        if let Some(mut stmt) = stmt {
            transformer::walk_stmt(&work, &mut stmt);
            continue;
        }
        let expr = work.exprs.borrow_mut().pop();
        match expr {
            Some(mut expr) => transformer::walk_expr(&work, &mut expr),
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Vec<Stmt> {
        ruff_python_parser::parse_module(source)
            .expect("the source parses")
            .into_syntax()
            .body
    }

    #[test]
    fn a_million_deep_left_chain_drops_on_a_small_stack() {
        let source = format!("x = 1{}\n", " + 1".repeat(1_000_000));
        // Parsing a left-deep chain loops; only dropping it would recurse.
        let body = std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || parse(&source))
            .expect("a thread")
            .join()
            .expect("the parser finishes");
        std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || drop_body(body))
            .expect("a thread")
            .join()
            .expect("the tree drops without overflowing");
    }

    #[test]
    fn every_kind_of_node_is_dismantled() {
        let source = "def f(a=-1, *b, c: int = 2, **d) -> e:\n    return [x async for x in y if z]\nclass C(B, metaclass=M):\n    x: int = f'{a!r:>{w}}'\nfor i in {1: 2, **k}:\n    with a as b, c:\n        pass\nelse:\n    del a[1:2:3], b.c\ntry:\n    raise E from F\nexcept* (G, H) as e:\n    yield from (lambda q=1: q)(*s)\nmatch v:\n    case [1, *r] | {'k': 2, **m} | P(a=3) if g:\n        pass\ntype T[X: int] = list[X]\nif a:\n    pass\nelif b:\n    assert c, d\nelse:\n    global g\n";
        drop_body(parse(source));
    }
}
