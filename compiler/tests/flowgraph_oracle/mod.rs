//! The oracle of the flow-graph tests: a script run by the live CPython that prints, for each
//! module source, the unoptimised instruction list and metadata of its top-level code
//! (`_testinternalcapi.compiler_codegen`) and the fields of `compile(src, "<s>", "exec")`;
//! and the parsing of that output into our [`InstrSequence`] and [`UnitMetadata`].
//!
//! Constants cross the process boundary in a small prefix notation that both sides write:
//! `N` None, `E` Ellipsis, `T`/`F` booleans, `i<decimal>`, `f<bits hex>`, `j<bits hex><bits
//! hex>`, `s<utf-8 hex>`, `b<hex>`, `t[...]` tuples, `z[...]` frozensets (in iteration order),
//! `c<name hex>` code objects (compared by name only: a nested unit's unoptimised sequence is
//! not available from `compiler_codegen`).

use std::collections::HashMap;
use std::rc::Rc;

use num_bigint::BigInt;
use pyrt_compiler::Constant;
use pyrt_compiler::code::CodeObject;
use pyrt_compiler::instr::{Instr, InstrSequence, Label, Location, UnitMetadata};
use pyrt_compiler::opcode::Opcode;

/// The Python half: `SRCS` (hex-encoded sources) is prepended by [`oracle_script`].
const SCRIPT: &str = r#"
import ast, struct, _testinternalcapi
def h(s): return s.encode('utf-8', 'surrogatepass').hex()
def ser(c):
    t = type(c)
    if c is None: return 'N'
    if c is Ellipsis: return 'E'
    if t is bool: return 'T' if c else 'F'
    if t is int: return 'i%d' % c
    if t is float: return 'f' + struct.pack('>d', c).hex()
    if t is complex: return 'j' + struct.pack('>d', c.real).hex() + struct.pack('>d', c.imag).hex()
    if t is str: return 's' + h(c)
    if t is bytes: return 'b' + c.hex()
    if t is tuple: return 't[' + ','.join(ser(x) for x in c) + ']'
    if t is frozenset: return 'z[' + ','.join(ser(x) for x in c) + ']'
    if hasattr(c, 'co_name'): return 'c' + h(c.co_name)
    raise TypeError(t)
for src in SRCS:
    src = bytes.fromhex(src).decode()
    insts, meta = _testinternalcapi.compiler_codegen(ast.parse(src), '<s>', 0, 0)
    print('case')
    for i in insts: print('I', *i)
    consts = [None] * len(meta['consts'])
    for k, v in meta['consts'].items():
        if type(k) is tuple: k = k[1]
        consts[v] = k
    for c in consts: print('C', ser(c))
    for key, tag in (('names', 'N'), ('varnames', 'V'), ('cellvars', 'CE'), ('freevars', 'FR')):
        d = meta[key]
        for name in sorted(d, key=d.get): print(tag, h(name))
    print('M', meta['argcount'], meta['posonlyargcount'], meta['kwonlyargcount'])
    co = compile(src, '<s>', 'exec')
    print('X code', co.co_code.hex())
    print('X consts', ' '.join(ser(c) for c in co.co_consts))
    print('X names', ' '.join(h(n) for n in co.co_names))
    print('X varnames', ' '.join(h(n) for n in co.co_varnames))
    print('X cellvars', ' '.join(h(n) for n in co.co_cellvars))
    print('X freevars', ' '.join(h(n) for n in co.co_freevars))
    print('X stacksize', co.co_stacksize)
    print('X flags', co.co_flags)
    print('X linetable', co.co_linetable.hex())
    print('X exceptiontable', co.co_exceptiontable.hex())
    print('X firstlineno', co.co_firstlineno)
    print('end')
"#;

/// The whole script for these sources.
pub fn oracle_script(sources: &[String]) -> String {
    let srcs: Vec<String> = sources
        .iter()
        .map(|s| format!("'{}'", hex(s.as_bytes())))
        .collect();
    format!("SRCS = [{}]\n{SCRIPT}", srcs.join(", "))
}

