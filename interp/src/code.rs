//! What CPython's compiler decides before anything runs, for one module: which names of each
//! function are locals (`symtable.c`), and the constants (`compile.c`, `ast_opt.c`):
//!
//! * every literal is made into an object once, as the parser does (the "arena" keeps it alive
//!   while the script runs, which is why `sys.getrefcount` of a constant counts one more);
//! * constant expressions are folded (`250 + 7`, `-1`, `(1, 2)`, `'ab' * 3`) within CPython's
//!   size limits;
//! * equal constants of one module are merged into one object (`_PyCode_ConstantKey`), and
//!   each code object's `co_consts` holds a reference to the ones it uses.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use core::ptr;
use pyrt_objects::long_digits::LongValue;
use pyrt_objects::types::{bytes, complex, float, long, tuple, unicode};
use pyrt_objects::{Heap, Obj, ObjPtr, PyResult, abstract_};
use ruff_python_ast::{self as ast, Expr, Stmt};

/// A code object: a function's or the module's.
pub(crate) struct Code<'py> {
    /// `co_name`.
    pub name: String,
    /// `co_qualname`.
    pub qualname: String,
    /// Positional parameters, in order.
    pub params: Vec<String>,
    /// Local variables (parameters first), by slot.
    pub locals: Vec<String>,
    /// Slot of each local.
    pub slots: HashMap<String, usize>,
    /// The body.
    pub body: &'static [Stmt],
    /// `co_consts`: a reference to each constant the body uses (held, never read: constants
    /// are found by expression; these references are why `sys.getrefcount` counts them).
    #[allow(dead_code, reason = "held for its references, as CPython's co_consts")]
    pub consts: Vec<Obj<'py>>,
    /// Whether this is a module or class body (names live in a dict).
    pub is_module: bool,
    /// The source the body comes from (a script, or one input of the REPL).
    pub lines: Rc<pyrt_compiler::parse::Lines>,
}

/// The constants of a module, by the range of the expression they replace.
///
/// Only the arena (the syntax tree's own references) and the code objects' `co_consts` hold
/// references, as in CPython; the tables below borrow the objects they keep alive.
pub(crate) struct Constants<'py> {
    heap: &'py Heap,
    /// By the address of the expression node (syntax trees live as long as the interpreter,
    /// so an address is never reused; ranges would be, across the inputs of the REPL).
    by_node: HashMap<usize, ObjPtr>,
    /// One reference per literal, as the parser's nodes hold them.
    arena: Vec<Obj<'py>>,
    /// The merged constants, by key (the first object with that key).
    merged: HashMap<String, ObjPtr>,
}

impl<'py> Constants<'py> {
    /// The constant an expression was folded or merged into, as a new reference.
    pub(crate) fn get(&self, e: &'static Expr) -> Option<Obj<'py>> {
        let p = self.by_node.get(&node_key(e))?;
        // SAFETY: every constant in the table is kept alive by the arena.
        Some(unsafe { Obj::from_borrowed(self.heap, p.as_ref()) })
    }

    /// Whether an expression is a constant.
    pub(crate) fn contains(&self, e: &'static Expr) -> bool {
        self.by_node.contains_key(&node_key(e))
    }
}

fn node_key(e: &'static Expr) -> usize {
    ptr::from_ref(e).addr()
}

/// CPython's folding limits (`ast_opt.c`).
const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// Builds the constants and code objects of a module.
pub(crate) struct Compiler<'a, 'py> {
    heap: &'py Heap,
    consts: &'a mut Constants<'py>,
    lines: Rc<pyrt_compiler::parse::Lines>,
    /// The constants the current code object uses, by identity.
    current: Vec<Obj<'py>>,
}

impl<'py> Constants<'py> {
    pub(crate) fn new(heap: &'py Heap) -> Self {
        Constants {
            heap,
            by_node: HashMap::new(),
            arena: Vec::new(),
            merged: HashMap::new(),
        }
    }
}

/// The merge key of a constant (`_PyCode_ConstantKey`): type and value, floats by their bits.
fn key(heap: &Heap, o: &Obj<'_>) -> PyResult<String> {
    let ty = o.ob_type().name().to_string();
    if let Some(x) = float::Float::cast(o.object()) {
        return Ok(format!("float:{:x}", float::float_value(x).to_bits()));
    }
    if let Some(t) = tuple::Tuple::cast(o.object()) {
        let mut parts = Vec::new();
        for p in tuple::items(t) {
            // SAFETY: a tuple holds its items.
            let item = unsafe { Obj::from_borrowed(heap, p.as_ref()) };
            parts.push(key(heap, &item)?);
        }
        return Ok(format!("tuple:({})", parts.join(",")));
    }
    Ok(format!("{ty}:{}", abstract_::repr(heap, o.object())?))
}

impl<'a, 'py> Compiler<'a, 'py> {
    pub(crate) fn new(
        heap: &'py Heap,
        consts: &'a mut Constants<'py>,
        lines: Rc<pyrt_compiler::parse::Lines>,
    ) -> Self {
        Compiler {
            heap,
            consts,
            lines,
            current: Vec::new(),
        }
    }

