//! Expressions: names (fast locals, the namespace, globals, builtins), constants, operators,
//! comparisons, displays, comprehensions, f-strings, attributes, subscripts and calls.

use pyrt_objects::abstract_::{self, BinOp, UnOp};
use pyrt_objects::types::{dict, list, long, range, set, set_ops, tuple, unicode};
use pyrt_objects::{CompareOp, Obj};
use ruff_python_ast::{self as ast, Expr};
use ruff_text_size::Ranged;

use super::exceptions;
use super::{Frame, Interp, R};

impl<'py> Interp<'py> {
    /// Evaluates an expression to a new reference.
    pub(crate) fn eval(&self, frame: &Frame<'py>, e: &'static Expr) -> R<'py, Obj<'py>> {
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.eval_inner(frame, e))
    }

    fn eval_inner(&self, frame: &Frame<'py>, e: &'static Expr) -> R<'py, Obj<'py>> {
        if let Some(c) = self.consts.borrow().get(e) {
            return Ok(c);
        }
        let heap = self.heap;
        match e {
            Expr::Name(n) => self.load_name(frame, n.id.as_str()),
            Expr::BinOp(b) => {
                let l = self.eval(frame, &b.left)?;
                let r = self.eval(frame, &b.right)?;
                self.binary_op(b.op, &l, &r)
            }
            Expr::UnaryOp(u) => {
                let v = self.eval(frame, &u.operand)?;
                let r = match u.op {
                    ast::UnaryOp::Not => {
                        abstract_::is_true(heap, v.object()).map(|t| long::new_bool(heap, !t))
                    }
                    ast::UnaryOp::USub => abstract_::unary_op(heap, v.object(), UnOp::Neg),
                    ast::UnaryOp::UAdd => abstract_::unary_op(heap, v.object(), UnOp::Pos),
                    ast::UnaryOp::Invert => abstract_::unary_op(heap, v.object(), UnOp::Invert),
                };
                r.map_err(|e| self.err(e))
            }
            Expr::BoolOp(b) => {
                let mut last = None;
                for v in &b.values {
                    let x = self.eval(frame, v)?;
                    let t = abstract_::is_true(heap, x.object()).map_err(|e| self.err(e))?;
                    let stop = match b.op {
                        ast::BoolOp::And => !t,
                        ast::BoolOp::Or => t,
                    };
                    last = Some(x);
                    if stop {
                        break;
                    }
                }
                Ok(last.expect("a boolean operation has operands"))
            }
            Expr::Compare(c) => self.compare_chain(frame, c),
            Expr::If(i) => {
                let t = self.eval(frame, &i.test)?;
                if abstract_::is_true(heap, t.object()).map_err(|e| self.err(e))? {
                    self.eval(frame, &i.body)
                } else {
                    self.eval(frame, &i.orelse)
                }
            }
            Expr::Tuple(t) => {
                let items = self.eval_items(frame, &t.elts)?;
                tuple::new_tuple(heap, items).map_err(|e| self.err(e))
            }
            Expr::List(l) => {
                let items = self.eval_items(frame, &l.elts)?;
                // Three or more constants compile to `BUILD_LIST 0; LOAD_CONST tuple;
                // LIST_EXTEND`, which preallocates an even number of slots.
                let consts =
                    l.elts.len() >= 3 && l.elts.iter().all(|e| self.consts.borrow().contains(e));
                if consts {
                    let out = list::new_list(heap, Vec::new()).map_err(|e| self.err(e))?;
                    list::extend_sized(
                        heap,
                        list::List::cast_internal(out.object()).map_err(|e| self.err(e))?,
                        items,
                    )
                    .map_err(|e| self.err(e))?;
                    return Ok(out);
                }
                list::new_list(heap, items).map_err(|e| self.err(e))
            }
            Expr::Set(s) => self.set_display(frame, &s.elts),
            Expr::Dict(d) => self.dict_display(frame, d),
            Expr::ListComp(c) => {
                let out = list::new_list(heap, Vec::new()).map_err(|e| self.err(e))?;
                self.comprehension(frame, &c.generators, &mut |frame| {
                    let v = self.eval(frame, &c.elt)?;
                    list::append(
                        heap,
                        list::List::cast_internal(out.object()).map_err(|e| self.err(e))?,
                        v,
                    )
                    .map_err(|e| self.err(e))
                })?;
                Ok(out)
            }
            Expr::SetComp(c) => {
                let out = set::new_set(heap).map_err(|e| self.err(e))?;
                let view = set::Set::cast_internal(out.object()).map_err(|e| self.err(e))?;
                self.comprehension(frame, &c.generators, &mut |frame| {
                    let v = self.eval(frame, &c.elt)?;
                    set::add(heap, view, v).map_err(|e| self.err(e))
                })?;
                Ok(out)
            }
            Expr::DictComp(c) => {
                let out = dict::new_dict(heap).map_err(|e| self.err(e))?;
                self.comprehension(frame, &c.generators, &mut |frame| {
                    let k = self.eval(frame, &c.key)?;
                    let v = self.eval(frame, &c.value)?;
                    dict::set_item(heap, self.own_dict(&out)?, k, v).map_err(|e| self.err(e))
                })?;
                Ok(out)
            }
            Expr::Generator(c) => {
                // Generator expressions are only run as call arguments: their items are
                // produced at once, as the consuming call would pull them.
                let out = list::new_list(heap, Vec::new()).map_err(|e| self.err(e))?;
                self.comprehension(frame, &c.generators, &mut |frame| {
                    let v = self.eval(frame, &c.elt)?;
                    list::append(
                        heap,
                        list::List::cast_internal(out.object()).map_err(|e| self.err(e))?,
                        v,
                    )
                    .map_err(|e| self.err(e))
                })?;
                Ok(out)
            }
            Expr::FString(f) => self.fstring(frame, f),
            Expr::Attribute(a) => {
                let obj = self.eval(frame, &a.value)?;
                self.getattr(&obj, a.attr.as_str())
            }
            Expr::Subscript(s) => {
                let obj = self.eval(frame, &s.value)?;
                let key = self.eval(frame, &s.slice)?;
                self.getitem(&obj, &key)
            }
            Expr::Slice(s) => self.slice_object(frame, s),
            Expr::Call(c) => self.eval_call(frame, c),
            Expr::Named(n) => {
                let v = self.eval(frame, &n.value)?;
                self.assign(frame, &n.target, v.clone())?;
                Ok(v)
            }
            _ => Err(self.raise(
                &exceptions::SYSTEM_ERROR,
                "expression outside pyrt's subset",
            )),
        }
    }

    fn eval_items(&self, frame: &Frame<'py>, elts: &'static [Expr]) -> R<'py, Vec<Obj<'py>>> {
        let mut out = Vec::with_capacity(elts.len());
        for el in elts {
            match el {
                Expr::Starred(s) => {
                    let v = self.eval(frame, &s.value)?;
                    out.extend(self.collect(&v)?);
                }
                _ => out.push(self.eval(frame, el)?),
            }
        }
        Ok(out)
    }

    /// A set display: one by one for up to two items, else `BUILD_SET` + `SET_UPDATE` of a
    /// frozenset constant when every item is a constant (CPython 3.12's compiler).
    fn set_display(&self, frame: &Frame<'py>, elts: &'static [Expr]) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let items = self.eval_items(frame, elts)?;
        let all_const = elts.len() >= 3 && elts.iter().all(|e| self.consts.borrow().contains(e));
        if all_const {
            let f = set_ops::frozenset_from_items(heap, items).map_err(|e| self.err(e))?;
            set_ops::set_from(heap, f.object()).map_err(|e| self.err(e))
        } else {
            set_ops::set_from_items(heap, items).map_err(|e| self.err(e))
        }
    }

    /// A dict display: presized for up to 15 items (`BUILD_MAP`), else built in chunks.
    fn dict_display(&self, frame: &Frame<'py>, d: &'static ast::ExprDict) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        if d.items.iter().any(|item| item.key.is_none()) {
            return self.dict_display_unpacking(frame, d);
        }
        let mut pairs = Vec::new();
        for item in &d.items {
            if let Some(k) = &item.key {
                let k = self.eval(frame, k)?;
                let v = self.eval(frame, &item.value)?;
                pairs.push((k, v));
            }
        }
        let out = if pairs.len() <= 15 {
            dict::dict_from_pairs(heap, pairs)
        } else {
            let out = dict::new_dict(heap).map_err(|e| self.err(e))?;
            let view = self.own_dict(&out)?;
            for (k, v) in pairs {
                dict::set_item(heap, view, k, v).map_err(|e| self.err(e))?;
            }
            Ok(out)
        };
        out.map_err(|e| self.err(e))
    }

    /// `{'a': 1, **x, 'b': 2}`, in order as CPython's `compiler_dict` builds it: the pairs
    /// between unpackings make a dict each (`BUILD_MAP n`) and each `**x` is merged as it is
    /// evaluated (`DICT_UPDATE`: only a mapping can be unpacked), so later items win.
    fn dict_display_unpacking(
        &self,
        frame: &Frame<'py>,
        d: &'static ast::ExprDict,
    ) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let out = dict::new_dict(heap).map_err(|e| self.err(e))?;
        let view = self.own_dict(&out)?;
        let mut pairs = Vec::new();
        let flush = |pairs: &mut Vec<(Obj<'py>, Obj<'py>)>| -> R<'py, ()> {
            if pairs.is_empty() {
                return Ok(());
            }
            let sub =
                dict::dict_from_pairs(heap, core::mem::take(pairs)).map_err(|e| self.err(e))?;
            dict::merge(heap, view, self.own_dict(&sub)?).map_err(|e| self.err(e))
        };
        for item in &d.items {
            let Some(k) = &item.key else {
                flush(&mut pairs)?;
                let u = self.eval(frame, &item.value)?;
                let Some(source) = dict::Dict::cast(u.object()) else {
                    return Err(self.raise(
                        &exceptions::TYPE_ERROR,
                        format!("'{}' object is not a mapping", u.ob_type().name()),
                    ));
                };
                dict::merge(heap, view, source).map_err(|e| self.err(e))?;
                continue;
            };
            let k = self.eval(frame, k)?;
            let v = self.eval(frame, &item.value)?;
            pairs.push((k, v));
        }
        flush(&mut pairs)?;
        Ok(out)
    }

    /// Runs `body` for every binding of a comprehension's generators; the targets are
    /// isolated in the frame (PEP 709's inlined comprehensions).
    fn comprehension(
        &self,
        frame: &Frame<'py>,
        gens: &'static [ast::Comprehension],
        body: &mut dyn FnMut(&Frame<'py>) -> R<'py, ()>,
    ) -> R<'py, ()> {
        let mut names = Vec::new();
        for g in gens {
            collect_target_names(&g.target, &mut names);
        }
        let depth = frame.comprehension.borrow().len();
        frame
            .comprehension
            .borrow_mut()
            .extend(names.into_iter().map(|n| (n, None)));
        let result = self.generate(frame, gens, body);
        let bound: Vec<_> = frame.comprehension.borrow_mut().drain(depth..).collect();
        drop(bound);
        result
    }

    fn generate(
        &self,
        frame: &Frame<'py>,
        gens: &'static [ast::Comprehension],
        body: &mut dyn FnMut(&Frame<'py>) -> R<'py, ()>,
    ) -> R<'py, ()> {
        let Some((g, rest)) = gens.split_first() else {
            return body(frame);
        };
        let iterable = self.eval(frame, &g.iter)?;
        let mut it = self.iter(&iterable)?;
        'items: while let Some(item) = it.next(self)? {
            self.assign(frame, &g.target, item)?;
            for cond in &g.ifs {
                let c = self.eval(frame, cond)?;
                if !abstract_::is_true(self.heap, c.object()).map_err(|e| self.err(e))? {
                    continue 'items;
                }
            }
            self.generate(frame, rest, body)?;
        }
        Ok(())
    }

    /// A name's value: comprehension targets, fast locals, the namespace, globals, builtins.
    pub(crate) fn load_name(&self, frame: &Frame<'py>, name: &str) -> R<'py, Obj<'py>> {
        if let Some((_, v)) = frame
            .comprehension
            .borrow()
            .iter()
            .rev()
            .find(|(n, _)| n == name)
        {
            return v.clone().ok_or_else(|| self.unbound(name));
        }
        if !frame.code.is_module
            && let Some(&i) = frame.code.slots.get(name)
        {
            return frame.fast.borrow()[i]
                .clone()
                .ok_or_else(|| self.unbound(name));
        }
        let key = self.name_str(name)?;
        let scopes = frame
            .namespace
            .iter()
            .chain([&frame.globals, &self.builtins]);
        for scope in scopes {
            let scope = self.own_dict(scope)?;
            if let Some(v) =
                dict::get_item(self.heap, scope, key.object()).map_err(|e| self.err(e))?
            {
                return Ok(v);
            }
        }
        Err(self.raise(
            &exceptions::NAME_ERROR,
            format!("name '{name}' is not defined"),
        ))
    }

    fn unbound(&self, name: &str) -> super::Unwind<'py> {
        self.raise(
            &exceptions::UNBOUND_LOCAL_ERROR,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    /// `l op r`.
    pub(crate) fn binary_op(
        &self,
        op: ast::Operator,
        l: &Obj<'py>,
        r: &Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        self.binary_op_as(op, l, r, false)
    }

    /// `l op r`, or with `inplace` the fallback of `l op= r` (the same result; the error names
    /// `op=`).
    fn binary_op_as(
        &self,
        op: ast::Operator,
        l: &Obj<'py>,
        r: &Obj<'py>,
        inplace: bool,
    ) -> R<'py, Obj<'py>> {
        if let (Some(a), Some(b)) = (set::AnySet::cast(l.object()), set::AnySet::cast(r.object())) {
            let heap = self.heap;
            let result = match op {
                ast::Operator::BitOr => Some(set_ops::union(heap, a, &[&**b])),
                ast::Operator::BitAnd => Some(set_ops::intersection(heap, a, b)),
                ast::Operator::Sub => Some(set_ops::difference(heap, a, b)),
                ast::Operator::BitXor => Some(set_ops::symmetric_difference(heap, a, b)),
                _ => None,
            };
            if let Some(r) = result {
                return r.map_err(|e| self.err(e));
            }
        }
        let op = match op {
            ast::Operator::Add => BinOp::Add,
            ast::Operator::Sub => BinOp::Sub,
            ast::Operator::Mult => BinOp::Mul,
            ast::Operator::Div => BinOp::TrueDiv,
            ast::Operator::FloorDiv => BinOp::FloorDiv,
            ast::Operator::Mod => BinOp::Mod,
            ast::Operator::Pow => BinOp::Pow,
            ast::Operator::LShift => BinOp::LShift,
            ast::Operator::RShift => BinOp::RShift,
            ast::Operator::BitOr => BinOp::Or,
            ast::Operator::BitXor => BinOp::Xor,
            ast::Operator::BitAnd => BinOp::And,
            ast::Operator::MatMult => {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "unsupported operand type(s) for @{}: '{}' and '{}'",
                        if inplace { "=" } else { "" },
                        l.ob_type().name(),
                        r.ob_type().name()
                    ),
                ));
            }
        };
        let result = if inplace {
            abstract_::inplace_binary_op(self.heap, l.object(), r.object(), op)
        } else {
            abstract_::binary_op(self.heap, l.object(), r.object(), op)
        };
        result.map_err(|e| self.err(e))
    }

    /// `l op= r`: lists extend in place for `+=` (and repeat for `*=`); other objects are
    /// immutable here, so the plain operator gives the result.
    pub(crate) fn inplace_op(
        &self,
        op: ast::Operator,
        l: Obj<'py>,
        r: Obj<'py>,
    ) -> R<'py, Obj<'py>> {
        if let Some(view) = list::List::cast(l.object()) {
            match op {
                ast::Operator::Add => {
                    // `list_inplace_concat` is `list.extend`.
                    pyrt_objects::types::list_methods::extend_from(self.heap, view, &r)
                        .map_err(|e| self.err(e))?;
                    return Ok(l);
                }
                ast::Operator::Mult if long::is_int(r.object()) => {
                    let n = abstract_::repeat_count(r.object()).map_err(|e| self.err(e))?;
                    list::inplace_repeat(self.heap, view, n).map_err(|e| self.err(e))?;
                    return Ok(l);
                }
                _ => {}
            }
        }
        // A set is changed in place (`set_ior`, ...); a frozenset has no in-place operators,
        // so `fs |= x` rebinds to `fs | x`.
        if let (Some(a), Some(b)) = (set::Set::cast(l.object()), set::AnySet::cast(r.object())) {
            let heap = self.heap;
            let done = match op {
                ast::Operator::BitOr => set_ops::update(heap, a, b).map(|_| true),
                ast::Operator::BitAnd => set_ops::intersection_update(heap, a, b).map(|_| true),
                ast::Operator::Sub => set_ops::difference_update(heap, a, b).map(|_| true),
                ast::Operator::BitXor => {
                    set_ops::symmetric_difference_update(heap, a, b).map(|_| true)
                }
                _ => Ok(false),
            };
            if done.map_err(|e| self.err(e))? {
                return Ok(l);
            }
        }
        self.binary_op_as(op, &l, &r, true)
    }

    fn compare_chain(&self, frame: &Frame<'py>, c: &'static ast::ExprCompare) -> R<'py, Obj<'py>> {
        let mut left = self.eval(frame, &c.left)?;
        let mut result = long::new_bool(self.heap, true);
        for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
            let right = self.eval(frame, right)?;
            result = self.compare(*op, &left, &right)?;
            let t = abstract_::is_true(self.heap, result.object()).map_err(|e| self.err(e))?;
            if !t {
                return Ok(result);
            }
            left = right;
        }
        Ok(result)
    }

    /// `l op r` for a comparison operator.
    pub(crate) fn compare(&self, op: ast::CmpOp, l: &Obj<'py>, r: &Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let rich =
            |op| abstract_::compare(heap, l.object(), r.object(), op).map_err(|e| self.err(e));
        match op {
            ast::CmpOp::Eq => rich(CompareOp::Eq),
            ast::CmpOp::NotEq => rich(CompareOp::Ne),
            ast::CmpOp::Lt => rich(CompareOp::Lt),
            ast::CmpOp::LtE => rich(CompareOp::Le),
            ast::CmpOp::Gt => rich(CompareOp::Gt),
            ast::CmpOp::GtE => rich(CompareOp::Ge),
            ast::CmpOp::Is => Ok(long::new_bool(heap, l.is(r))),
            ast::CmpOp::IsNot => Ok(long::new_bool(heap, !l.is(r))),
            ast::CmpOp::In => self.contains(r, l).map(|b| long::new_bool(heap, b)),
            ast::CmpOp::NotIn => self.contains(r, l).map(|b| long::new_bool(heap, !b)),
        }
    }

    /// `item in container`.
    pub(crate) fn contains(&self, container: &Obj<'py>, item: &Obj<'py>) -> R<'py, bool> {
        let heap = self.heap;
        let c = container.object();
        if let Some(d) = dict::Dict::cast(c) {
            return dict::get_item(heap, d, item.object())
                .map(|v| v.is_some())
                .map_err(|e| self.err(e));
        }
        if let Some(s) = set::AnySet::cast(c) {
            return set::contains(heap, s, item.object()).map_err(|e| self.err(e));
        }
        if let Some(r) = range::Range::cast(c) {
            return range::range_contains(heap, r, item.object()).map_err(|e| self.err(e));
        }
        if let Some(c) = unicode::Str::cast(c) {
            let Some(needle) = unicode::Str::cast(item.object()) else {
                return Err(self.raise(
                    &exceptions::TYPE_ERROR,
                    format!(
                        "'in <string>' requires string as left operand, not {}",
                        item.ob_type().name()
                    ),
                ));
            };
            let (hay, needle) = (unicode::str_value(c), unicode::str_value(needle));
            return Ok(hay.contains(&needle));
        }
        let mut it = self.iter(container)?;
        while let Some(x) = it.next(self)? {
            if x.is(item)
                || abstract_::compare_bool(heap, x.object(), item.object(), CompareOp::Eq)
                    .map_err(|e| self.err(e))?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn fstring(&self, frame: &Frame<'py>, f: &'static ast::ExprFString) -> R<'py, Obj<'py>> {
        let mut text = String::new();
        for part in f.value.as_slice() {
            match part {
                ast::FStringPart::Literal(l) => text.push_str(&l.value),
                ast::FStringPart::FString(fs) => {
                    self.interpolate(frame, &fs.elements, &mut text)?
                }
            }
        }
        unicode::new_str(self.heap, &text).map_err(|e| self.err(e))
    }

    fn interpolate(
        &self,
        frame: &Frame<'py>,
        elements: &'static ast::InterpolatedStringElements,
        out: &mut String,
    ) -> R<'py, ()> {
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => out.push_str(&l.value),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    let v = self.eval(frame, &i.expression)?;
                    if let Some(debug) = &i.debug_text {
                        out.push_str(&debug.leading);
                        out.push_str(&lines_text(&frame.code.lines, i.expression.range()));
                        out.push_str(&debug.trailing);
                    }
                    let v = match i.conversion {
                        ast::ConversionFlag::Repr => {
                            self.str_obj(abstract_::repr(self.heap, v.object()))?
                        }
                        ast::ConversionFlag::Str => {
                            self.str_obj(abstract_::str(self.heap, v.object()))?
                        }
                        ast::ConversionFlag::Ascii => {
                            self.str_obj(abstract_::repr(self.heap, v.object()))?
                        }
                        ast::ConversionFlag::None
                            if i.debug_text.is_some() && i.format_spec.is_none() =>
                        {
                            self.str_obj(abstract_::repr(self.heap, v.object()))?
                        }
                        ast::ConversionFlag::None => v,
                    };
                    let mut spec = String::new();
                    if let Some(s) = &i.format_spec {
                        self.interpolate(frame, &s.elements, &mut spec)?;
                    }
                    out.push_str(&self.format_value(&v, &spec)?);
                }
            }
        }
        Ok(())
    }
}

