//! `pyrt dis FILE.py` and the `dis` module (`Lib/dis.py`'s `dis.dis`), printing what CPython
//! 3.12's `dis` prints for pyrt's own code objects.
//!
//! The listing is `pyrt_compiler::dis`'s; what it needs from the objects is taken from the real
//! pyrt code objects: each one is read back into the compiler's [`CodeObject`] form (its
//! `co_code` with the inline caches zeroed, as `_PyCode_GetCode` gives it), and every constant
//! is printed as `repr()` of the real object — a frozenset in its own order, a code object
//! as `<code object f at 0x..., file "...", line 1>` with pyrt's own address.
//!
//! `dis.dis(x)` takes what 3.12's takes among pyrt's objects: a function or bound method (its
//! code), a class (each function of its namespace, in name order, after
//! `Disassembly of name:`), a code object, or a source string (compiled as `<dis>`).

use std::collections::HashMap;
use std::rc::Rc;

use pyrt_compiler::dis::{DisOptions, dis};
use pyrt_compiler::parse::{self, Lines};
use pyrt_compiler::{CodeObject, Constant};
use pyrt_objects::types::code::Code;
use pyrt_objects::types::{class, dict, function, tuple, unicode};
use pyrt_objects::{Heap, Obj, PyObject, PyResult, abstract_};

use super::exceptions;
use super::{Interp, R};

/// The constants' reprs of a code object tree read back from objects, by the address of the
/// [`Constant`] that stands for each in its code object's `consts`.
type Reprs = HashMap<*const Constant, String>;

/// `python3.12 -m dis FILE`: `source` compiled as `filename`, disassembled; the text of a
/// `SyntaxError` when it does not compile.
///
/// # Errors
/// The compile error as CPython prints it, or the object layer's error text.
pub fn dis_source(heap: &Heap, filename: &str, source: &str) -> Result<String, String> {
    // The parser's lines keep the text for good (as imported modules' do): a disassembly
    // is printed once.
    let source: &'static str = Box::leak(source.to_owned().into_boxed_str());
    let lines = Lines::new(source);
    let module = parse::parse(filename, &lines).map_err(|e| e.render())?;
    let code = pyrt_compiler::compile_module(&module, source, filename).map_err(|e| {
        match super::vm::compile_error_outcome(&e, &lines) {
            super::Outcome::SyntaxError(t) | super::Outcome::Uncaught(t) => t,
            _ => format!("{}: {}\n", kind_name(&e), e.message),
        }
    })?;
    let mut pool = super::vm::load::ConstantPool::new();
    let obj = pool.code(heap, &code).map_err(|e| format!("{e}\n"))?;
    dis_code_object(heap, obj.object()).map_err(|e| format!("{e}\n"))
}

fn kind_name(e: &pyrt_compiler::CompileError) -> &'static str {
    use pyrt_compiler::ErrorKind;
    match e.kind {
        ErrorKind::Syntax => "SyntaxError",
        ErrorKind::Indentation => "IndentationError",
        ErrorKind::Recursion => "RecursionError",
        ErrorKind::Memory => "MemoryError",
        ErrorKind::System => "SystemError",
    }
}

/// `dis.dis(code)` of a pyrt code object, nested code objects included.
fn dis_code_object(heap: &Heap, code: &PyObject) -> PyResult<String> {
    let mut reprs = Reprs::new();
    let code = read_back(heap, code, &mut reprs)?;
    let repr = |c: &Constant| {
        reprs
            .get(&core::ptr::from_ref(c))
            .cloned()
            .unwrap_or_else(|| c.repr())
    };
    let opts = DisOptions {
        repr: &repr,
        ..DisOptions::default()
    };
    let mut out = String::new();
    dis(&code, &mut out, &opts);
    Ok(out)
}