    /// The code object of the module or of a function or class body.
    pub(crate) fn code(
        &mut self,
        name: &str,
        qualname: &str,
        params: Vec<String>,
        body: &'static [Stmt],
        is_module: bool,
    ) -> PyResult<Rc<Code<'py>>> {
        let outer = std::mem::take(&mut self.current);
        let mut locals = params.clone();
        if !is_module {
            let mut globals = HashSet::new();
            collect_globals(body, &mut globals);
            let mut assigned = Vec::new();
            collect_assigned(body, &mut assigned);
            for n in assigned {
                if !globals.contains(&n) && !locals.contains(&n) {
                    locals.push(n);
                }
            }
        }
        for s in body {
            self.stmt(s)?;
        }
        let consts = std::mem::replace(&mut self.current, outer);
        let slots = locals
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i))
            .collect();
        Ok(Rc::new(Code {
            name: name.to_string(),
            qualname: qualname.to_string(),
            params,
            locals,
            slots,
            body,
            consts,
            is_module,
            lines: self.lines.clone(),
        }))
    }

    /// Records `value` (held by the arena) as the constant of expression `e`, merged with an
    /// equal constant seen before; the current code object takes a reference to the merged one.
    fn use_const(&mut self, e: &'static Expr, value: Obj<'py>) -> PyResult<Obj<'py>> {
        let k = key(self.heap, &value)?;
        let canonical = *self
            .consts
            .merged
            .entry(k)
            .or_insert_with(|| value.as_ptr());
        self.consts.by_node.insert(node_key(e), canonical);
        // SAFETY: the canonical object is held by the arena.
        let canonical = unsafe { Obj::from_borrowed(self.heap, canonical.as_ref()) };
        if !self.current.iter().any(|c| c.is(&canonical)) {
            self.current.push(canonical.clone());
        }
        Ok(canonical)
    }

    fn stmt(&mut self, s: &'static Stmt) -> PyResult<()> {
        // Function and class bodies become their own code objects when they run; here only
        // what the statement evaluates in this scope is compiled.
        match s {
            Stmt::FunctionDef(f) => {
                for p in f.parameters.iter_non_variadic_params() {
                    if let Some(d) = &p.default {
                        self.expr(d)?;
                    }
                }
                Ok(())
            }
            Stmt::ClassDef(c) => {
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                }
                Ok(())
            }
            _ => {
                let mut result = Ok(());
                for_each_child(s, &mut |e| {
                    if result.is_ok() {
                        result = self.expr(e).map(drop);
                    }
                });
                for_each_child_stmt(s, &mut |b| {
                    if result.is_ok() {
                        result = self.stmt(b);
                    }
                });
                result
            }
        }
    }

    /// Compiles an expression: its constants, folded where CPython folds; returns the
    /// constant it is, if it is one.
    pub(crate) fn expr(&mut self, e: &'static Expr) -> PyResult<Option<Obj<'py>>> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.expr_inner(e))
    }

    fn expr_inner(&mut self, e: &'static Expr) -> PyResult<Option<Obj<'py>>> {
        let heap = self.heap;
        let literal = match e {
            Expr::NumberLiteral(n) => Some(number(heap, &n.value)?),
            Expr::StringLiteral(s) => Some(unicode::new_constant_str(heap, s.value.to_str())?),
            Expr::BytesLiteral(b) => Some(bytes::new_bytes(
                heap,
                &b.value.bytes().collect::<Vec<_>>(),
            )?),
            Expr::BooleanLiteral(b) => Some(long::new_bool(heap, b.value)),
            Expr::NoneLiteral(_) => Some(pyrt_objects::types::none(heap)),
            Expr::EllipsisLiteral(_) => Some(pyrt_objects::types::ellipsis(heap)),
            _ => None,
        };
        if let Some(v) = literal {
            self.consts.arena.push(v.clone());
            return self.use_const(e, v).map(Some);
        }
        let folded = match e {
            Expr::UnaryOp(u) => match self.expr(&u.operand)? {
                Some(v) => fold_unary(heap, u.op, &v),
                None => None,
            },
            Expr::BinOp(b) => {
                let (l, r) = (self.expr(&b.left)?, self.expr(&b.right)?);
                match (l, r) {
                    (Some(l), Some(r)) => fold_binary(heap, b.op, &l, &r),
                    _ => None,
                }
            }
            Expr::Tuple(t) => {
                let mut items = Vec::new();
                let mut all = true;
                for el in &t.elts {
                    match self.expr(el)? {
                        Some(v) => items.push(v),
                        None => all = false,
                    }
                }
                if all && !t.elts.iter().any(Expr::is_starred_expr) {
                    let t = tuple::new_tuple(heap, items)?;
                    // CPython's constant tuples of atoms are untracked by the collection that
                    // runs as the compiled script starts (the compiler's allocations leave
                    // generation 0 over its threshold): pyrt untracks them as it makes them.
                    tuple::maybe_untrack(heap, t.object());
                    Some(t)
                } else {
                    None
                }
            }
            _ => {
                let mut result = Ok(());
                for_each_subexpr(e, &mut |sub| {
                    if result.is_ok() {
                        result = self.expr(sub).map(drop);
                    }
                });
                result?;
                None
            }
        };
        match folded {
            Some(v) => {
                // Folded str constants are interned like literal ones (`intern_string_constants`).
                let v = if let Some(s) = unicode::Str::cast(v.object()) {
                    unicode::new_constant_str(heap, &unicode::str_value(s))?
                } else {
                    v
                };
                self.consts.arena.push(v.clone());
                self.use_const(e, v).map(Some)
            }
            None => Ok(None),
        }
    }
}

