//! Decoding `co_code` into instructions with their arguments resolved (`_unpack_opargs`,
//! `findlabels` and `_get_instructions_bytes` of 3.12's `Lib/dis.py`).

use crate::code::{CodeObject, Constant};
use crate::linetable;
use crate::opcode::{ArgKind, Opcode};

/// One decoded instruction (`dis.Instruction`, without `positions`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Instruction {
    /// The opcode's name, or `<N>` for a number 3.12 does not define.
    pub opname: String,
    /// The opcode's number.
    pub opcode: u8,
    /// The argument with its `EXTENDED_ARG` prefixes, for opcodes that take one.
    pub arg: Option<i64>,
    /// What the argument means, as `dis` prints it (`'x'`, `NULL + print`, `to 42`, `+=`).
    pub argrepr: String,
    /// The byte offset in `co_code`.
    pub offset: u32,
    /// The line this instruction starts, if it starts one.
    pub starts_line: Option<i32>,
    /// Whether a jump or an exception handler goes here.
    pub is_jump_target: bool,
}

/// An entry of `co_exceptiontable` (`_ExceptionTableEntry`): byte offsets `start..end` are
/// handled at `target` with the stack at `depth`, pushing the offset too when `lasti`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// The first byte offset covered.
    pub start: u32,
    /// The byte offset after the last covered.
    pub end: u32,
    /// The handler's byte offset.
    pub target: u32,
    /// The stack depth the handler starts with.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed.
    pub lasti: bool,
}

/// `_parse_exception_table`: the entries, each five varints (6 bits a byte, big-endian, bit 6
/// meaning more follows); a truncated last entry is dropped.
pub fn parse_exception_table(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut bytes = table.iter().copied();
    let mut varint = || -> Option<u32> {
        let mut b = bytes.next()?;
        let mut value = u32::from(b & 63);
        while b & 64 != 0 {
            b = bytes.next()?;
            value = value.wrapping_shl(6) | u32::from(b & 63);
        }
        Some(value)
    };
    let mut entries = Vec::new();
    while let Some(start) = varint() {
        let entry = (|| {
            // Offsets are in code units; a corrupt table may overflow (wrap, as no real one does).
            let start = start.wrapping_mul(2);
            let end = start.wrapping_add(varint()?.wrapping_mul(2));
            let target = varint()?.wrapping_mul(2);
            let depth_lasti = varint()?;
            Some(ExceptionTableEntry {
                start,
                end,
                target,
                depth: depth_lasti >> 1,
                lasti: depth_lasti & 1 != 0,
            })
        })();
        match entry {
            Some(entry) => entries.push(entry),
            None => break,
        }
    }
    entries
}

/// A raw instruction: offset, opcode number, argument (`_unpack_opargs`).
struct RawInstr {
    offset: u32,
    op: u8,
    arg: Option<i64>,
}

/// The opcode for a number, if 3.12 defines it (pseudo-instructions never are in `co_code`).
fn opcode_of(op: u8) -> Option<Opcode> {
    Opcode::from_u16(u16::from(op)).filter(|op| !op.is_pseudo())
}

/// `_unpack_opargs`: instructions with `EXTENDED_ARG` folded into the next argument (as a C
/// `int`: it wraps past 2^31), skipping inline caches.
fn unpack_opargs(code: &[u8]) -> Vec<RawInstr> {
    const INT_OVERFLOW: i64 = 1 << 31;
    let mut out = Vec::new();
    let mut extended_arg: i64 = 0;
    let mut caches = 0;
    for (unit, pair) in code.chunks(2).enumerate() {
        if caches > 0 {
            caches -= 1;
            continue;
        }
        let op = pair[0];
        let opcode = opcode_of(op);
        caches = opcode.map_or(0, Opcode::cache_entries);
        let arg = if opcode.is_some_and(Opcode::has_arg) {
            let arg = i64::from(*pair.get(1).unwrap_or(&0)) | extended_arg;
            extended_arg = if opcode == Some(Opcode::ExtendedArg) {
                arg << 8
            } else {
                0
            };
            if extended_arg >= INT_OVERFLOW {
                extended_arg -= 2 * INT_OVERFLOW;
            }
            Some(arg)
        } else {
            extended_arg = 0;
            None
        };
        out.push(RawInstr {
            offset: unit as u32 * 2,
            op,
            arg,
        });
    }
    out
}