/// One module's codegen output and CPython's compiled fields.
#[derive(Debug, Default)]
pub struct Case {
    /// `(opcode, oparg, lineno, end_lineno, col, end_col)`, jump targets as indices.
    pub instrs: Vec<[i64; 6]>,
    /// The unit's metadata as the code generator left it.
    pub meta: UnitMetadata,
    /// CPython's fields, by name, in the forms [`fields`] gives ours.
    pub expected: HashMap<String, String>,
}

/// Lower-case hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).expect("hex"))
        .collect()
}

fn unhex_str(s: &str) -> Rc<str> {
    Rc::from(String::from_utf8(unhex(s)).expect("UTF-8 names"))
}

/// Parses the script's output into cases.
pub fn parse_cases(lines: &[String]) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut case = Case::default();
    for line in lines {
        let (tag, rest) = line.split_once(' ').unwrap_or((line.as_str(), ""));
        match tag {
            "case" => {
                case = Case::default();
                case.meta.name = Rc::from("<module>");
                case.meta.qualname = Rc::from("<module>");
                case.meta.firstlineno = 1;
            }
            "I" => {
                let v: Vec<i64> = rest.split(' ').map(|x| x.parse().expect("int")).collect();
                case.instrs.push([v[0], v[1], v[2], v[3], v[4], v[5]]);
            }
            "C" => case.meta.consts.push(parse_const(rest)),
            "N" => case.meta.names.push(unhex_str(rest)),
            "V" => case.meta.varnames.push(unhex_str(rest)),
            "CE" => case.meta.cellvars.push(unhex_str(rest)),
            "FR" => case.meta.freevars.push(unhex_str(rest)),
            "M" => {
                let v: Vec<u32> = rest.split(' ').map(|x| x.parse().expect("int")).collect();
                case.meta.argcount = v[0] + v[1];
                case.meta.posonlyargcount = v[1];
                case.meta.kwonlyargcount = v[2];
            }
            "X" => {
                let (field, value) = rest.split_once(' ').unwrap_or((rest, ""));
                case.expected.insert(field.to_string(), value.to_string());
            }
            "end" => cases.push(std::mem::take(&mut case)),
            _ => panic!("unexpected oracle line {line:?}"),
        }
    }
    cases
}

/// Parses one serialised constant.
fn parse_const(s: &str) -> Constant {
    let (c, rest) = parse_const_prefix(s);
    assert!(rest.is_empty(), "trailing {rest:?} in constant {s:?}");
    c
}

fn parse_const_prefix(s: &str) -> (Constant, &str) {
    let end = s.find([',', ']']).unwrap_or(s.len());
    let (tag, body) = s.split_at(1);
    let word = &body[..end.saturating_sub(1)];
    let after = &s[end..];
    let f64_of = |h: &str| f64::from_bits(u64::from_str_radix(h, 16).expect("bits"));
    let c = match tag {
        "N" => Constant::None,
        "E" => Constant::Ellipsis,
        "T" => Constant::Bool(true),
        "F" => Constant::Bool(false),
        "i" => Constant::Int(word.parse::<BigInt>().expect("int")),
        "f" => Constant::Float(f64_of(word)),
        "j" => Constant::Complex(f64_of(&word[..16]), f64_of(&word[16..])),
        "s" => Constant::Str(unhex_str(word)),
        "b" => Constant::Bytes(Rc::from(unhex(word))),
        "c" => Constant::Code(Rc::new(CodeObject {
            name: unhex_str(word),
            ..CodeObject::default()
        })),
        "t" | "z" => {
            let mut rest = &body[1..];
            let mut items = Vec::new();
            while !rest.starts_with(']') {
                let (item, r) = parse_const_prefix(rest);
                items.push(item);
                rest = r.strip_prefix(',').unwrap_or(r);
            }
            let items: Rc<[Constant]> = Rc::from(items);
            let c = if tag == "t" {
                Constant::Tuple(items)
            } else {
                Constant::FrozenSet(items)
            };
            return (c, &rest[1..]);
        }
        _ => panic!("bad constant {s:?}"),
    };
    (c, after)
}