/// The source text of `range` (for `f"{x=}"`).
fn lines_text(lines: &pyrt_compiler::parse::Lines, range: ruff_text_size::TextRange) -> String {
    {
        let line = lines.line_of(range.start());
        let text = lines.text_of(line);
        let col = lines.column_of(range.start()) - 1;
        let len = (range.end() - range.start()).to_usize();
        text.chars()
            .skip(col)
            .collect::<String>()
            .get(..len)
            .unwrap_or("")
            .to_string()
    }
}

impl<'py> Interp<'py> {
    fn str_obj(&self, s: pyrt_objects::PyResult<String>) -> R<'py, Obj<'py>> {
        let s = s.map_err(|e| self.err(e))?;
        unicode::new_str(self.heap, &s).map_err(|e| self.err(e))
    }

    /// `format(value, spec)`.
    pub(crate) fn format_value(&self, v: &Obj<'py>, spec: &str) -> R<'py, String> {
        pyrt_objects::format::format(self.heap, v.object(), spec).map_err(|e| self.err(e))
    }

    fn slice_object(&self, frame: &Frame<'py>, s: &'static ast::ExprSlice) -> R<'py, Obj<'py>> {
        let part = |e: &'static Option<Box<Expr>>| -> R<'py, Obj<'py>> {
            match e {
                Some(e) => self.eval(frame, e),
                None => Ok(pyrt_objects::types::none(self.heap)),
            }
        };
        let items = vec![part(&s.lower)?, part(&s.upper)?, part(&s.step)?];
        super::builtins::new_slice(self, items)
    }