/// Where a jump goes (`findlabels`), for the relative jumps of 3.12.
fn jump_target(instr: &RawInstr) -> Option<i64> {
    let opcode = opcode_of(instr.op)?;
    if opcode.arg_kind() != ArgKind::Jump {
        return None;
    }
    let arg = instr.arg?;
    let signed = if opcode.name().contains("JUMP_BACKWARD") {
        -arg
    } else {
        arg
    };
    Some(i64::from(instr.offset) + 2 + signed * 2 + 2 * opcode.cache_entries() as i64)
}

/// `_nb_ops`' symbols, by `BINARY_OP` argument.
const NB_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// `_intrinsic_1_descs`.
const INTRINSIC_1: [&str; 12] = [
    "INTRINSIC_1_INVALID",
    "INTRINSIC_PRINT",
    "INTRINSIC_IMPORT_STAR",
    "INTRINSIC_STOPITERATION_ERROR",
    "INTRINSIC_ASYNC_GEN_WRAP",
    "INTRINSIC_UNARY_POSITIVE",
    "INTRINSIC_LIST_TO_TUPLE",
    "INTRINSIC_TYPEVAR",
    "INTRINSIC_PARAMSPEC",
    "INTRINSIC_TYPEVARTUPLE",
    "INTRINSIC_SUBSCRIPT_GENERIC",
    "INTRINSIC_TYPEALIAS",
];

/// `_intrinsic_2_descs`.
const INTRINSIC_2: [&str; 5] = [
    "INTRINSIC_2_INVALID",
    "INTRINSIC_PREP_RERAISE_STAR",
    "INTRINSIC_TYPEVAR_WITH_BOUND",
    "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS",
    "INTRINSIC_SET_FUNCTION_TYPE_PARAMS",
];

/// `cmp_op`.
const CMP_OP: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// `MAKE_FUNCTION_FLAGS`.
const MAKE_FUNCTION_FLAGS: [&str; 4] = ["defaults", "kwdefaults", "annotations", "closure"];

/// `FORMAT_VALUE_CONVERTERS`' names.
const FORMAT_CONVERSIONS: [&str; 4] = ["", "str", "repr", "ascii"];

/// An item of a table by a possibly bad index (`dis` would raise; we print nothing).
fn table_item<T: Clone + Default>(table: &[T], index: i64) -> T {
    usize::try_from(index)
        .ok()
        .and_then(|i| table.get(i))
        .cloned()
        .unwrap_or_default()
}

/// The `argrepr` of an instruction (`_get_instructions_bytes`).
fn argrepr(
    code: &CodeObject,
    opcode: Opcode,
    arg: i64,
    target: Option<i64>,
    repr: &dyn Fn(&Constant) -> String,
) -> String {
    let name = |i: i64| table_item(&code.names, i).to_string();
    match opcode.arg_kind() {
        ArgKind::Const => usize::try_from(arg)
            .ok()
            .and_then(|i| code.consts.get(i))
            .map(repr)
            .unwrap_or_default(),
        ArgKind::Name => match opcode {
            Opcode::LoadGlobal => with_prefix(arg & 1 != 0, "NULL + ", name(arg / 2)),
            Opcode::LoadAttr => with_prefix(arg & 1 != 0, "NULL|self + ", name(arg / 2)),
            Opcode::LoadSuperAttr => with_prefix(arg & 1 != 0, "NULL|self + ", name(arg / 4)),
            _ => name(arg),
        },
        ArgKind::Jump => format!("to {}", target.unwrap_or_default()),
        ArgKind::Local | ArgKind::Free => table_item(&code.localsplusnames, arg).to_string(),
        ArgKind::Compare => table_item(&CMP_OP, arg >> 4).to_owned(),
        ArgKind::Other => match opcode {
            Opcode::FormatValue => {
                let mut text = FORMAT_CONVERSIONS[(arg & 3) as usize].to_owned();
                if arg & 4 != 0 {
                    if !text.is_empty() {
                        text.push_str(", ");
                    }
                    text.push_str("with format");
                }
                text
            }
            Opcode::MakeFunction => MAKE_FUNCTION_FLAGS
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, flag)| *flag)
                .collect::<Vec<_>>()
                .join(", "),
            Opcode::BinaryOp => table_item(&NB_OPS, arg).to_owned(),
            Opcode::CallIntrinsic1 => table_item(&INTRINSIC_1, arg).to_owned(),
            Opcode::CallIntrinsic2 => table_item(&INTRINSIC_2, arg).to_owned(),
            _ => String::new(),
        },
        ArgKind::None => String::new(),
    }
}