/// Serialises one of our constants as the script does.
pub fn ser(c: &Constant) -> String {
    let bits = |f: &f64| format!("{:016x}", f.to_bits());
    let items = |v: &[Constant]| v.iter().map(ser).collect::<Vec<_>>().join(",");
    match c {
        Constant::None => "N".into(),
        Constant::Ellipsis => "E".into(),
        Constant::Bool(b) => if *b { "T" } else { "F" }.into(),
        Constant::Int(i) => format!("i{i}"),
        Constant::Float(f) => format!("f{}", bits(f)),
        Constant::Complex(re, im) => format!("j{}{}", bits(re), bits(im)),
        Constant::Str(s) => format!("s{}", hex(s.as_bytes())),
        Constant::Bytes(b) => format!("b{}", hex(b)),
        Constant::Tuple(t) => format!("t[{}]", items(t)),
        Constant::FrozenSet(t) => format!("z[{}]", items(t)),
        Constant::Code(code) => format!("c{}", hex(code.name.as_bytes())),
    }
}

/// The case's instructions as our sequence: a label for each distinct jump target.
pub fn sequence(case: &Case) -> InstrSequence {
    let mut seq = InstrSequence::default();
    let mut targets: Vec<i64> = case
        .instrs
        .iter()
        .filter(|i| has_target(i[0]))
        .map(|i| i[1])
        .collect();
    targets.sort_unstable();
    targets.dedup();
    let labels: HashMap<i64, Label> = targets.iter().map(|&t| (t, seq.new_label())).collect();
    for (index, i) in case.instrs.iter().enumerate() {
        for (&t, &label) in &labels {
            if t == index as i64 {
                seq.use_label(label);
            }
        }
        let op = Opcode::from_u16(i[0] as u16).expect("a 3.12 opcode");
        let arg = if has_target(i[0]) {
            labels[&i[1]].0
        } else {
            i[1] as u32
        };
        let loc = Location {
            lineno: i[2] as i32,
            end_lineno: i[3] as i32,
            col_offset: i[4] as i32,
            end_col_offset: i[5] as i32,
        };
        seq.instrs.push(Instr { op, arg, loc });
    }
    seq
}

fn has_target(op: i64) -> bool {
    Opcode::from_u16(op as u16).is_some_and(|op| op.is_jump() || op.is_block_push())
}

/// Our code object's fields in the script's forms.
pub fn fields(code: &CodeObject) -> HashMap<String, String> {
    let names = |v: &[Rc<str>]| {
        v.iter()
            .map(|n| hex(n.as_bytes()))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let consts: Vec<String> = code.consts.iter().map(ser).collect();
    [
        ("code", hex(&code.code)),
        ("consts", consts.join(" ")),
        ("names", names(&code.names)),
        ("varnames", names(&code.varnames())),
        ("cellvars", names(&code.cellvars())),
        ("freevars", names(&code.freevars())),
        ("stacksize", code.stacksize.to_string()),
        ("flags", code.flags.to_string()),
        ("linetable", hex(&code.linetable)),
        ("exceptiontable", hex(&code.exceptiontable)),
        ("firstlineno", code.firstlineno.to_string()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// A readable listing of `co_code` (hex), one instruction per line, caches skipped.
pub fn listing(code_hex: &str) -> String {
    let bytes = unhex(code_hex);
    let mut out = String::new();
    let mut i = 0;
    while i + 1 < bytes.len() {
        let op = Opcode::from_u16(u16::from(bytes[i]));
        let name = op.map_or("?", |o| o.name());
        out.push_str(&format!("  {:4} {name} {}\n", i / 2, bytes[i + 1]));
        i += 2 + 2 * op.map_or(0, |o| o.cache_entries());
    }
    out
}
