# The size of each built-in type, as sys.getsizeof reports it on 64-bit CPython 3.12
import sys
class Plain:
    pass
class Slotted:
    __slots__ = ('x', 'y')
rows = [
    ('None', None), ('True', True), ('0', 0), ('1', 1), ('2**30', 2**30), ('2**100', 2**100),
    ('1.0', 1.0), ('1j', 1j), ("''", ''), ("'a'", 'a'), ("'abc'", 'abc'), ("'é'", 'é'),
    ("'€'", '€'), ("b''", b''), ("b'abc'", b'abc'), ('()', ()), ('(1, 2)', (1, 2)),
    ('[]', []), ('[1, 2, 3]', [1, 2, 3]), ('{}', {}), ("{'a': 1}", {'a': 1}),
    ('set()', set()), ('{1, 2, 3}', {1, 2, 3}), ('frozenset()', frozenset()),
    ('range(10)', range(10)), ('Plain()', Plain()), ('Slotted()', Slotted()),
]
for text, value in rows:
    print(f"{text:>12}  {type(value).__name__:<10} {sys.getsizeof(value):>5} bytes")