fn number<'py>(heap: &'py Heap, n: &ast::Number) -> PyResult<Obj<'py>> {
    match n {
        ast::Number::Int(i) => match i.as_i64() {
            Some(v) => long::int_from_i64(heap, v),
            None => int_literal(heap, &i.to_string()),
        },
        ast::Number::Float(f) => float::new_float(heap, *f),
        ast::Number::Complex { real, imag } => complex::new_complex(heap, *real, *imag),
    }
}

/// A big int literal: decimal, or `0x`/`0o`/`0b` with `_` separators.
fn int_literal<'py>(heap: &'py Heap, text: &str) -> PyResult<Obj<'py>> {
    let clean: String = text.chars().filter(|c| *c != '_').collect();
    let lower = clean.to_ascii_lowercase();
    let v = match lower.get(..2) {
        Some("0x") => LongValue::parse_radix(&lower[2..], 16),
        Some("0o") => LongValue::parse_radix(&lower[2..], 8),
        Some("0b") => LongValue::parse_radix(&lower[2..], 2),
        _ => LongValue::parse_with_limit(&clean, 10, usize::MAX),
    }
    .map_err(long::long_error)?;
    long::new_int(heap, &v)
}

fn bits(_heap: &Heap, o: &Obj<'_>) -> Option<u64> {
    long::Int::cast(o.object()).map(|i| long::long_value(i).bit_length())
}

fn seq_len(o: &Obj<'_>) -> Option<(usize, usize)> {
    let v = o.object();
    if let Some(t) = tuple::Tuple::cast(v) {
        Some((tuple::tuple_len(t), MAX_COLLECTION_SIZE))
    } else if let Some(s) = unicode::Str::cast(v) {
        Some((unicode::str_len(s), MAX_STR_SIZE))
    } else {
        bytes::Bytes::cast(v).map(|b| (bytes::bytes_value(b).len(), MAX_STR_SIZE))
    }
}

fn small_int(_heap: &Heap, o: &Obj<'_>) -> Option<i64> {
    long::object_as_i64(o.object())
}

