"""struct: packing and unpacking binary records, as CPython's Lib/struct.py, over pyrt's
built-in `_struct` (its `pack`, `unpack`, `calcsize`, `unpack_from`, `pack_into` and
`error`; the `Struct` class and `iter_unpack` are not there yet)."""

__all__ = [
    # Functions
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
    # Exceptions
    'error',
]

from _struct import *
