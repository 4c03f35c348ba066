//! Names (`compiler_nameop`, `_Py_Mangle`, `get_ref_type` of `Python/compile.c`): which
//! load, store or delete instruction a name gets from its scope — fast locals in functions,
//! cells and free variables through `*_DEREF` (with `LOAD_FROM_DICT_OR_DEREF` in class bodies),
//! globals, or the `*_NAME` forms in module and class bodies — and private-name mangling.

use std::rc::Rc;

use ruff_python_ast::ExprContext;

use super::Compiler;
use crate::error::CompileError;
use crate::instr::Location;
use crate::opcode::Opcode;
use crate::symtable::{BlockKind, Scope};

/// `_Py_Mangle`: `__spam` inside class `Ham` becomes `_Ham__spam`; dunder names, dotted
/// names and classes named only with underscores are left alone.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> Rc<str> {
    let Some(private) = private else {
        return name.into();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = private.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

/// The kind of access (`expr_context_ty`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

impl From<ExprContext> for Ctx {
    fn from(ctx: ExprContext) -> Ctx {
        match ctx {
            ExprContext::Store => Ctx::Store,
            ExprContext::Del => Ctx::Del,
            _ => Ctx::Load,
        }
    }
}

impl<'a> Compiler<'a> {
    /// `forbidden_name`: `__debug__` cannot be assigned or deleted.
    pub(crate) fn check_forbidden(
        &self,
        loc: Location,
        name: &str,
        ctx: Ctx,
    ) -> Result<(), CompileError> {
        if name == "__debug__" {
            match ctx {
                Ctx::Store => return Err(self.error(loc, "cannot assign to __debug__")),
                Ctx::Del => return Err(self.error(loc, "cannot delete __debug__")),
                Ctx::Load => {}
            }
        }
        Ok(())
    }

    /// `compiler_nameop`.
    pub(crate) fn nameop(
        &mut self,
        loc: Location,
        name: &str,
        ctx: Ctx,
    ) -> Result<(), CompileError> {
        self.check_forbidden(loc, name, ctx)?;
        let mangled = mangle(self.cur().private.as_deref(), name);
        let scope = self.scope_of(&mangled);
        let function_like = self.is_function_like();
        enum Kind {
            Fast,
            Global,
            Deref { cell: bool },
            Name,
        }
        let kind = match scope {
            Some(Scope::Free) => Kind::Deref { cell: false },
            Some(Scope::Cell) => Kind::Deref { cell: true },
            Some(Scope::Local) => {
                if function_like || self.cur().fasthidden.get(&mangled) == Some(&true) {
                    Kind::Fast
                } else {
                    Kind::Name
                }
            }
            Some(Scope::GlobalImplicit) => {
                if function_like {
                    Kind::Global
                } else {
                    Kind::Name
                }
            }
            Some(Scope::GlobalExplicit) => Kind::Global,
            None => Kind::Name,
        };
        let block = self.table.block(self.cur().block);
        let is_class = block.kind == BlockKind::Class;
        let can_see_class_scope = block.can_see_class_scope;
        match kind {
            Kind::Fast => {
                let op = match ctx {
                    Ctx::Load => Opcode::LoadFast,
                    Ctx::Store => Opcode::StoreFast,
                    Ctx::Del => Opcode::DeleteFast,
                };
                let arg = self.u().varnames.add(&mangled);
                self.emit(op, arg, loc);
            }
            Kind::Deref { cell } => {
                let op = match ctx {
                    Ctx::Load => {
                        if is_class && self.cur().in_inlined_comp == 0 {
                            self.emit(Opcode::LoadLocals, 0, loc);
                            Opcode::LoadFromDictOrDeref
                        } else if can_see_class_scope {
                            let arg = self.u().freevars.add("__classdict__");
                            self.emit(Opcode::LoadDeref, arg, loc);
                            Opcode::LoadFromDictOrDeref
                        } else {
                            Opcode::LoadDeref
                        }
                    }
                    Ctx::Store => Opcode::StoreDeref,
                    Ctx::Del => Opcode::DeleteDeref,
                };
                let arg = if cell {
                    self.u().cellvars.add(&mangled)
                } else {
                    self.u().freevars.add(&mangled)
                };
                self.emit(op, arg, loc);
            }
            Kind::Global => {
                let op = match ctx {
                    Ctx::Load => {
                        if can_see_class_scope && scope == Some(Scope::GlobalImplicit) {
                            let arg = self.u().freevars.add("__classdict__");
                            self.emit(Opcode::LoadDeref, arg, loc);
                            Opcode::LoadFromDictOrGlobals
                        } else {
                            Opcode::LoadGlobal
                        }
                    }
                    Ctx::Store => Opcode::StoreGlobal,
                    Ctx::Del => Opcode::DeleteGlobal,
                };
                let mut arg = self.u().names.add(&mangled);
                if op == Opcode::LoadGlobal {
                    arg <<= 1;
                }
                self.emit(op, arg, loc);
            }
            Kind::Name => {
                let op = match ctx {
                    Ctx::Load => {
                        if is_class && self.cur().in_inlined_comp > 0 {
                            Opcode::LoadGlobal
                        } else {
                            Opcode::LoadName
                        }
                    }
                    Ctx::Store => Opcode::StoreName,
                    Ctx::Del => Opcode::DeleteName,
                };
                let mut arg = self.u().names.add(&mangled);
                if op == Opcode::LoadGlobal {
                    arg <<= 1;
                }
                self.emit(op, arg, loc);
            }
        }
        Ok(())
    }

    /// `get_ref_type`: how the current unit sees `name` when building a closure.
    pub(crate) fn ref_type(&self, name: &str) -> Option<Scope> {
        if self.cur().scope == super::unit::ScopeType::Class
            && (name == "__class__" || name == "__classdict__")
        {
            return Some(Scope::Cell);
        }
        self.scope_of(name)
    }
}
