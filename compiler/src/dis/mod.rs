//! The disassembler (3.12's `Lib/dis.py`): prints a code object exactly as CPython 3.12.1's
//! `dis.dis(code)` does, nested code objects included.
//!
//! ```text
//!   2           2 LOAD_GLOBAL              1 (NULL + print)
//!              12 LOAD_FAST                0 (x)
//!         >>   14 CALL                     1
//! ```
//!
//! Columns: the line a new source line starts (3 wide, wider past line 999), `-->` for the
//! current instruction (never here), `>>` for jump and handler targets, the offset (4 wide,
//! wider past 9 999), the opcode name (20 wide), the argument (5 wide) and what it means.
//! Then the `ExceptionTable:` and, for each code object among the constants, a blank line,
//! `Disassembly of <code object ...>:` and its own disassembly.
//!
//! Constants are printed by a caller-supplied `repr` ([`DisOptions::repr`]), so the
//! interpreter can print its real objects (and their addresses); the default is
//! [`Constant::repr`].

mod instructions;

use std::fmt::Write;

use crate::code::{CodeObject, Constant};
use crate::linetable;

pub use instructions::{ExceptionTableEntry, Instruction, get_instructions, parse_exception_table};

/// `_OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `_OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;

/// How to disassemble (`dis.dis`' keyword arguments, and the constants' printer).
pub struct DisOptions<'r> {
    /// Show the inline `CACHE` entries (`show_caches`, off by default).
    pub show_caches: bool,
    /// How many levels of nested code objects to disassemble (`depth`; `None`: all).
    pub depth: Option<usize>,
    /// `repr()` of a constant, nested code objects' headers included.
    pub repr: &'r dyn Fn(&Constant) -> String,
}

impl Default for DisOptions<'_> {
    fn default() -> Self {
        DisOptions {
            show_caches: false,
            depth: None,
            repr: &Constant::repr,
        }
    }
}

/// `dis.dis(code)`: `code`, then every code object among its constants, recursively (depth
/// first, in constant order), appended to `out`.
pub fn dis(code: &CodeObject, out: &mut String, opts: &DisOptions<'_>) {
    // An explicit work list: (code, levels of nesting still allowed, header to print first).
    let mut pending: Vec<(&CodeObject, Option<usize>, Option<String>)> =
        vec![(code, opts.depth, None)];
    while let Some((code, depth, header)) = pending.pop() {
        if let Some(header) = header {
            out.push('\n');
            let _ = writeln!(out, "Disassembly of {header}:");
        }
        disassemble(code, out, opts);
        if depth == Some(0) {
            continue;
        }
        let nested_depth = depth.map(|d| d - 1);
        for constant in code.consts.iter().rev() {
            if let Constant::Code(inner) = constant {
                pending.push((inner, nested_depth, Some((opts.repr)(constant))));
            }
        }
    }
}

/// `dis.disassemble(code)`: one code object, without its nested ones.
pub fn disassemble(code: &CodeObject, out: &mut String, opts: &DisOptions<'_>) {
    let line_starts = linetable::line_starts(&code.linetable, code.firstlineno as i32);
    let lineno_width = match line_starts.iter().map(|(_, line)| *line).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let max_offset = code.code.len().saturating_sub(2);
    let offset_width = if max_offset >= 10000 {
        max_offset.to_string().len()
    } else {
        4
    };
    for instr in get_instructions(code, opts.show_caches, opts.repr) {
        if lineno_width > 0 && instr.starts_line.is_some() && instr.offset > 0 {
            out.push('\n');
        }
        out.push_str(&format_instruction(&instr, lineno_width, offset_width));
        out.push('\n');
    }
    let entries = parse_exception_table(&code.exceptiontable);
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let end = i64::from(e.end) - 2;
            let _ = writeln!(
                out,
                "  {} to {end} -> {} [{}]{lasti}",
                e.start, e.target, e.depth
            );
        }
    }
}

/// One line of the listing (`Instruction._disassemble`), trailing blanks removed.
pub fn format_instruction(instr: &Instruction, lineno_width: usize, offset_width: usize) -> String {
    let mut fields: Vec<String> = Vec::with_capacity(7);
    if lineno_width > 0 {
        fields.push(match instr.starts_line {
            Some(line) => format!("{line:>lineno_width$}"),
            None => " ".repeat(lineno_width),
        });
    }
    fields.push("   ".to_owned());
    fields.push(if instr.is_jump_target { ">>" } else { "  " }.to_owned());
    fields.push(format!("{:>offset_width$}", instr.offset));
    fields.push(format!("{:<OPNAME_WIDTH$}", instr.opname));
    if let Some(arg) = instr.arg {
        fields.push(format!("{arg:>OPARG_WIDTH$}"));
        if !instr.argrepr.is_empty() {
            fields.push(format!("({})", instr.argrepr));
        }
    }
    fields.join(" ").trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator of bytes (a linear congruential one).
    fn noise(seed: &mut u64, len: usize) -> Vec<u8> {
        (0..len)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (*seed >> 56) as u8
            })
            .collect()
    }

    #[test]
    fn garbage_code_and_tables_do_not_panic() {
        let mut seed = 1;
        for len in 0..200 {
            let code = CodeObject {
                code: noise(&mut seed, len),
                linetable: noise(&mut seed, len / 2),
                exceptiontable: noise(&mut seed, len / 3),
                consts: vec![Constant::None],
                names: vec!["x".into()],
                localsplusnames: vec!["y".into()],
                localspluskinds: vec![crate::code::local_kind::LOCAL],
                firstlineno: 1,
                ..CodeObject::default()
            };
            let mut out = String::new();
            dis(
                &code,
                &mut out,
                &DisOptions {
                    show_caches: len % 2 == 0,
                    ..DisOptions::default()
                },
            );
            assert!(len == 0 || !out.is_empty());
        }
    }
}
