//! The built-in types. Each module holds one type's static type object, layout, constructors
//! and slots, and names the CPython file it mirrors.

mod base;
pub mod builtin_subclass;
pub mod bytes;
pub mod bytes_methods;
pub mod cell;
pub mod cfunction;
pub mod class;
pub mod class_assign;
pub mod code;
pub mod code_attrs;
pub mod complex;
pub mod complex_methods;
pub mod datastack;
pub mod descrobject;
pub mod dict;
pub mod exceptions;
pub mod fields;
pub mod float;
pub mod float_methods;
pub mod frame;
pub mod frame_attrs;
pub mod frameobject;
pub mod function;
pub mod function_attrs;
pub mod gen_attrs;
pub mod genobject;
pub mod iter;
pub mod list;
pub mod list_methods;
pub mod list_slice;
pub mod list_sort;
pub(crate) mod list_sort_compare;
pub mod long;
pub mod long_bytes;
pub mod long_methods;
pub mod method;
pub mod module;
pub mod object_instance;
pub mod printf;
pub mod range;
pub mod range_methods;
pub mod record;
pub mod set;
pub mod set_methods;
pub mod set_ops;
pub mod slot_defs;
pub mod slot_wrappers;
pub mod str_encode;
pub mod str_format;
pub mod str_methods;
pub mod subclass_binary;
pub mod traceback;
pub mod tuple;
pub mod tuple_methods;
pub mod unicode;
pub mod unicode_classes;
pub mod unicode_join;
pub mod unicode_methods;
pub mod unicode_more;
pub mod weakref;

pub(crate) use base::object_repr as base_object_repr;
pub use base::{
    ELLIPSIS_TYPE, NONE_TYPE, NOTIMPLEMENTED_TYPE, OBJECT_TYPE, TYPE_TYPE, ellipsis, identity_hash,
    none, not_implemented, type_object, union_type_or,
};
pub use bytes::BYTES_TYPE;
pub use complex::COMPLEX_TYPE;
pub use dict::DICT_TYPE;
pub use float::FLOAT_TYPE;
pub use list::LIST_TYPE;
pub use long::{BOOL_TYPE, INT_TYPE};
pub use set::{FROZENSET_TYPE, SET_TYPE};
pub use tuple::TUPLE_TYPE;
pub use unicode::STR_TYPE;
