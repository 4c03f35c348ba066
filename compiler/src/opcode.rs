//! CPython 3.12's opcodes (`Lib/opcode.py`, `Include/opcode.h`): their numbers, which take an
//! argument, how many inline cache entries follow each, and what their argument names (a
//! constant, a name, a local, a cell, a jump target).
//!
//! The numbers are CPython 3.12.1's, so that `co_code`, `dis` and every size that depends on the
//! length of the bytecode match. Opcodes from 256 up are the compiler's pseudo-instructions
//! (`SETUP_FINALLY`, `JUMP`, `LOAD_METHOD`, ...): the code generator emits them and the
//! assembler replaces each with real instructions or removes it; they never reach `co_code`.
//! The specialized and instrumented forms of CPython's adaptive interpreter are not listed: they
//! are an interpreter's private business and `dis` shows the base form.
//!
//! `tests/opcode_vs_cpython.rs` checks this table against the live CPython's `opcode` module.

/// An opcode of CPython 3.12, or one of its compiler pseudo-instructions (256 and up).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(u16)]
#[allow(missing_docs)] // each variant is the CPython opcode of the same name
pub enum Opcode {
    Cache = 0,
    PopTop = 1,
    PushNull = 2,
    InterpreterExit = 3,
    EndFor = 4,
    EndSend = 5,
    Nop = 9,
    UnaryNegative = 11,
    UnaryNot = 12,
    UnaryInvert = 15,
    Reserved = 17,
    BinarySubscr = 25,
    BinarySlice = 26,
    StoreSlice = 27,
    GetLen = 30,
    MatchMapping = 31,
    MatchSequence = 32,
    MatchKeys = 33,
    PushExcInfo = 35,
    CheckExcMatch = 36,
    CheckEgMatch = 37,
    WithExceptStart = 49,
    GetAiter = 50,
    GetAnext = 51,
    BeforeAsyncWith = 52,
    BeforeWith = 53,
    EndAsyncFor = 54,
    CleanupThrow = 55,
    StoreSubscr = 60,
    DeleteSubscr = 61,
    GetIter = 68,
    GetYieldFromIter = 69,
    LoadBuildClass = 71,
    LoadAssertionError = 74,
    ReturnGenerator = 75,
    ReturnValue = 83,
    SetupAnnotations = 85,
    LoadLocals = 87,
    PopExcept = 89,
    StoreName = 90,
    DeleteName = 91,
    UnpackSequence = 92,
    ForIter = 93,
    UnpackEx = 94,
    StoreAttr = 95,
    DeleteAttr = 96,
    StoreGlobal = 97,
    DeleteGlobal = 98,
    Swap = 99,
    LoadConst = 100,
    LoadName = 101,
    BuildTuple = 102,
    BuildList = 103,
    BuildSet = 104,
    BuildMap = 105,
    LoadAttr = 106,
    CompareOp = 107,
    ImportName = 108,
    ImportFrom = 109,
    JumpForward = 110,
    PopJumpIfFalse = 114,
    PopJumpIfTrue = 115,
    LoadGlobal = 116,
    IsOp = 117,
    ContainsOp = 118,
    Reraise = 119,
    Copy = 120,
    ReturnConst = 121,
    BinaryOp = 122,
    Send = 123,
    LoadFast = 124,
    StoreFast = 125,
    DeleteFast = 126,
    LoadFastCheck = 127,
    PopJumpIfNotNone = 128,
    PopJumpIfNone = 129,
    RaiseVarargs = 130,
    GetAwaitable = 131,
    MakeFunction = 132,
    BuildSlice = 133,
    JumpBackwardNoInterrupt = 134,
    MakeCell = 135,
    LoadClosure = 136,
    LoadDeref = 137,
    StoreDeref = 138,
    DeleteDeref = 139,
    JumpBackward = 140,
    LoadSuperAttr = 141,
    CallFunctionEx = 142,
    LoadFastAndClear = 143,
    ExtendedArg = 144,
    ListAppend = 145,
    SetAdd = 146,
    MapAdd = 147,
    CopyFreeVars = 149,
    YieldValue = 150,
    Resume = 151,
    MatchClass = 152,
    FormatValue = 155,
    BuildConstKeyMap = 156,
    BuildString = 157,
    ListExtend = 162,
    SetUpdate = 163,
    DictMerge = 164,
    DictUpdate = 165,
    Call = 171,
    KwNames = 172,
    CallIntrinsic1 = 173,
    CallIntrinsic2 = 174,
    LoadFromDictOrGlobals = 175,
    LoadFromDictOrDeref = 176,
    SetupFinally = 256,
    SetupCleanup = 257,
    SetupWith = 258,
    PopBlock = 259,
    Jump = 260,
    JumpNoInterrupt = 261,
    LoadMethod = 262,
    LoadSuperMethod = 263,
    LoadZeroSuperMethod = 264,
    LoadZeroSuperAttr = 265,
    StoreFastMaybeNull = 266,
}