    fn eval_call(&self, frame: &Frame<'py>, c: &'static ast::ExprCall) -> R<'py, Obj<'py>> {
        let mut kwargs = Vec::new();
        let positional =
            |this: &Self| -> R<'py, Vec<Obj<'py>>> { this.eval_items(frame, &c.arguments.args) };
        if let Expr::Attribute(a) = &*c.func {
            let obj = self.eval(frame, &a.value)?;
            let args = positional(self)?;
            for k in c.arguments.keywords.iter() {
                let v = self.eval(frame, &k.value)?;
                kwargs.push((k.arg.as_ref().map_or(String::new(), |n| n.to_string()), v));
            }
            return self.call_method(&obj, a.attr.as_str(), args, kwargs);
        }
        let func = self.eval(frame, &c.func)?;
        let args = positional(self)?;
        for k in c.arguments.keywords.iter() {
            let v = self.eval(frame, &k.value)?;
            kwargs.push((k.arg.as_ref().map_or(String::new(), |n| n.to_string()), v));
        }
        self.call(&func, args, kwargs)
    }
}

fn collect_target_names(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.to_string()),
        Expr::Tuple(tp) => tp.elts.iter().for_each(|e| collect_target_names(e, out)),
        Expr::List(l) => l.elts.iter().for_each(|e| collect_target_names(e, out)),
        _ => {}
    }
}