/// `fold_unaryop`.
fn fold_unary<'py>(heap: &'py Heap, op: ast::UnaryOp, v: &Obj<'py>) -> Option<Obj<'py>> {
    use abstract_::UnOp;
    let r = match op {
        ast::UnaryOp::USub => abstract_::unary_op(heap, v.object(), UnOp::Neg),
        ast::UnaryOp::UAdd => abstract_::unary_op(heap, v.object(), UnOp::Pos),
        ast::UnaryOp::Invert => abstract_::unary_op(heap, v.object(), UnOp::Invert),
        ast::UnaryOp::Not => abstract_::is_true(heap, v.object()).map(|b| long::new_bool(heap, !b)),
    };
    r.ok()
}

/// `fold_binop` with `safe_multiply`, `safe_power`, `safe_lshift` and `safe_mod`.
fn fold_binary<'py>(
    heap: &'py Heap,
    op: ast::Operator,
    l: &Obj<'py>,
    r: &Obj<'py>,
) -> Option<Obj<'py>> {
    use abstract_::BinOp;
    use ast::Operator as O;
    let too_big = match op {
        O::Mult => match (bits(heap, l), bits(heap, r)) {
            (Some(a), Some(b)) => a + b > MAX_INT_SIZE,
            _ => {
                let (seq, n) = match (seq_len(l), seq_len(r)) {
                    (Some(s), _) => (s, small_int(heap, r)),
                    (_, Some(s)) => (s, small_int(heap, l)),
                    _ => ((0, usize::MAX), Some(0)),
                };
                match n {
                    Some(n) if n > 0 => seq.0 > 0 && (n as usize) > seq.1 / seq.0,
                    Some(_) => false,
                    None => true,
                }
            }
        },
        O::Pow => match (bits(heap, l), small_int(heap, r)) {
            (Some(vb), Some(w)) if vb > 0 && w > 0 => vb > MAX_INT_SIZE / w as u64,
            (Some(_), None) => true,
            _ => false,
        },
        O::LShift => match (bits(heap, l), small_int(heap, r)) {
            (Some(vb), Some(w)) if w >= 0 => {
                w as u64 > MAX_INT_SIZE || vb > MAX_INT_SIZE - w as u64
            }
            _ => false,
        },
        O::Mod => unicode::is_str(l.object()) || bytes::is_bytes(l.object()),
        O::MatMult => true,
        _ => false,
    };
    if too_big {
        return None;
    }
    let binop = match op {
        O::Add => BinOp::Add,
        O::Sub => BinOp::Sub,
        O::Mult => BinOp::Mul,
        O::Div => BinOp::TrueDiv,
        O::FloorDiv => BinOp::FloorDiv,
        O::Mod => BinOp::Mod,
        O::Pow => BinOp::Pow,
        O::LShift => BinOp::LShift,
        O::RShift => BinOp::RShift,
        O::BitOr => BinOp::Or,
        O::BitXor => BinOp::Xor,
        O::BitAnd => BinOp::And,
        O::MatMult => return None,
    };
    abstract_::binary_op(heap, l.object(), r.object(), binop).ok()
}

/// Names a `global` statement declares in a body (not in nested functions).
fn collect_globals(body: &'static [Stmt], out: &mut HashSet<String>) {
    for s in body {
        match s {
            Stmt::Global(g) => out.extend(g.names.iter().map(|n| n.to_string())),
            Stmt::FunctionDef(_) | Stmt::ClassDef(_) => {}
            _ => for_each_child_stmt(s, &mut |b| collect_globals(core::slice::from_ref(b), out)),
        }
    }
}

/// Names a body binds (assignments, loop targets, `def`, `class`, imports, `except as`).
fn collect_assigned(body: &'static [Stmt], out: &mut Vec<String>) {
    let mut add = |n: &str| {
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    };
    for s in body {
        match s {
            Stmt::FunctionDef(f) => add(f.name.as_str()),
            Stmt::ClassDef(c) => add(c.name.as_str()),
            Stmt::Assign(a) => a.targets.iter().for_each(|t| target_names(t, &mut add)),
            Stmt::AugAssign(a) => target_names(&a.target, &mut add),
            Stmt::AnnAssign(a) => target_names(&a.target, &mut add),
            Stmt::For(f) => target_names(&f.target, &mut add),
            Stmt::Delete(d) => d.targets.iter().for_each(|t| target_names(t, &mut add)),
            Stmt::Import(i) => i.names.iter().for_each(|a| {
                let n = a.asname.as_ref().unwrap_or(&a.name).as_str();
                add(n.split('.').next().unwrap_or(n));
            }),
            Stmt::ImportFrom(i) => i
                .names
                .iter()
                .for_each(|a| add(a.asname.as_ref().unwrap_or(&a.name).as_str())),
            Stmt::Try(t) => t.handlers.iter().for_each(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                if let Some(n) = &h.name {
                    add(n.as_str());
                }
            }),
            _ => {}
        }
        if !matches!(s, Stmt::FunctionDef(_) | Stmt::ClassDef(_)) {
            let mut nested = Vec::new();
            for_each_child_stmt(s, &mut |b| {
                collect_assigned(core::slice::from_ref(b), &mut nested)
            });
            for n in nested {
                add(&n);
            }
        }
    }
}

