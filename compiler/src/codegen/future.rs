//! `from __future__` imports (`Python/future.c`): the features named at the top of a module
//! (after its docstring), the `co_flags` bits they set in every code object, and their errors.

use ruff_python_ast::{ModModule, Stmt};

use super::constants::literal_constant;
use crate::code::Constant;
use crate::error::CompileError;
use crate::fold::FoldedConstants;
use crate::instr::Location;
use crate::source_map::SourceMap;

/// The module's future features (`PyFutureFeatures`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Future {
    /// The `CO_FUTURE_*` flags that reach every code object's flags (`barry_as_FLUFL` and
    /// `annotations`).
    pub(crate) flags: u32,
    /// The last valid future import (`ff_location`), `NONE` if there is none.
    pub(crate) location: Location,
}

/// `CO_FUTURE_ANNOTATIONS`.
pub(crate) const FUTURE_ANNOTATIONS: u32 = 0x100_0000;

impl Default for Future {
    fn default() -> Future {
        Future {
            flags: 0,
            location: Location::NONE,
        }
    }
}

/// `future_parse`: the leading `from __future__ import ...` statements of a module.
pub(crate) fn parse_future(
    module: &ModModule,
    map: &SourceMap,
    folded: &FoldedConstants,
    filename: &str,
) -> Result<Future, CompileError> {
    let mut future = Future::default();
    let body = &module.body;
    let mut i = 0;
    if let Some(Stmt::Expr(e)) = body.first() {
        let c = folded
            .get(&e.value)
            .cloned()
            .or_else(|| literal_constant(&e.value));
        if matches!(c, Some(Constant::Str(_))) {
            i = 1;
        }
    }
    for s in &body[i..] {
        let Stmt::ImportFrom(imp) = s else { break };
        if imp.level != 0
            || imp
                .module
                .as_ref()
                .is_none_or(|m| m.as_str() != "__future__")
        {
            break;
        }
        let loc = map.location(s);
        let error = |message: String| CompileError::syntax(filename, message, loc);
        for alias in &imp.names {
            let flag = match alias.name.as_str() {
                // Features that are always on set no flag in 3.12 (`PyCF_MASK` keeps only
                // these two).
                "nested_scopes" | "generators" | "division" | "absolute_import"
                | "with_statement" | "print_function" | "unicode_literals" | "generator_stop" => 0,
                "barry_as_FLUFL" => 0x40_0000,
                "annotations" => FUTURE_ANNOTATIONS,
                "braces" => return Err(error("not a chance".into())),
                other => return Err(error(format!("future feature {other} is not defined"))),
            };
            future.flags |= flag;
        }
        future.location = loc;
    }
    if future.flags & FUTURE_ANNOTATIONS != 0 {
        return Err(CompileError::syntax(
            filename,
            "'from __future__ import annotations' is not supported yet by pyrt's compiler",
            future.location,
        ));
    }
    Ok(future)
}