/// Every opcode, in number order.
pub const ALL: &[Opcode] = &[
    Opcode::Cache,
    Opcode::PopTop,
    Opcode::PushNull,
    Opcode::InterpreterExit,
    Opcode::EndFor,
    Opcode::EndSend,
    Opcode::Nop,
    Opcode::UnaryNegative,
    Opcode::UnaryNot,
    Opcode::UnaryInvert,
    Opcode::Reserved,
    Opcode::BinarySubscr,
    Opcode::BinarySlice,
    Opcode::StoreSlice,
    Opcode::GetLen,
    Opcode::MatchMapping,
    Opcode::MatchSequence,
    Opcode::MatchKeys,
    Opcode::PushExcInfo,
    Opcode::CheckExcMatch,
    Opcode::CheckEgMatch,
    Opcode::WithExceptStart,
    Opcode::GetAiter,
    Opcode::GetAnext,
    Opcode::BeforeAsyncWith,
    Opcode::BeforeWith,
    Opcode::EndAsyncFor,
    Opcode::CleanupThrow,
    Opcode::StoreSubscr,
    Opcode::DeleteSubscr,
    Opcode::GetIter,
    Opcode::GetYieldFromIter,
    Opcode::LoadBuildClass,
    Opcode::LoadAssertionError,
    Opcode::ReturnGenerator,
    Opcode::ReturnValue,
    Opcode::SetupAnnotations,
    Opcode::LoadLocals,
    Opcode::PopExcept,
    Opcode::StoreName,
    Opcode::DeleteName,
    Opcode::UnpackSequence,
    Opcode::ForIter,
    Opcode::UnpackEx,
    Opcode::StoreAttr,
    Opcode::DeleteAttr,
    Opcode::StoreGlobal,
    Opcode::DeleteGlobal,
    Opcode::Swap,
    Opcode::LoadConst,
    Opcode::LoadName,
    Opcode::BuildTuple,
    Opcode::BuildList,
    Opcode::BuildSet,
    Opcode::BuildMap,
    Opcode::LoadAttr,
    Opcode::CompareOp,
    Opcode::ImportName,
    Opcode::ImportFrom,
    Opcode::JumpForward,
    Opcode::PopJumpIfFalse,
    Opcode::PopJumpIfTrue,
    Opcode::LoadGlobal,
    Opcode::IsOp,
    Opcode::ContainsOp,
    Opcode::Reraise,
    Opcode::Copy,
    Opcode::ReturnConst,
    Opcode::BinaryOp,
    Opcode::Send,
    Opcode::LoadFast,
    Opcode::StoreFast,
    Opcode::DeleteFast,
    Opcode::LoadFastCheck,
    Opcode::PopJumpIfNotNone,
    Opcode::PopJumpIfNone,
    Opcode::RaiseVarargs,
    Opcode::GetAwaitable,
    Opcode::MakeFunction,
    Opcode::BuildSlice,
    Opcode::JumpBackwardNoInterrupt,
    Opcode::MakeCell,
    Opcode::LoadClosure,
    Opcode::LoadDeref,
    Opcode::StoreDeref,
    Opcode::DeleteDeref,
    Opcode::JumpBackward,
    Opcode::LoadSuperAttr,
    Opcode::CallFunctionEx,
    Opcode::LoadFastAndClear,
    Opcode::ExtendedArg,
    Opcode::ListAppend,
    Opcode::SetAdd,
    Opcode::MapAdd,
    Opcode::CopyFreeVars,
    Opcode::YieldValue,
    Opcode::Resume,
    Opcode::MatchClass,
    Opcode::FormatValue,
    Opcode::BuildConstKeyMap,
    Opcode::BuildString,
    Opcode::ListExtend,
    Opcode::SetUpdate,
    Opcode::DictMerge,
    Opcode::DictUpdate,
    Opcode::Call,
    Opcode::KwNames,
    Opcode::CallIntrinsic1,
    Opcode::CallIntrinsic2,
    Opcode::LoadFromDictOrGlobals,
    Opcode::LoadFromDictOrDeref,
    Opcode::SetupFinally,
    Opcode::SetupCleanup,
    Opcode::SetupWith,
    Opcode::PopBlock,
    Opcode::Jump,
    Opcode::JumpNoInterrupt,
    Opcode::LoadMethod,
    Opcode::LoadSuperMethod,
    Opcode::LoadZeroSuperMethod,
    Opcode::LoadZeroSuperAttr,
    Opcode::StoreFastMaybeNull,
];

