//! The `str` methods added to the method table (partition, splitlines, expandtabs, zfill, the
//! justifications, removeprefix/removesuffix, the case mappings and tests, maketrans and
//! translate) against CPython 3.12.1, with their argument errors.
//!
//! The expectation is what `PYENV_VERSION=3.12.1 python3.12 script.py` printed; when a CPython
//! 3.12 is installed the script is run by it too and must print the same.

use pyrt_interp::RunScripts as _;
use pyrt_tests::cpython::cross_check;

/// The cases, one function each.
const SCRIPT: &str = r#"def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

def f0():
    return 'a,b,c'.partition(',')


t(f0)
def f1():
    return 'a,b,c'.rpartition(',')


t(f1)
def f2():
    return 'abc'.partition('x')


t(f2)
def f3():
    return 'abc'.rpartition('x')


t(f3)
def f4():
    return 'abc'.partition('abc')


t(f4)
def f5():
    return 'aXXbXXc'.partition('XX')


t(f5)
def f6():
    return 'aXXbXXc'.rpartition('XX')


t(f6)
def f7():
    return 'abc'.partition('')


t(f7)
def f8():
    return 'abc'.partition(1)


t(f8)
def f9():
    return 'abc'.partition()


t(f9)
def f10():
    return 'été'.partition('t')


t(f10)
def f11():
    return 'a\nb\r\nc\rd'.splitlines()


t(f11)
def f12():
    return 'a\nb\r\nc\rd\n'.splitlines(True)


t(f12)
def f13():
    return 'a\nb\r\nc\rd\n'.splitlines(keepends=True)


t(f13)
def f14():
    return 'a\x1cb\x1dc\x1ed\x85e\u2028f\u2029g\x0bh\x0ci'.splitlines()


t(f14)
def f15():
    return 'a\x0bb\x0c'.splitlines(True)


t(f15)
def f16():
    return ''.splitlines()


t(f16)
def f17():
    return '\n'.splitlines()


t(f17)
def f18():
    return '\n\n'.splitlines(True)


t(f18)
def f19():
    return 'abc'.splitlines()


t(f19)
def f20():
    return 'a\n\rb'.splitlines()


t(f20)
def f21():
    return 'a\nb'.splitlines(0)


t(f21)
def f22():
    return 'a\nb'.splitlines('x')


t(f22)
def f23():
    return 'a\nb'.splitlines(1, 2)


t(f23)
def f24():
    return 'a\nb'.splitlines(x=1)


t(f24)
def f25():
    return 'a\tb'.expandtabs()


t(f25)
def f26():
    return 'a\tb\tc'.expandtabs(4)


t(f26)
def f27():
    return 'ab\tc\nabcd\te'.expandtabs(4)


t(f27)
def f28():
    return 'a\tb'.expandtabs(0)


t(f28)
def f29():
    return 'a\tb'.expandtabs(-1)


t(f29)
def f30():
    return 'a\r\tb'.expandtabs(3)


t(f30)
def f31():
    return 'abc'.expandtabs()


t(f31)
def f32():
    return 'a\tb'.expandtabs(tabsize=2)


t(f32)
def f33():
    return 'a\tb'.expandtabs('x')


t(f33)
def f34():
    return '42'.zfill(5)


t(f34)
def f35():
    return '-42'.zfill(5)


t(f35)
def f36():
    return '+42'.zfill(5)


t(f36)
def f37():
    return '42'.zfill(1)


t(f37)
def f38():
    return ''.zfill(3)


t(f38)
def f39():
    return '-'.zfill(3)


t(f39)
def f40():
    return 'abc'.zfill(-1)


t(f40)
def f41():
    return '42'.zfill('5')


t(f41)
def f42():
    return '42'.zfill()


t(f42)
def f43():
    return 'ab'.center(6)


t(f43)
def f44():
    return 'ab'.center(5)


t(f44)
def f45():
    return 'abc'.center(6)


t(f45)
def f46():
    return 'abc'.center(6, '*')


t(f46)
def f47():
    return 'a'.center(4, 'é')


t(f47)
def f48():
    return 'ab'.center(1)


t(f48)
def f49():
    return 'ab'.ljust(5, '-')


t(f49)
def f50():
    return 'ab'.rjust(5, '-')


t(f50)
def f51():
    return 'ab'.ljust(5)


t(f51)
def f52():
    return 'ab'.rjust(-3)


t(f52)
def f53():
    return 'ab'.center(5, 'xy')


t(f53)
def f54():
    return 'ab'.center(5, 1)


t(f54)
def f55():
    return 'ab'.center('5')


t(f55)
def f56():
    return 'ab'.center()


t(f56)
def f57():
    return 'ab'.ljust(5, '')


t(f57)
def f58():
    return 'TestCase'.removeprefix('Test')


t(f58)
def f59():
    return 'TestCase'.removeprefix('Case')