fn target_names(t: &Expr, add: &mut impl FnMut(&str)) {
    match t {
        Expr::Name(n) => add(n.id.as_str()),
        Expr::Tuple(tp) => tp.elts.iter().for_each(|e| target_names(e, add)),
        Expr::List(l) => l.elts.iter().for_each(|e| target_names(e, add)),
        Expr::Starred(s) => target_names(&s.value, add),
        _ => {}
    }
}

/// The statements directly inside `s` (bodies of compound statements).
pub(crate) fn for_each_child_stmt(s: &'static Stmt, f: &mut dyn FnMut(&'static Stmt)) {
    let mut all = |b: &'static [Stmt]| b.iter().for_each(&mut *f);
    match s {
        Stmt::If(i) => {
            all(&i.body);
            i.elif_else_clauses.iter().for_each(|c| all(&c.body));
        }
        Stmt::While(w) => {
            all(&w.body);
            all(&w.orelse);
        }
        Stmt::For(fo) => {
            all(&fo.body);
            all(&fo.orelse);
        }
        Stmt::Try(t) => {
            all(&t.body);
            t.handlers.iter().for_each(|h| {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                all(&h.body);
            });
            all(&t.orelse);
            all(&t.finalbody);
        }
        Stmt::With(w) => all(&w.body),
        _ => {}
    }
}

/// The expressions a statement evaluates in its own scope.
pub(crate) fn for_each_child(s: &'static Stmt, f: &mut dyn FnMut(&'static Expr)) {
    match s {
        Stmt::Expr(e) => f(&e.value),
        Stmt::Assign(a) => {
            f(&a.value);
            a.targets.iter().for_each(&mut *f);
        }
        Stmt::AugAssign(a) => {
            f(&a.target);
            f(&a.value);
        }
        Stmt::AnnAssign(a) => a.value.iter().for_each(|v| f(v)),
        Stmt::Return(r) => r.value.iter().for_each(|v| f(v)),
        Stmt::Delete(d) => d.targets.iter().for_each(&mut *f),
        Stmt::If(i) => {
            f(&i.test);
            i.elif_else_clauses
                .iter()
                .filter_map(|c| c.test.as_ref())
                .for_each(&mut *f);
        }
        Stmt::While(w) => f(&w.test),
        Stmt::For(fo) => {
            f(&fo.target);
            f(&fo.iter);
        }
        Stmt::Raise(r) => r.exc.iter().chain(&r.cause).for_each(|v| f(v)),
        Stmt::Assert(a) => {
            f(&a.test);
            a.msg.iter().for_each(|v| f(v));
        }
        Stmt::Try(t) => t.handlers.iter().for_each(|h| {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            h.type_.iter().for_each(|v| f(v));
        }),
        _ => {}
    }
}