/// The first opcode number that takes an argument (`HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u16 = 90;
/// The first pseudo-instruction number (`MIN_PSEUDO_OPCODE`).
pub const MIN_PSEUDO_OPCODE: u16 = 256;

/// What an opcode's argument refers to, as `dis` interprets it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (the argument byte is ignored, and is 0 in CPython's output).
    None,
    /// An index into `co_consts` (`hasconst`).
    Const,
    /// An index into `co_names` (`hasname`; `LOAD_GLOBAL`, `LOAD_ATTR` and `LOAD_SUPER_ATTR`
    /// keep flags in the low bits).
    Name,
    /// An index into the fast locals (`haslocal`).
    Local,
    /// An index into the fast locals naming a cell or free variable (`hasfree`).
    Free,
    /// A relative jump (`hasjrel`): forward, or backward for `JUMP_BACKWARD*`.
    Jump,
    /// A comparison (`hascompare`: the operator in the high bits).
    Compare,
    /// Any other number (a count, an operator, a flag set).
    Other,
}

impl Opcode {
    /// The opcode with this number, if CPython 3.12 has one (instrumented forms excluded).
    pub fn from_u16(n: u16) -> Option<Opcode> {
        ALL.binary_search_by_key(&n, |op| *op as u16)
            .ok()
            .map(|i| ALL[i])
    }