t(f59)
def f60():
    return 'TestCase'.removesuffix('Case')


t(f60)
def f61():
    return 'TestCase'.removesuffix('')


t(f61)
def f62():
    return 'abc'.removeprefix('abc')


t(f62)
def f63():
    return 'ab'.removeprefix('abc')


t(f63)
def f64():
    return 'abc'.removeprefix(1)


t(f64)
def f65():
    return 'abc'.removesuffix(None)


t(f65)
def f66():
    return 'hello world'.capitalize()


t(f66)
def f67():
    return 'HELLO'.capitalize()


t(f67)
def f68():
    return 'ßa'.capitalize()


t(f68)
def f69():
    return 'ǆemal'.capitalize()


t(f69)
def f70():
    return ''.capitalize()


t(f70)
def f71():
    return '123abc'.capitalize()


t(f71)
def f72():
    return 'hello world'.title()


t(f72)
def f73():
    return "they're bill's friends".title()


t(f73)
def f74():
    return 'ǆǆ ǆ'.title()


t(f74)
def f75():
    return 'ßtraße'.title()


t(f75)
def f76():
    return 'ﬁne ﬂy'.title()


t(f76)
def f77():
    return 'a1b2 c3'.title()


t(f77)
def f78():
    return 'ΣΑΣ ΣΑΣ'.title()


t(f78)
def f79():
    return 'Hello World'.swapcase()


t(f79)
def f80():
    return 'ß'.swapcase()


t(f80)
def f81():
    return 'ΣΑΣ'.swapcase()


t(f81)
def f82():
    return 'İi'.swapcase()


t(f82)
def f83():
    return 'Straße'.casefold()


t(f83)
def f84():
    return 'ΣΑΣ'.casefold()


t(f84)
def f85():
    return 'ﬁ'.casefold()


t(f85)
def f86():
    return 'ABC'.casefold()


t(f86)
def f87():
    return 'abc'.islower()


t(f87)
def f88():
    return 'aBc'.islower()


t(f88)
def f89():
    return '123'.islower()


t(f89)
def f90():
    return 'a1'.islower()


t(f90)
def f91():
    return 'ǅ'.islower()


t(f91)
def f92():
    return 'ABC'.isupper()


t(f92)
def f93():
    return 'AbC'.isupper()


t(f93)
def f94():
    return 'A1'.isupper()


t(f94)
def f95():
    return ''.isupper()


t(f95)
def f96():
    return 'Hello World'.istitle()


t(f96)
def f97():
    return 'Hello world'.istitle()


t(f97)
def f98():
    return 'HEllo'.istitle()


t(f98)
def f99():
    return 'ǅemal'.istitle()


t(f99)
def f100():
    return '1A'.istitle()


t(f100)
def f101():
    return ''.istitle()


t(f101)
def f102():
    return 'A B'.istitle()


t(f102)
def f103():
    return 'abc123'.isalnum()


t(f103)
def f104():
    return 'abc 123'.isalnum()


t(f104)
def f105():
    return '²'.isalnum()


t(f105)
def f106():
    return '一二'.isalnum()


t(f106)
def f107():
    return 'Ⅻ'.isalnum()


t(f107)
def f108():
    return ''.isalnum()


t(f108)
def f109():
    return '123'.isdecimal()


t(f109)
def f110():
    return '²'.isdecimal()


t(f110)
def f111():
    return '١٢٣'.isdecimal()


t(f111)
def f112():
    return ''.isdecimal()


t(f112)
def f113():
    return 'abc'.isascii()


t(f113)
def f114():
    return 'é'.isascii()


t(f114)
def f115():
    return ''.isascii()


t(f115)
def f116():
    return 'abc'.isprintable()


t(f116)
def f117():
    return 'a\n'.isprintable()


t(f117)
def f118():
    return ''.isprintable()


t(f118)
def f119():
    return '\xa0'.isprintable()


t(f119)
def f120():
    return 'é€'.isprintable()


t(f120)
def f121():
    return 'abc'.isascii(1)


t(f121)
def f122():
    return 'abc'.istitle(1)


t(f122)
def f123():
    return ''.maketrans('ab', 'cd')


t(f123)
def f124():
    return ''.maketrans('ab', 'cd', 'e')


t(f124)
def f125():
    return ''.maketrans({'a': 'b', 98: None})


t(f125)
def f126():
    return ''.maketrans('ab', 'c')


t(f126)
def f127():
    return ''.maketrans(1)


t(f127)
def f128():
    return ''.maketrans({'ab': 1})


t(f128)
def f129():
    return ''.maketrans({1.5: 1})


t(f129)
def f130():
    return ''.maketrans('a', 'b', 1)


t(f130)
def f131():
    return ''.maketrans('a', 1)


t(f131)
def f132():
    return 'abcde'.translate({97: 'A', 98: None, 99: 100})


t(f132)
def f133():
    return 'abc'.translate({})