/// The direct sub-expressions of `e`.
pub(crate) fn for_each_subexpr(e: &'static Expr, f: &mut dyn FnMut(&'static Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(&mut *f),
        Expr::Named(n) => {
            f(&n.target);
            f(&n.value);
        }
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right);
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse);
        }
        Expr::Dict(d) => d.items.iter().for_each(|it| {
            it.key.iter().for_each(&mut *f);
            f(&it.value);
        }),
        Expr::Set(s) => s.elts.iter().for_each(&mut *f),
        Expr::List(l) => l.elts.iter().for_each(&mut *f),
        Expr::Tuple(t) => t.elts.iter().for_each(&mut *f),
        Expr::ListComp(c) => {
            f(&c.elt);
            comprehension(&c.generators, f);
        }
        Expr::SetComp(c) => {
            f(&c.elt);
            comprehension(&c.generators, f);
        }
        Expr::Generator(c) => {
            f(&c.elt);
            comprehension(&c.generators, f);
        }
        Expr::DictComp(c) => {
            f(&c.key);
            f(&c.value);
            comprehension(&c.generators, f);
        }
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(&mut *f);
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            c.arguments.keywords.iter().for_each(|k| f(&k.value));
        }
        Expr::FString(s) => {
            for part in s.value.as_slice() {
                if let ast::FStringPart::FString(fs) = part {
                    interpolations(&fs.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice);
        }
        Expr::Starred(s) => f(&s.value),
        Expr::Slice(s) => s
            .lower
            .iter()
            .chain(&s.upper)
            .chain(&s.step)
            .for_each(|v| f(v)),
        _ => {}
    }
}

fn interpolations(
    elements: &'static ast::InterpolatedStringElements,
    f: &mut dyn FnMut(&'static Expr),
) {
    for el in elements.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                interpolations(&spec.elements, f);
            }
        }
    }
}

fn comprehension(gens: &'static [ast::Comprehension], f: &mut dyn FnMut(&'static Expr)) {
    for g in gens {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut *f);
    }
}

/// CPython 3.12's compiler recursion limit: `C_RECURSION_LIMIT` (1500) times
/// `COMPILER_STACK_FRAME_SCALE` (2) in `symtable.c` and `ast_opt.c`, which count one level per
/// statement and per expression they enter (measured: `x = ` and 2998 `-` signs compile, 2999
/// do not).
pub(crate) const COMPILE_DEPTH_LIMIT: usize = 3000;

/// Whether any statement or expression of `body` nests deeper than CPython's compiler allows,
/// counting as CPython's syntax tree nests (an `elif` is an `if` inside the previous one's
/// `else`, an f-string's value sits inside a `FormattedValue`), measured with explicit work
/// lists (so the measure itself cannot overflow the stack).
pub(crate) fn too_deep(body: &'static [Stmt]) -> bool {
    let mut exprs: Vec<(&'static Expr, usize)> = Vec::new();
    let mut stmts: Vec<(&'static Stmt, usize)> = body.iter().map(|s| (s, 1)).collect();
    while let Some((s, depth)) = stmts.pop() {
        if depth > COMPILE_DEPTH_LIMIT {
            return true;
        }
        statement_children(s, depth, &mut stmts, &mut exprs);
        while let Some((e, d)) = exprs.pop() {
            if d > COMPILE_DEPTH_LIMIT {
                return true;
            }
            let inner = if matches!(e, Expr::FString(_)) { 2 } else { 1 };
            for_each_subexpr(e, &mut |sub| exprs.push((sub, d + inner)));
        }
    }
    false
}

/// Pushes the statements and expressions directly inside `s` (at `depth`) with their depths.
fn statement_children(
    s: &'static Stmt,
    depth: usize,
    stmts: &mut Vec<(&'static Stmt, usize)>,
    exprs: &mut Vec<(&'static Expr, usize)>,
) {
    match s {
        Stmt::If(i) => {
            exprs.push((&i.test, depth + 1));
            i.body.iter().for_each(|b| stmts.push((b, depth + 1)));
            for (n, clause) in i.elif_else_clauses.iter().enumerate() {
                // Clause `n` is the `orelse` of the `if` at `depth + n`.
                let inner = depth + n + 1 + usize::from(clause.test.is_some());
                clause.test.iter().for_each(|t| exprs.push((t, inner)));
                clause.body.iter().for_each(|b| stmts.push((b, inner)));
            }
            return;
        }
        Stmt::FunctionDef(f) => {
            f.body.iter().for_each(|b| stmts.push((b, depth + 1)));
            for p in f.parameters.iter_non_variadic_params() {
                p.default.iter().for_each(|d| exprs.push((d, depth + 1)));
            }
        }
        Stmt::ClassDef(c) => {
            c.body.iter().for_each(|b| stmts.push((b, depth + 1)));
            if let Some(a) = &c.arguments {
                a.args.iter().for_each(|e| exprs.push((e, depth + 1)));
            }
        }
        _ => {}
    }
    for_each_child(s, &mut |e| exprs.push((e, depth + 1)));
    for_each_child_stmt(s, &mut |b| stmts.push((b, depth + 1)));
}