/// A pyrt code object as the compiler's [`CodeObject`], its constants' reprs recorded in
/// `reprs`. Code objects nest as deep as the compiler allows functions to, which its own
/// recursion limit bounds.
fn read_back(heap: &Heap, o: &PyObject, reprs: &mut Reprs) -> PyResult<CodeObject> {
    let c = Code::cast_internal(o)?;
    let objects: Vec<&PyObject> = tuple::items(c.consts())
        .iter()
        // SAFETY: the code object holds its constants.
        .map(|p| unsafe { p.as_ref() })
        .collect();
    let mut consts = Vec::with_capacity(objects.len());
    for k in &objects {
        consts.push(if Code::cast(k).is_some() {
            Constant::Code(Rc::new(read_back(heap, k, reprs)?))
        } else {
            Constant::None
        });
    }
    let names = |t: &tuple::Tuple| -> Vec<Rc<str>> {
        tuple::items(t)
            .iter()
            // SAFETY: the code object holds its names.
            .map(|p| unsafe { p.as_ref() })
            .map(|n| Rc::from(unicode::Str::cast(n).map_or_else(String::new, unicode::str_value)))
            .collect()
    };
    let code = CodeObject {
        argcount: c.argcount() as u32,
        posonlyargcount: c.posonlyargcount() as u32,
        kwonlyargcount: c.kwonlyargcount() as u32,
        flags: c.flags() as u32,
        stacksize: c.stacksize() as u32,
        firstlineno: c.firstlineno() as u32,
        code: co_code(c),
        consts,
        names: names(c.names()),
        localsplusnames: names(c.localsplusnames()),
        localspluskinds: c.localspluskinds().to_vec(),
        filename: Rc::from(unicode::str_value(c.filename())),
        name: Rc::from(unicode::str_value(c.name())),
        qualname: Rc::from(unicode::str_value(c.qualname())),
        linetable: c.linetable().to_vec(),
        exceptiontable: c.exceptiontable().to_vec(),
    };
    // The constants are in place: their addresses stay while `code` lives.
    for (k, o) in code.consts.iter().zip(objects) {
        reprs.insert(core::ptr::from_ref(k), abstract_::repr(heap, o)?);
    }
    Ok(code)
}

/// `co_code`: the code units with every inline cache entry zeroed (the VM may have written
/// them), as `_PyCode_GetCode` returns it.
fn co_code(c: &Code) -> Vec<u8> {
    let mut code = c.code_bytes();
    let mut i = 0;
    while i + 1 < code.len() {
        let caches = pyrt_compiler::opcode::Opcode::from_u16(u16::from(code[i]))
            .map_or(0, |op| op.cache_entries());
        for b in code.iter_mut().skip(i + 2).take(2 * caches) {
            *b = 0;
        }
        i += 2 + 2 * caches;
    }
    code
}

impl<'py> Interp<'py> {
    /// `dis.dis(x)`, printed on `sys.stdout`.
    pub(crate) fn dis_dis(&self, x: &Obj<'py>) -> R<'py, Obj<'py>> {
        let heap = self.heap;
        let err = |e| self.err(e);
        let text = if let Some(code) = self.code_of(x)? {
            dis_code_object(heap, code.object()).map_err(err)?
        } else if let Some(ty) = pyrt_objects::types::type_object(x.object())
            && let Some(ns) = class::class_dict(ty).and_then(dict::Dict::cast)
        {
            let mut items = dict::items(heap, ns).map_err(err)?;
            items.sort_by_cached_key(|(k, _)| {
                unicode::Str::cast(k.object()).map_or_else(String::new, unicode::str_value)
            });
            let mut out = String::new();
            for (k, v) in items {
                if let Some(code) = self.code_of(&v)? {
                    let name =
                        unicode::Str::cast(k.object()).map_or_else(String::new, unicode::str_value);
                    out.push_str(&format!("Disassembly of {name}:\n"));
                    out.push_str(&dis_code_object(heap, code.object()).map_err(err)?);
                    out.push('\n');
                }
            }
            out
        } else if let Some(s) = unicode::Str::cast(x.object()) {
            let source = unicode::str_value(s);
            dis_source(heap, "<dis>", &source)
                .map_err(|t| self.raise(&exceptions::SYNTAX_ERROR, t.trim_end().to_string()))?
        } else {
            return Err(self.raise(
                &exceptions::TYPE_ERROR,
                format!(
                    "don't know how to disassemble {} objects",
                    x.ob_type().name()
                ),
            ));
        };
        super::stdio::write(self, 1, &text);
        Ok(pyrt_objects::types::none(heap))
    }

    /// The code object of a function, a bound method of one, or a code object itself.
    fn code_of(&self, x: &Obj<'py>) -> R<'py, Option<Obj<'py>>> {
        let heap = self.heap;
        let o = x.object();
        if Code::cast(o).is_some() {
            return Ok(Some(x.clone()));
        }
        if let Some(f) = function::Function::cast(o) {
            return Ok(Some(f.code(heap)));
        }
        if let Some(m) = pyrt_objects::types::method::Method::cast(o) {
            return self.code_of(&m.func(heap));
        }
        Ok(None)
    }
}