t(f133)
def f134():
    return 'abc'.translate(''.maketrans('abc', 'xyz'))


t(f134)
def f135():
    return 'abc'.translate({97: 'xyz'})


t(f135)
def f136():
    return 'abc'.translate({97: 1.5})


t(f136)
def f137():
    return 'abc'.translate({97: 0x110000})


t(f137)
def f138():
    return 'abc'.translate({97: -1})


t(f138)
def f139():
    return 'abc'.translate(1)


t(f139)
def f140():
    return 'abc'.translate([None, 'x'])


t(f140)
def f141():
    return 'a-b_c'.translate(''.maketrans('-_', '  ', 'c'))


t(f141)
"#;

/// CPython 3.12.1's output for [`SCRIPT`]: one line per case.
const EXPECTED: &str = r#"('a', ',', 'b,c')
('a,b', ',', 'c')
('abc', '', '')
('', '', 'abc')
('', 'abc', '')
('a', 'XX', 'bXXc')
('aXXb', 'XX', 'c')
ValueError: empty separator
TypeError: must be str, not int
TypeError: str.partition() takes exactly one argument (0 given)
('é', 't', 'é')
['a', 'b', 'c', 'd']
['a\n', 'b\r\n', 'c\r', 'd\n']
['a\n', 'b\r\n', 'c\r', 'd\n']
['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']
['a\x0b', 'b\x0c']
[]
['']
['\n', '\n']
['abc']
['a', '', 'b']
['a', 'b']
['a\n', 'b']
TypeError: splitlines() takes at most 1 argument (2 given)
TypeError: 'x' is an invalid keyword argument for splitlines()
'a       b'
'a   b   c'
'ab  c\nabcd    e'
'ab'
'ab'
'a\r   b'
'abc'
'a b'
TypeError: 'str' object cannot be interpreted as an integer
'00042'
'-0042'
'+0042'
'42'
'000'
'-00'
'abc'
TypeError: 'str' object cannot be interpreted as an integer
TypeError: str.zfill() takes exactly one argument (0 given)
'  ab  '
'  ab '
' abc  '
'*abc**'
'éaéé'
'ab'
'ab---'
'---ab'
'ab   '
'ab'
TypeError: The fill character must be exactly one character long
TypeError: The fill character must be a unicode character, not int
TypeError: 'str' object cannot be interpreted as an integer
TypeError: center expected at least 1 argument, got 0
TypeError: The fill character must be exactly one character long
'Case'
'TestCase'
'Test'
'TestCase'
''
'ab'
TypeError: removeprefix() argument must be str, not int
TypeError: removesuffix() argument must be str, not None
'Hello world'
'Hello'
'Ssa'
'ǅemal'
''
'123abc'
'Hello World'
"They'Re Bill'S Friends"
'ǅǆ ǅ'
'Sstraße'
'Fine Fly'
'A1B2 C3'
'Σας Σας'
'hELLO wORLD'
'SS'
'σας'
'i̇I'
'strasse'
'σασ'
'fi'
'abc'
True
False
False
True
False
True
False
True
False
True
False
False
True
True
False
True
True
False
True
True
True
False
True
False
True
False
True
False
True
True
False
True
False
True
TypeError: str.isascii() takes no arguments (1 given)
TypeError: str.istitle() takes no arguments (1 given)
{97: 99, 98: 100}
{97: 99, 98: 100, 101: None}
{97: 'b', 98: None}
ValueError: the first two maketrans arguments must have equal length
TypeError: if you give only one argument to maketrans it must be a dict
ValueError: string keys in translate table must be of length 1
TypeError: keys in translate table must be strings or integers
TypeError: maketrans() argument 3 must be str, not int
TypeError: maketrans() argument 2 must be str, not int
'Adde'
'abc'
'xyz'
'xyzbc'
TypeError: character mapping must return integer, None or str
ValueError: character mapping must be in range(0x110000)
ValueError: character mapping must be in range(0x110000)
TypeError: 'int' object is not subscriptable
'abc'
'a b '
"#;

/// The number of cases in [`SCRIPT`].
const CASES: usize = 142;

#[test]
fn pyrt_prints_what_cpython_3_12_1_prints() {
    let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture("str_methods.py", SCRIPT));
    assert_eq!(err, None);
    for (i, (got, want)) in out.lines().zip(EXPECTED.lines()).enumerate() {
        assert_eq!(got, want, "case f{i}");
    }
    assert_eq!(out.lines().count(), CASES);
    assert_eq!(out, EXPECTED);
}

#[test]
fn the_expectation_is_what_cpython_prints() {
    let Some(check) = cross_check(CASES) else {
        return;
    };
    let lines = check.python().run(SCRIPT);
    assert_eq!(lines.len(), CASES);
    assert_eq!(lines.join("\n") + "\n", EXPECTED);
    check.compared(CASES);
}