/// `name`, after `prefix` when `flag` (and `name` is not empty).
fn with_prefix(flag: bool, prefix: &str, name: String) -> String {
    if flag && !name.is_empty() {
        format!("{prefix}{name}")
    } else {
        name
    }
}

/// The cache entries' field names and sizes (`_cache_format`).
fn cache_format(opcode: Opcode) -> &'static [(&'static str, usize)] {
    match opcode {
        Opcode::LoadGlobal => &[
            ("counter", 1),
            ("index", 1),
            ("module_keys_version", 1),
            ("builtin_keys_version", 1),
        ],
        Opcode::LoadAttr => &[
            ("counter", 1),
            ("version", 2),
            ("keys_version", 2),
            ("descr", 4),
        ],
        Opcode::StoreAttr => &[("counter", 1), ("version", 2), ("index", 1)],
        Opcode::Call => &[("counter", 1), ("func_version", 2)],
        op if op.cache_entries() == 1 => &[("counter", 1)],
        _ => &[],
    }
}

/// The instructions of `code` (`dis.get_instructions` / `Bytecode`), with `CACHE` entries
/// when `show_caches`; constants are printed with `repr`.
pub fn get_instructions(
    code: &CodeObject,
    show_caches: bool,
    repr: &dyn Fn(&Constant) -> String,
) -> Vec<Instruction> {
    let raw = unpack_opargs(&code.code);
    let mut labels: Vec<i64> = raw.iter().filter_map(jump_target).collect();
    labels.extend(
        parse_exception_table(&code.exceptiontable)
            .iter()
            .filter(|e| e.start < e.end)
            .map(|e| i64::from(e.target)),
    );
    let line_starts: std::collections::HashMap<u32, i32> =
        linetable::line_starts(&code.linetable, code.firstlineno as i32)
            .into_iter()
            .collect();
    let mut out = Vec::with_capacity(raw.len());
    for instr in &raw {
        let opcode = opcode_of(instr.op);
        let target = jump_target(instr);
        out.push(Instruction {
            opname: opcode.map_or_else(|| format!("<{}>", instr.op), |op| op.name().to_owned()),
            opcode: instr.op,
            arg: instr.arg,
            argrepr: match (opcode, instr.arg) {
                (Some(op), Some(arg)) => argrepr(code, op, arg, target, repr),
                _ => String::new(),
            },
            offset: instr.offset,
            starts_line: line_starts.get(&instr.offset).copied(),
            is_jump_target: labels.contains(&i64::from(instr.offset)),
        });
        if let (true, Some(op)) = (show_caches, opcode) {
            push_caches(&code.code, instr.offset, op, &mut out);
        }
    }
    out
}

/// The `CACHE` lines after an instruction: the first unit of each field shows its value.
fn push_caches(code: &[u8], offset: u32, opcode: Opcode, out: &mut Vec<Instruction>) {
    let mut offset = offset as usize;
    for &(name, size) in cache_format(opcode) {
        for i in 0..size {
            offset += 2;
            let argrepr = if i == 0 {
                let data = code.get(offset..offset + 2 * size).unwrap_or(&[]);
                let value = data
                    .iter()
                    .rev()
                    .fold(num_bigint::BigUint::default(), |acc, b| (acc << 8u32) + *b);
                format!("{name}: {value}")
            } else {
                String::new()
            };
            out.push(Instruction {
                opname: "CACHE".to_owned(),
                opcode: 0,
                arg: Some(0),
                argrepr,
                offset: offset as u32,
                starts_line: None,
                is_jump_target: false,
            });
        }
    }
}
