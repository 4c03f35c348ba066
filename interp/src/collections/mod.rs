//! The built-in `_collections` module (`Modules/_collectionsmodule.c`): the Rust parts of the
//! shipped `collections` package.

pub(crate) mod odict;
