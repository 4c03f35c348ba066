//! Statements: the subset check (anything outside it is a `SyntaxError` naming the construct),
//! blocks, assignment targets, loops, `try`, `def`, `class` and `import`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pyrt_objects::types::{dict, list, tuple, unicode};
use pyrt_objects::{Obj, abstract_};
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::Ranged;

use super::code::{Code, Compiler};
use super::exceptions;
use super::objects::{FUNCTION, function};
use super::{Frame, Interp, R, Raised, TraceEntry, Unwind};
use pyrt_compiler::parse::{Lines, SyntaxError};

/// Rejects what the interpreter does not run, naming the construct and its line.
pub(crate) fn check_subset(
    filename: &str,
    lines: &Lines,
    body: &'static [Stmt],
) -> Result<(), SyntaxError> {
    for s in body {
        let unsupported = match s {
            Stmt::FunctionDef(f) if f.is_async => Some("async def"),
            Stmt::FunctionDef(f) if !f.decorator_list.is_empty() => Some("decorators"),
            Stmt::FunctionDef(f)
                if f.parameters.vararg.is_some()
                    || f.parameters.kwarg.is_some()
                    || !f.parameters.kwonlyargs.is_empty()
                    || !f.parameters.posonlyargs.is_empty() =>
            {
                Some("*args, **kwargs and keyword-only parameters")
            }
            Stmt::ClassDef(c) if !c.decorator_list.is_empty() => Some("decorators"),
            Stmt::With(_) => Some("with"),
            Stmt::Match(_) => Some("match"),
            Stmt::Nonlocal(_) => Some("nonlocal"),
            Stmt::TypeAlias(_) => Some("type aliases"),
            Stmt::Try(t) if t.is_star => Some("except*"),
            Stmt::IpyEscapeCommand(_) => Some("IPython escapes"),
            Stmt::For(f) if f.is_async => Some("async for"),
            _ => None,
        };
        if let Some(what) = unsupported {
            return Err(lines.error(
                filename,
                s.range().start(),
                format!("pyrt does not support '{what}'"),
            ));
        }
        let mut exprs = Vec::new();
        super::code::for_each_child(s, &mut |e| exprs.push(e));
        if let Stmt::FunctionDef(f) = s {
            for p in f.parameters.iter_non_variadic_params() {
                exprs.extend(p.default.as_deref());
            }
        }
        check_exprs(filename, lines, exprs)?;
        let mut nested = Ok(());
        super::code::for_each_child_stmt(s, &mut |b| {
            if nested.is_ok() {
                nested = check_subset(filename, lines, core::slice::from_ref(b));
            }
        });
        nested?;
        match s {
            Stmt::FunctionDef(f) => check_subset(filename, lines, &f.body)?,
            Stmt::ClassDef(c) => check_subset(filename, lines, &c.body)?,
            _ => {}
        }
    }
    Ok(())
}

/// Rejects expressions outside the subset, walking them with a work list.
fn check_exprs(
    filename: &str,
    lines: &Lines,
    mut work: Vec<&'static Expr>,
) -> Result<(), SyntaxError> {
    while let Some(e) = work.pop() {
        let unsupported = match e {
            Expr::Lambda(_) => Some("lambda"),
            Expr::Await(_) => Some("await"),
            Expr::Yield(_) | Expr::YieldFrom(_) => Some("yield"),
            Expr::TString(_) => Some("template strings"),
            Expr::IpyEscapeCommand(_) => Some("IPython escapes"),
            Expr::Call(c) if c.arguments.keywords.iter().any(|k| k.arg.is_none()) => {
                Some("** in calls")
            }
            Expr::ListComp(c) if c.generators.iter().any(|g| g.is_async) => {
                Some("async comprehensions")
            }
            _ => None,
        };
        if let Some(what) = unsupported {
            return Err(lines.error(
                filename,
                e.range().start(),
                format!("pyrt does not support '{what}'"),
            ));
        }
        super::code::for_each_subexpr(e, &mut |sub| work.push(sub));
    }
    Ok(())
}

