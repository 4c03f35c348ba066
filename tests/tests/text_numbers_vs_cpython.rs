//! Sizes and conversions of `str`, `bytes`, `int`, `float`, `complex` and `range` that used to
//! abort the process, hang or answer wrongly, against CPython 3.12.1's exact transcript: huge
//! repeats raise `MemoryError`/`OverflowError` before anything is allocated, range slicing,
//! indexing, `in`, `index` and `count` are O(1) on big ints, `list(range(2**62))` fails at once,
//! and the constructors raise CPython's `TypeError`s for wrong types.
//!
//! The expectation is what `PYENV_VERSION=3.12.1 python3.12 script.py` printed; when a CPython
//! 3.12 is installed the script is run by it too and must print the same.

use pyrt_interp::RunScripts as _;
use pyrt_tests::cpython::cross_check;

const SCRIPT: &str = r#"def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def f0():
    return len("a" * 10**12)


t(f0)
def f1():
    return len(b"a" * 10**12)


t(f1)
def f2():
    return len("ab" * (2**62))


t(f2)
def f3():
    return len(b"ab" * (2**62))


t(f3)
def f4():
    return len("a" * (2**63 - 1))


t(f4)
def f5():
    return len(b"a" * (2**63 - 1))


t(f5)
def f6():
    return "ab" * 3


t(f6)
def f7():
    return b"ab" * 3


t(f7)
def f8():
    return "é" * 3


t(f8)
def f9():
    return "€x" * 2


t(f9)
def f10():
    return "a" * 0


t(f10)
def f11():
    return b"xy" * -1


t(f11)
def f12():
    return range(2**63)[::2]


t(f12)
def f13():
    return range(10)[2:5]


t(f13)
def f14():
    return range(10)[::-1]


t(f14)
def f15():
    return range(0, 10, 3)[-1:-5:-2]


t(f15)
def f16():
    return range(5)[10:]


t(f16)
def f17():
    return range(10**20)[::10**19]


t(f17)
def f18():
    return range(5)[::0]


t(f18)
def f19():
    return range(5)["a":]


t(f19)
def f20():
    return 2**99 in range(0, 2**100, 2)


t(f20)
def f21():
    return 2**99 + 1 in range(0, 2**100, 2)


t(f21)
def f22():
    return len(range(10**20))


t(f22)
def f23():
    return range(10**20)[10**19]


t(f23)
def f24():
    return range(10**20)[-1]


t(f24)
def f25():
    return range(10**20)[-10**21]


t(f25)
def f26():
    return range(10**20)[10**20]


t(f26)
def f27():
    return range(0, 2**100, 3).index(3 * 2**90)


t(f27)
def f28():
    return range(0, 2**100, 3).count(3 * 2**90)


t(f28)
def f29():
    return range(0, 2**100, 3).count(1)


t(f29)
def f30():
    return len(list(range(2**62)))


t(f30)
def f31():
    return list(range(10**20))


t(f31)
def f32():
    return list(range(3, 10, 3))


t(f32)
def f33():
    return float([])


t(f33)
def f34():
    return float(2.5)


t(f34)
def f35():
    return int([])


t(f35)
def f36():
    return complex([])


t(f36)
def f37():
    return complex(1, [])


t(f37)
def f38():
    return complex(1j, 2)


t(f38)
def f39():
    return complex(2**2000)


t(f39)
def f40():
    return str(b"x", "bogus")


t(f40)
def f41():
    return str(b"caf\xc3\xa9", "utf-8")


t(f41)
def f42():
    return str("x", "utf-8")


t(f42)
def f43():
    return int("x", 99)


t(f43)
def f44():
    return int("ff", 16)


t(f44)
def f45():
    return int("0x1f", 0)


t(f45)
def f46():
    return int(5, 10)


t(f46)
def f47():
    return int("1" * 5000)


t(f47)
def f48():
    return int(2.5e300)


t(f48)
def f49():
    return float("1e500")


t(f49)
def f50():
    return bytes(-1)


t(f50)
def f51():
    return len(bytes(10**12))


t(f51)
def f52():
    return bytes(10**30)


t(f52)
def f53():
    return bytes("x")


t(f53)
def f54():
    return bytes(1.5)


t(f54)
def f55():
    return bytes([1, 256])


t(f55)
def f56():
    return bytes(["a"])


t(f56)
def f57():
    return bytes(range(3))


t(f57)
def f58():
    return len(("x" * 10**6).join(["a"] * 10**6))


t(f58)
"#;

/// CPython 3.12.1's output for [`SCRIPT`].
const EXPECTED: &str = r#"MemoryError: 
MemoryError: 
OverflowError: repeated string is too long
OverflowError: repeated bytes are too long
MemoryError: 
MemoryError: 
'ababab'
b'ababab'
'ééé'
'€x€x'
''
b''
range(0, 9223372036854775808, 2)
range(2, 5)
range(9, -1, -1)
range(9, -3, -6)
range(5, 5)
range(0, 100000000000000000000, 10000000000000000000)
ValueError: slice step cannot be zero
TypeError: slice indices must be integers or None or have an __index__ method
True
False
OverflowError: Python int too large to convert to C ssize_t
10000000000000000000
99999999999999999999
IndexError: range object index out of range
IndexError: range object index out of range
1237940039285380274899124224
1
0
MemoryError: 
OverflowError: Python int too large to convert to C ssize_t
[3, 6, 9]
TypeError: float() argument must be a string or a real number, not 'list'
2.5
TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'
TypeError: complex() first argument must be a string or a number, not 'list'
TypeError: complex() second argument must be a number, not 'list'
3j
OverflowError: int too large to convert to float
LookupError: unknown encoding: bogus
'café'
TypeError: decoding str is not supported
ValueError: int() base must be >= 2 and <= 36, or 0
255
31
TypeError: int() can't convert non-string with explicit base
ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit
2500000000000000131261900638011050621761171452770397887289635288779506144972270489465928437701119660109261109582209695442356308088401076439111980461966767457120968002316439509344575584486970225148422383087426999862702797597419102200186631856950356236448146972050142107095289173680490967163648501350400
inf
ValueError: negative count
MemoryError: 
OverflowError: cannot fit 'int' into an index-sized integer
TypeError: string argument without an encoding
TypeError: cannot convert 'float' object to bytes
ValueError: bytes must be in range(0, 256)
TypeError: 'str' object cannot be interpreted as an integer
b'\x00\x01\x02'
MemoryError: 
"#;

#[test]
fn sizes_and_conversions_match_cpython_3_12_1() {
    let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture("text_numbers.py", SCRIPT));
    assert_eq!(err, None);
    assert_eq!(out, EXPECTED);
}

#[test]
fn the_expectation_is_what_cpython_prints() {
    let Some(check) = cross_check(1) else {
        return;
    };
    assert_eq!(check.python().run(SCRIPT).join("\n") + "\n", EXPECTED);
    check.compared(1);
}