    /// CPython's name for the opcode (`opcode.opname`).
    pub fn name(self) -> &'static str {
        match self {
            Opcode::Cache => "CACHE",
            Opcode::PopTop => "POP_TOP",
            Opcode::PushNull => "PUSH_NULL",
            Opcode::InterpreterExit => "INTERPRETER_EXIT",
            Opcode::EndFor => "END_FOR",
            Opcode::EndSend => "END_SEND",
            Opcode::Nop => "NOP",
            Opcode::UnaryNegative => "UNARY_NEGATIVE",
            Opcode::UnaryNot => "UNARY_NOT",
            Opcode::UnaryInvert => "UNARY_INVERT",
            Opcode::Reserved => "RESERVED",
            Opcode::BinarySubscr => "BINARY_SUBSCR",
            Opcode::BinarySlice => "BINARY_SLICE",
            Opcode::StoreSlice => "STORE_SLICE",
            Opcode::GetLen => "GET_LEN",
            Opcode::MatchMapping => "MATCH_MAPPING",
            Opcode::MatchSequence => "MATCH_SEQUENCE",
            Opcode::MatchKeys => "MATCH_KEYS",
            Opcode::PushExcInfo => "PUSH_EXC_INFO",
            Opcode::CheckExcMatch => "CHECK_EXC_MATCH",
            Opcode::CheckEgMatch => "CHECK_EG_MATCH",
            Opcode::WithExceptStart => "WITH_EXCEPT_START",
            Opcode::GetAiter => "GET_AITER",
            Opcode::GetAnext => "GET_ANEXT",
            Opcode::BeforeAsyncWith => "BEFORE_ASYNC_WITH",
            Opcode::BeforeWith => "BEFORE_WITH",
            Opcode::EndAsyncFor => "END_ASYNC_FOR",
            Opcode::CleanupThrow => "CLEANUP_THROW",
            Opcode::StoreSubscr => "STORE_SUBSCR",
            Opcode::DeleteSubscr => "DELETE_SUBSCR",
            Opcode::GetIter => "GET_ITER",
            Opcode::GetYieldFromIter => "GET_YIELD_FROM_ITER",
            Opcode::LoadBuildClass => "LOAD_BUILD_CLASS",
            Opcode::LoadAssertionError => "LOAD_ASSERTION_ERROR",
            Opcode::ReturnGenerator => "RETURN_GENERATOR",
            Opcode::ReturnValue => "RETURN_VALUE",
            Opcode::SetupAnnotations => "SETUP_ANNOTATIONS",
            Opcode::LoadLocals => "LOAD_LOCALS",
            Opcode::PopExcept => "POP_EXCEPT",
            Opcode::StoreName => "STORE_NAME",
            Opcode::DeleteName => "DELETE_NAME",
            Opcode::UnpackSequence => "UNPACK_SEQUENCE",
            Opcode::ForIter => "FOR_ITER",
            Opcode::UnpackEx => "UNPACK_EX",
            Opcode::StoreAttr => "STORE_ATTR",
            Opcode::DeleteAttr => "DELETE_ATTR",
            Opcode::StoreGlobal => "STORE_GLOBAL",
            Opcode::DeleteGlobal => "DELETE_GLOBAL",
            Opcode::Swap => "SWAP",
            Opcode::LoadConst => "LOAD_CONST",
            Opcode::LoadName => "LOAD_NAME",
            Opcode::BuildTuple => "BUILD_TUPLE",
            Opcode::BuildList => "BUILD_LIST",
            Opcode::BuildSet => "BUILD_SET",
            Opcode::BuildMap => "BUILD_MAP",
            Opcode::LoadAttr => "LOAD_ATTR",
            Opcode::CompareOp => "COMPARE_OP",
            Opcode::ImportName => "IMPORT_NAME",
            Opcode::ImportFrom => "IMPORT_FROM",
            Opcode::JumpForward => "JUMP_FORWARD",
            Opcode::PopJumpIfFalse => "POP_JUMP_IF_FALSE",
            Opcode::PopJumpIfTrue => "POP_JUMP_IF_TRUE",
            Opcode::LoadGlobal => "LOAD_GLOBAL",
            Opcode::IsOp => "IS_OP",
            Opcode::ContainsOp => "CONTAINS_OP",
            Opcode::Reraise => "RERAISE",
            Opcode::Copy => "COPY",
            Opcode::ReturnConst => "RETURN_CONST",
            Opcode::BinaryOp => "BINARY_OP",
            Opcode::Send => "SEND",
            Opcode::LoadFast => "LOAD_FAST",
            Opcode::StoreFast => "STORE_FAST",
            Opcode::DeleteFast => "DELETE_FAST",
            Opcode::LoadFastCheck => "LOAD_FAST_CHECK",
            Opcode::PopJumpIfNotNone => "POP_JUMP_IF_NOT_NONE",
            Opcode::PopJumpIfNone => "POP_JUMP_IF_NONE",
            Opcode::RaiseVarargs => "RAISE_VARARGS",
            Opcode::GetAwaitable => "GET_AWAITABLE",
            Opcode::MakeFunction => "MAKE_FUNCTION",
            Opcode::BuildSlice => "BUILD_SLICE",
            Opcode::JumpBackwardNoInterrupt => "JUMP_BACKWARD_NO_INTERRUPT",
            Opcode::MakeCell => "MAKE_CELL",
            Opcode::LoadClosure => "LOAD_CLOSURE",
            Opcode::LoadDeref => "LOAD_DEREF",
            Opcode::StoreDeref => "STORE_DEREF",
            Opcode::DeleteDeref => "DELETE_DEREF",
            Opcode::JumpBackward => "JUMP_BACKWARD",
            Opcode::LoadSuperAttr => "LOAD_SUPER_ATTR",
            Opcode::CallFunctionEx => "CALL_FUNCTION_EX",
            Opcode::LoadFastAndClear => "LOAD_FAST_AND_CLEAR",
            Opcode::ExtendedArg => "EXTENDED_ARG",
            Opcode::ListAppend => "LIST_APPEND",
            Opcode::SetAdd => "SET_ADD",
            Opcode::MapAdd => "MAP_ADD",
            Opcode::CopyFreeVars => "COPY_FREE_VARS",
            Opcode::YieldValue => "YIELD_VALUE",
            Opcode::Resume => "RESUME",
            Opcode::MatchClass => "MATCH_CLASS",
            Opcode::FormatValue => "FORMAT_VALUE",
            Opcode::BuildConstKeyMap => "BUILD_CONST_KEY_MAP",
            Opcode::BuildString => "BUILD_STRING",
            Opcode::ListExtend => "LIST_EXTEND",
            Opcode::SetUpdate => "SET_UPDATE",
            Opcode::DictMerge => "DICT_MERGE",
            Opcode::DictUpdate => "DICT_UPDATE",
            Opcode::Call => "CALL",
            Opcode::KwNames => "KW_NAMES",
            Opcode::CallIntrinsic1 => "CALL_INTRINSIC_1",
            Opcode::CallIntrinsic2 => "CALL_INTRINSIC_2",
            Opcode::LoadFromDictOrGlobals => "LOAD_FROM_DICT_OR_GLOBALS",
            Opcode::LoadFromDictOrDeref => "LOAD_FROM_DICT_OR_DEREF",
            Opcode::SetupFinally => "SETUP_FINALLY",
            Opcode::SetupCleanup => "SETUP_CLEANUP",
            Opcode::SetupWith => "SETUP_WITH",
            Opcode::PopBlock => "POP_BLOCK",
            Opcode::Jump => "JUMP",
            Opcode::JumpNoInterrupt => "JUMP_NO_INTERRUPT",
            Opcode::LoadMethod => "LOAD_METHOD",
            Opcode::LoadSuperMethod => "LOAD_SUPER_METHOD",
            Opcode::LoadZeroSuperMethod => "LOAD_ZERO_SUPER_METHOD",
            Opcode::LoadZeroSuperAttr => "LOAD_ZERO_SUPER_ATTR",
            Opcode::StoreFastMaybeNull => "STORE_FAST_MAYBE_NULL",
        }
    }

    /// Whether this is a compiler pseudo-instruction, never found in `co_code`.
    pub fn is_pseudo(self) -> bool {
        self as u16 >= MIN_PSEUDO_OPCODE
    }

    /// Whether the opcode uses its argument (`opcode.hasarg`).
    pub fn has_arg(self) -> bool {
        // `SETUP_*` are listed without an argument by `opcode.hasarg`, but the compiler gives
        // them their handler's label; only `POP_BLOCK` really has none.
        self as u16 >= HAVE_ARGUMENT && self != Opcode::PopBlock
    }

    /// How many inline cache code units follow the instruction in `co_code`
    /// (`_PyOpcode_Caches`).
    pub fn cache_entries(self) -> usize {
        match self {
            Opcode::BinaryOp => 1,
            Opcode::BinarySubscr => 1,
            Opcode::Call => 3,
            Opcode::CompareOp => 1,
            Opcode::ForIter => 1,
            Opcode::LoadAttr => 9,
            Opcode::LoadGlobal => 4,
            Opcode::LoadSuperAttr => 1,
            Opcode::Send => 1,
            Opcode::StoreAttr => 4,
            Opcode::StoreSubscr => 1,
            Opcode::UnpackSequence => 1,
            _ => 0,
        }
    }

    /// What the opcode's argument refers to.
    pub fn arg_kind(self) -> ArgKind {
        match self {
            Opcode::LoadConst | Opcode::ReturnConst | Opcode::KwNames => ArgKind::Const,
            Opcode::StoreName
            | Opcode::DeleteName
            | Opcode::StoreAttr
            | Opcode::DeleteAttr
            | Opcode::StoreGlobal
            | Opcode::DeleteGlobal
            | Opcode::LoadName
            | Opcode::LoadAttr
            | Opcode::ImportName
            | Opcode::ImportFrom
            | Opcode::LoadGlobal
            | Opcode::LoadSuperAttr
            | Opcode::LoadFromDictOrGlobals
            | Opcode::LoadMethod
            | Opcode::LoadSuperMethod
            | Opcode::LoadZeroSuperMethod
            | Opcode::LoadZeroSuperAttr => ArgKind::Name,
            Opcode::LoadFast
            | Opcode::StoreFast
            | Opcode::DeleteFast
            | Opcode::LoadFastCheck
            | Opcode::LoadFastAndClear
            | Opcode::StoreFastMaybeNull => ArgKind::Local,
            Opcode::MakeCell
            | Opcode::LoadClosure
            | Opcode::LoadDeref
            | Opcode::StoreDeref
            | Opcode::DeleteDeref
            | Opcode::LoadFromDictOrDeref => ArgKind::Free,
            Opcode::ForIter
            | Opcode::JumpForward
            | Opcode::PopJumpIfFalse
            | Opcode::PopJumpIfTrue
            | Opcode::Send
            | Opcode::PopJumpIfNotNone
            | Opcode::PopJumpIfNone
            | Opcode::JumpBackwardNoInterrupt
            | Opcode::JumpBackward
            | Opcode::Jump
            | Opcode::JumpNoInterrupt => ArgKind::Jump,
            Opcode::CompareOp => ArgKind::Compare,
            op if op.has_arg() => ArgKind::Other,
            _ => ArgKind::None,
        }
    }

    /// Whether the opcode is a jump of any kind (`hasjrel`), pseudo jumps included.
    pub fn is_jump(self) -> bool {
        self.arg_kind() == ArgKind::Jump
    }

    /// Whether the instruction sets up an exception handler (`hasexc`: `SETUP_FINALLY`,
    /// `SETUP_CLEANUP`, `SETUP_WITH`), whose argument is the handler's label.
    pub fn is_block_push(self) -> bool {
        matches!(
            self,
            Opcode::SetupFinally | Opcode::SetupCleanup | Opcode::SetupWith
        )
    }
}