impl<'py> Interp<'py> {
    /// Runs the statements of a block in order.
    pub(crate) fn exec_body(&self, frame: &Frame<'py>, body: &'static [Stmt]) -> R<'py, ()> {
        for s in body {
            frame.line.set(frame.code.lines.line_of(s.range().start()));
            if let Err(mut e) = self.exec(frame, s) {
                if let Unwind::Raise(r) = &mut e
                    && r.line.is_none()
                {
                    r.line = Some(frame.line.get());
                }
                return Err(e);
            }
        }
        Ok(())
    }

    fn exec(&self, frame: &Frame<'py>, s: &'static Stmt) -> R<'py, ()> {
        match s {
            Stmt::Expr(e) => {
                self.eval(frame, &e.value)?;
                Ok(())
            }
            Stmt::Assign(a) => {
                let value = self.eval(frame, &a.value)?;
                for t in &a.targets {
                    self.assign(frame, t, value.clone())?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(frame, a),
            Stmt::AnnAssign(a) => match &a.value {
                Some(v) => {
                    let value = self.eval(frame, v)?;
                    self.assign(frame, &a.target, value)
                }
                None => Ok(()),
            },
            Stmt::Pass(_) | Stmt::Global(_) => Ok(()),
            Stmt::Break(_) => Err(Unwind::Break),
            Stmt::Continue(_) => Err(Unwind::Continue),
            Stmt::Return(r) => {
                let v = match &r.value {
                    Some(v) => self.eval(frame, v)?,
                    None => pyrt_objects::types::none(self.heap),
                };
                Err(Unwind::Return(v))
            }
            Stmt::If(i) => {
                if self.truth(frame, &i.test)? {
                    return self.exec_body(frame, &i.body);
                }
                for clause in &i.elif_else_clauses {
                    let take = match &clause.test {
                        Some(t) => self.truth(frame, t)?,
                        None => true,
                    };
                    if take {
                        return self.exec_body(frame, &clause.body);
                    }
                }
                Ok(())
            }
            Stmt::While(w) => {
                while self.truth(frame, &w.test)? {
                    match self.exec_body(frame, &w.body) {
                        Err(Unwind::Break) => return Ok(()),
                        Err(Unwind::Continue) | Ok(()) => {}
                        Err(e) => return Err(e),
                    }
                    self.gc_safe_point();
                }
                self.exec_body(frame, &w.orelse)
            }
            Stmt::For(f) => self.exec_for(frame, f),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete(frame, t)?;
                }
                Ok(())
            }
            Stmt::FunctionDef(f) => self.exec_def(frame, f),
            Stmt::ClassDef(c) => self.exec_class(frame, c),
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.name.as_str();
                    let module = self.import(name)?;
                    let bind = alias.asname.as_ref().map_or(name, |a| a.as_str());
                    self.store_name(frame, bind, module)?;
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module_name = i.module.as_ref().map_or("", |m| m.as_str());
                let module = self.import(module_name)?;
                for alias in &i.names {
                    let value = self.module_attr(&module, module_name, alias.name.as_str())?;
                    let bind = alias.asname.as_ref().unwrap_or(&alias.name).as_str();
                    self.store_name(frame, bind, value)?;
                }
                Ok(())
            }
            Stmt::Assert(a) => {
                if self.truth(frame, &a.test)? {
                    return Ok(());
                }
                let args = match &a.msg {
                    Some(m) => vec![self.eval(frame, m)?],
                    None => Vec::new(),
                };
                let exc = exceptions::new_exception(
                    self.heap,
                    exceptions::ASSERTION_ERROR.get(),
                    args,
                    false,
                )
                .map_err(|e| self.err(e))?;
                Err(Unwind::Raise(Raised {
                    exc,
                    traceback: Vec::new(),
                    line: None,
                }))
            }
            Stmt::Raise(r) => self.exec_raise(frame, r),
            Stmt::Try(t) => self.exec_try(frame, t),
            _ => Err(self.raise(&exceptions::SYSTEM_ERROR, "statement outside pyrt's subset")),
        }
    }

    fn truth(&self, frame: &Frame<'py>, e: &'static Expr) -> R<'py, bool> {
        let v = self.eval(frame, e)?;
        abstract_::is_true(self.heap, v.object()).map_err(|e| self.err(e))
    }

    fn exec_for(&self, frame: &Frame<'py>, f: &'static ast::StmtFor) -> R<'py, ()> {
        let iterable = self.eval(frame, &f.iter)?;
        let mut it = self.iter(&iterable)?;
        while let Some(item) = it.next(self)? {
            self.assign(frame, &f.target, item)?;
            match self.exec_body(frame, &f.body) {
                Err(Unwind::Break) => return Ok(()),
                Err(Unwind::Continue) | Ok(()) => {}
                Err(e) => return Err(e),
            }
            self.gc_safe_point();
        }
        self.exec_body(frame, &f.orelse)
    }

    fn aug_assign(&self, frame: &Frame<'py>, a: &'static ast::StmtAugAssign) -> R<'py, ()> {
        match &*a.target {
            Expr::Name(_) => {
                let current = self.eval(frame, &a.target)?;
                let rhs = self.eval(frame, &a.value)?;
                let result = self.inplace_op(a.op, current, rhs)?;
                self.assign(frame, &a.target, result)
            }
            Expr::Attribute(at) => {
                let obj = self.eval(frame, &at.value)?;
                let current = self.getattr(&obj, at.attr.as_str())?;
                let rhs = self.eval(frame, &a.value)?;
                let result = self.inplace_op(a.op, current, rhs)?;
                self.setattr(&obj, at.attr.as_str(), Some(&result))
            }
            Expr::Subscript(sub) => {
                let obj = self.eval(frame, &sub.value)?;
                let key = self.eval(frame, &sub.slice)?;
                let current = self.getitem(&obj, &key)?;
                let rhs = self.eval(frame, &a.value)?;
                let result = self.inplace_op(a.op, current, rhs)?;
                self.setitem(&obj, key, result)
            }
            _ => Err(self.raise(&exceptions::SYSTEM_ERROR, "bad augmented assignment target")),
        }
    }

    /// Binds `value` to a target (a name, attribute, subscript or tuple/list of targets).
    pub(crate) fn assign(
        &self,
        frame: &Frame<'py>,
        t: &'static Expr,
        value: Obj<'py>,
    ) -> R<'py, ()> {
        match t {
            Expr::Name(n) => self.store_name(frame, n.id.as_str(), value),
            Expr::Attribute(a) => {
                let obj = self.eval(frame, &a.value)?;
                self.setattr(&obj, a.attr.as_str(), Some(&value))
            }
            Expr::Subscript(s) => {
                let obj = self.eval(frame, &s.value)?;
                let key = self.eval(frame, &s.slice)?;
                self.setitem(&obj, key, value)
            }
            Expr::Tuple(tp) => self.unpack(frame, &tp.elts, value),
            Expr::List(l) => self.unpack(frame, &l.elts, value),
            _ => Err(self.raise(&exceptions::SYSTEM_ERROR, "bad assignment target")),
        }
    }

    fn unpack(&self, frame: &Frame<'py>, targets: &'static [Expr], value: Obj<'py>) -> R<'py, ()> {
        let mut it = self.iter(&value)?;
        let mut items = Vec::new();
        while let Some(x) = it.next(self)? {
            items.push(x);
            if items.len() > targets.len() {
                return Err(self.raise(
                    &exceptions::VALUE_ERROR,
                    format!("too many values to unpack (expected {})", targets.len()),
                ));
            }
        }
        if items.len() < targets.len() {
            return Err(self.raise(
                &exceptions::VALUE_ERROR,
                format!(
                    "not enough values to unpack (expected {}, got {})",
                    targets.len(),
                    items.len()
                ),
            ));
        }
        for (t, v) in targets.iter().zip(items) {
            self.assign(frame, t, v)?;
        }
        Ok(())
    }

    /// `name = value` in the frame's scope.
    pub(crate) fn store_name(&self, frame: &Frame<'py>, name: &str, value: Obj<'py>) -> R<'py, ()> {
        if let Some(slot) = frame
            .comprehension
            .borrow_mut()
            .iter_mut()
            .rev()
            .find(|(n, _)| n == name)
        {
            slot.1 = Some(value);
            return Ok(());
        }
        if !frame.code.is_module
            && let Some(&i) = frame.code.slots.get(name)
        {
            let old = frame.fast.borrow_mut()[i].replace(value);
            drop(old);
            return Ok(());
        }
        let ns = frame.namespace.as_ref().unwrap_or(&frame.globals);
        let key = self.name_str(name)?;
        dict::set_item(self.heap, self.own_dict(ns)?, key, value).map_err(|e| self.err(e))
    }

    /// An identifier as its interned str.
    pub(crate) fn name_str(&self, name: &str) -> R<'py, Obj<'py>> {
        let s = unicode::new_str(self.heap, name).map_err(|e| self.err(e))?;
        unicode::intern(self.heap, s).map_err(|e| self.err(e))
    }

    fn delete(&self, frame: &Frame<'py>, t: &'static Expr) -> R<'py, ()> {
        match t {
            Expr::Name(n) => self.delete_name(frame, n.id.as_str()),
            Expr::Attribute(a) => {
                let obj = self.eval(frame, &a.value)?;
                self.setattr(&obj, a.attr.as_str(), None)
            }
            Expr::Subscript(s) => {
                let obj = self.eval(frame, &s.value)?;
                let key = self.eval(frame, &s.slice)?;
                self.delitem(&obj, &key)
            }
            Expr::Tuple(tp) => tp.elts.iter().try_for_each(|e| self.delete(frame, e)),
            _ => Err(self.raise(&exceptions::SYSTEM_ERROR, "bad del target")),
        }
    }

    /// `del name` in the frame's scope.
    fn delete_name(&self, frame: &Frame<'py>, name: &str) -> R<'py, ()> {
        if !frame.code.is_module
            && let Some(&i) = frame.code.slots.get(name)
        {
            let old = frame.fast.borrow_mut()[i].take();
            return match old {
                Some(_) => Ok(()),
                None => Err(self.raise(
                    &exceptions::UNBOUND_LOCAL_ERROR,
                    format!(
                        "cannot access local variable '{name}' where it is not associated with \
                         a value"
                    ),
                )),
            };
        }
        let ns = frame.namespace.as_ref().unwrap_or(&frame.globals);
        let key = self.name_str(name)?;
        dict::del_item(self.heap, self.own_dict(ns)?, key.object()).map_err(|_| {
            self.raise(
                &exceptions::NAME_ERROR,
                format!("name '{name}' is not defined"),
            )
        })
    }

    fn exec_def(&self, frame: &Frame<'py>, f: &'static ast::StmtFunctionDef) -> R<'py, ()> {
        let mut defaults = Vec::new();
        for p in &f.parameters.args {
            if let Some(d) = &p.default {
                defaults.push(self.eval(frame, d)?);
            }
        }
        let params: Vec<String> = f
            .parameters
            .args
            .iter()
            .map(|p| p.parameter.name.to_string())
            .collect();
        let qualname = if frame.code.is_module && frame.namespace.is_none() {
            f.name.to_string()
        } else if frame.namespace.is_some() {
            format!("{}.{}", frame.code.qualname, f.name)
        } else {
            format!("{}.<locals>.{}", frame.code.qualname, f.name)
        };
        let code = self.compile(
            frame.code.lines.clone(),
            f.name.as_str(),
            &qualname,
            params,
            &f.body,
            false,
        )?;
        let index = {
            let mut codes = self.codes.borrow_mut();
            codes.push(code);
            codes.len() - 1
        };
        let heap = self.heap;
        let name = self.name_str(f.name.as_str())?;
        let qual = unicode::new_str(heap, &qualname).map_err(|e| self.err(e))?;
        let defaults = if defaults.is_empty() {
            None
        } else {
            Some(tuple::new_tuple(heap, defaults).map_err(|e| self.err(e))?)
        };
        let func = FUNCTION
            .alloc(
                heap,
                &[
                    Some(name),
                    Some(qual),
                    Some(frame.globals.clone()),
                    defaults,
                ],
                &[index, 0],
            )
            .map_err(|e| self.err(e))?;
        self.store_name(frame, f.name.as_str(), func)
    }

    /// Compiles a function or class body (its constants join the module's).
    fn compile(
        &self,
        lines: Rc<pyrt_compiler::parse::Lines>,
        name: &str,
        qualname: &str,
        params: Vec<String>,
        body: &'static [Stmt],
        is_module: bool,
    ) -> R<'py, Rc<Code<'py>>> {
        let mut consts = self.consts.borrow_mut();
        let mut compiler = Compiler::new(self.heap, &mut consts, lines);
        compiler
            .code(name, qualname, params, body, is_module)
            .map_err(|e| self.err(e))
    }

    /// Calls a function object with positional arguments (`_PyFunction_Vectorcall`).
    pub(crate) fn call_function(
        &self,
        func: &Obj<'py>,
        mut args: Vec<Obj<'py>>,
        kwargs: Vec<(String, Obj<'py>)>,
    ) -> R<'py, Obj<'py>> {
        let f = FUNCTION
            .cast(func.object())
            .ok_or_else(|| self.err(pyrt_objects::view::bad_internal_call()))?;
        let code = self.codes.borrow()[f.get_num(function::CODE)].clone();
        let nparams = code.params.len();
        let defaults = f
            .get_ref(self.heap, function::DEFAULTS)
            .and_then(|d| tuple::Tuple::cast(d.object()).map(|t| tuple::items(t).to_vec()))
            .unwrap_or_default();
        if args.len() > nparams {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "{}() takes {} positional argument{} but {} {} given",
                    code.qualname,
                    nparams,
                    if nparams == 1 { "" } else { "s" },
                    args.len(),
                    if args.len() == 1 { "was" } else { "were" }
                ),
            ));
        }
        let mut fast: Vec<Option<Obj<'py>>> = vec![None; code.locals.len()];
        for (i, a) in args.drain(..).enumerate() {
            fast[i] = Some(a);
        }
        for (k, v) in kwargs {
            match code.params.iter().position(|p| *p == k) {
                Some(i) if fast[i].is_none() => fast[i] = Some(v),
                Some(_) => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("{}() got multiple values for argument '{k}'", code.qualname),
                    ));
                }
                None => {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!(
                            "{}() got an unexpected keyword argument '{k}'",
                            code.qualname
                        ),
                    ));
                }
            }
        }
        let first_default = nparams - defaults.len();
        let mut missing = Vec::new();
        for i in 0..nparams {
            if fast[i].is_none() {
                if i >= first_default {
                    let d = defaults[i - first_default];
                    // SAFETY: the defaults tuple (held by the function) holds its items.
                    fast[i] = Some(unsafe { Obj::from_borrowed(self.heap, d.as_ref()) });
                } else {
                    missing.push(code.params[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            let e = pyrt_objects::PyErr::missing_arguments(&code.qualname, &missing);
            return Err(self.err(e));
        }
        let globals = f
            .get_ref(self.heap, function::GLOBALS)
            .expect("a function has its globals");
        let frame = Frame {
            code: code.clone(),
            fast: RefCell::new(fast),
            globals,
            namespace: None,
            line: Cell::new(0),
            comprehension: RefCell::new(Vec::new()),
        };
        self.enter()?;
        self.gc_safe_point();
        let result = self.exec_body(&frame, code.body);
        self.leave();
        match result {
            Ok(()) => Ok(pyrt_objects::types::none(self.heap)),
            Err(Unwind::Return(v)) => Ok(v),
            Err(Unwind::Raise(mut r)) => {
                let line = r.line.take();
                r.traceback.push(TraceEntry::new(&frame, &code.name, line));
                Err(Unwind::Raise(r))
            }
            Err(other) => Err(other),
        }
    }

    /// One more Python-level call; `RecursionError` past the limit.
    pub(crate) fn enter(&self) -> R<'py, ()> {
        let d = self.depth.get() + 1;
        if d > self.recursion_limit.get() {
            return Err(self.raise(
                &exceptions::RECURSION_ERROR,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth.set(d);
        Ok(())
    }

    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get() - 1);
    }

    fn exec_class(&self, frame: &Frame<'py>, c: &'static ast::StmtClassDef) -> R<'py, ()> {
        let mut bases = Vec::new();
        if let Some(args) = &c.arguments {
            for a in args.args.iter() {
                bases.push(self.eval(frame, a)?);
            }
        }
        let qualname = if frame.code.is_module && frame.namespace.is_none() {
            c.name.to_string()
        } else {
            format!("{}.{}", frame.code.qualname, c.name)
        };
        let code = self.compile(
            frame.code.lines.clone(),
            c.name.as_str(),
            &qualname,
            Vec::new(),
            &c.body,
            true,
        )?;
        let ns = dict::new_dict(self.heap).map_err(|e| self.err(e))?;
        let module_key = self.name_str("__module__")?;
        let module = self.name_str("__main__")?;
        dict::set_item(self.heap, self.own_dict(&ns)?, module_key, module)
            .map_err(|e| self.err(e))?;
        let body_frame = Frame {
            code: code.clone(),
            fast: RefCell::new(Vec::new()),
            globals: frame.globals.clone(),
            namespace: Some(ns.clone()),
            line: Cell::new(0),
            comprehension: RefCell::new(Vec::new()),
        };
        if let Err(e) = self.exec_body(&body_frame, code.body) {
            return Err(match e {
                Unwind::Raise(mut r) => {
                    r.traceback
                        .push(TraceEntry::new(&body_frame, c.name.as_str(), None));
                    Unwind::Raise(r)
                }
                other => other,
            });
        }
        let cls = self.new_class(c.name.as_str(), &bases, ns)?;
        self.store_name(frame, c.name.as_str(), cls)
    }

    fn exec_raise(&self, frame: &Frame<'py>, r: &'static ast::StmtRaise) -> R<'py, ()> {
        let Some(e) = &r.exc else {
            return Err(self.raise(&exceptions::RUNTIME_ERROR, "No active exception to reraise"));
        };
        let v = self.eval(frame, e)?;
        let exc = if exceptions::is_exception_class(v.object()) {
            self.call(&v, Vec::new(), Vec::new())?
        } else {
            v
        };
        if !exceptions::is_exception(exc.object()) {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                "exceptions must derive from BaseException",
            ));
        }
        Err(Unwind::Raise(Raised {
            exc,
            traceback: Vec::new(),
            line: None,
        }))
    }

    fn exec_try(&self, frame: &Frame<'py>, t: &'static ast::StmtTry) -> R<'py, ()> {
        let result = match self.exec_body(frame, &t.body) {
            Err(Unwind::Raise(raised)) => self.handle(frame, t, raised),
            Ok(()) => self.exec_body(frame, &t.orelse),
            other => other,
        };
        if t.finalbody.is_empty() {
            return result;
        }
        self.exec_body(frame, &t.finalbody)?;
        result
    }

    fn handle(
        &self,
        frame: &Frame<'py>,
        t: &'static ast::StmtTry,
        raised: Raised<'py>,
    ) -> R<'py, ()> {
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            let matches = match &h.type_ {
                None => true,
                Some(ty) => {
                    let cls = self.eval(frame, ty)?;
                    self.exception_matches(&raised.exc, &cls)
                }
            };
            if !matches {
                continue;
            }
            if let Some(name) = &h.name {
                self.store_name(frame, name.as_str(), raised.exc.clone())?;
            }
            let result = self.exec_body(frame, &h.body);
            if let Some(name) = &h.name {
                // `except E as name` unbinds the name at the end of the handler.
                let _ = self.delete_name(frame, name.as_str());
            }
            return result;
        }
        Err(Unwind::Raise(raised))
    }

    fn exception_matches(&self, exc: &Obj<'py>, cls: &Obj<'py>) -> bool {
        if let Some(t) = tuple::Tuple::cast(cls.object()) {
            return tuple::items(t).iter().any(|c| {
                // SAFETY: the tuple holds its items.
                let c = unsafe { Obj::from_borrowed(self.heap, c.as_ref()) };
                self.exception_matches(exc, &c)
            });
        }
        self.isinstance(exc.object(), cls.object())
    }

    /// A dict pyrt made itself (a namespace, a fresh dict) as its view; `SystemError` if it
    /// is not one (pyrt's bug).
    pub(crate) fn own_dict<'a>(&self, d: &'a Obj<'py>) -> R<'py, &'a dict::Dict> {
        dict::Dict::cast_internal(d.object()).map_err(|e| self.err(e))
    }

    /// `list(value)`-like: the items of an iterable, collected.
    pub(crate) fn collect(&self, value: &Obj<'py>) -> R<'py, Vec<Obj<'py>>> {
        if let Some(l) = list::List::cast(value.object()) {
            let items = list::items(l).to_vec();
            // SAFETY: the list holds its items.
            return Ok(items
                .into_iter()
                .map(|p| unsafe { Obj::from_borrowed(self.heap, p.as_ref()) })
                .collect());
        }
        let mut it = self.iter(value)?;
        let mut out = Vec::new();
        while let Some(x) = it.next(self)? {
            // Fallible growth: an iterable longer than memory is a `MemoryError`, not an abort.
            if out.try_reserve(1).is_err() {
                return Err(self.err(pyrt_objects::PyErr::memory_error()));
            }
            out.push(x);
        }
        Ok(out)
    }
}
