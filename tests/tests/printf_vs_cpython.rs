//! printf-style formatting (`str % args`, `bytes % args`) against CPython 3.12.1: every conversion,
//! flag, width and precision (with `*`), mapping keys, a single non-tuple argument, and every
//! error message of `PyUnicode_Format` and `_PyBytes_FormatEx`.
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
    return '%d' % 42


t(f0)
def f1():
    return '%i' % -7


t(f1)
def f2():
    return '%u' % 3


t(f2)
def f3():
    return '%5d|' % 42


t(f3)
def f4():
    return '%-5d|' % 42


t(f4)
def f5():
    return '%05d' % -42


t(f5)
def f6():
    return '%+d' % 5


t(f6)
def f7():
    return '%+d' % -5


t(f7)
def f8():
    return '% d' % 5


t(f8)
def f9():
    return '% d' % -5


t(f9)
def f10():
    return '%+ d' % 5


t(f10)
def f11():
    return '%.3d' % 7


t(f11)
def f12():
    return '%5.3d|' % -7


t(f12)
def f13():
    return '%-+5d|' % 7


t(f13)
def f14():
    return '%0-5d|' % 3


t(f14)
def f15():
    return '%d' % True


t(f15)
def f16():
    return '%d' % 3.99


t(f16)
def f17():
    return '%i' % -2.5


t(f17)
def f18():
    return '%d' % -0.5


t(f18)
def f19():
    return '%d' % 1e300


t(f19)
def f20():
    return '%d' % float('inf')


t(f20)
def f21():
    return '%d' % float('nan')


t(f21)
def f22():
    return '%d' % 3j


t(f22)
def f23():
    return '%d' % '5'


t(f23)
def f24():
    return '%d' % None


t(f24)
def f25():
    return '%d' % []


t(f25)
def f26():
    return '%d' % 10**30


t(f26)
def f27():
    return '%d' % 10**5000


t(f27)
def f28():
    return '%o' % 8


t(f28)
def f29():
    return '%#o' % 8


t(f29)
def f30():
    return '%#o' % -8


t(f30)
def f31():
    return '%#o' % 0


t(f31)
def f32():
    return '%#08o|' % -8


t(f32)
def f33():
    return '%#-8o|' % 8


t(f33)
def f34():
    return '%x' % 255


t(f34)
def f35():
    return '%X' % 255


t(f35)
def f36():
    return '%#x' % 255


t(f36)
def f37():
    return '%#X' % 255


t(f37)
def f38():
    return '%#x' % 0


t(f38)
def f39():
    return '%x' % -255


t(f39)
def f40():
    return '%#.5x' % -255


t(f40)
def f41():
    return '%#08X' % 255


t(f41)
def f42():
    return '%-#8x|' % 255


t(f42)
def f43():
    return '%#5X' % 10


t(f43)
def f44():
    return '%+x' % 255


t(f44)
def f45():
    return '%x' % 2**100


t(f45)
def f46():
    return '%X' % 2**64


t(f46)
def f47():
    return '%o' % 2**64


t(f47)
def f48():
    return '%x' % 3.0


t(f48)
def f49():
    return '%o' % 'a'


t(f49)
def f50():
    return '%x' % True


t(f50)
def f51():
    return '%e' % 12345.678


t(f51)
def f52():
    return '%E' % 12345.678


t(f52)
def f53():
    return '%+.3e' % 12345.678


t(f53)
def f54():
    return '%#.0e' % 1.0


t(f54)
def f55():
    return '%.0e' % 1.0


t(f55)
def f56():
    return '%e' % 0.0


t(f56)
def f57():
    return '%e' % -0.0


t(f57)
def f58():
    return '%010.3e' % -0.0


t(f58)
def f59():
    return '%.50e' % 1e-300


t(f59)
def f60():
    return '%e' % 10**20


t(f60)
def f61():
    return '%f' % 3.14159


t(f61)
def f62():
    return '%.2f' % 2.675


t(f62)
def f63():
    return '%.0f' % 0.5


t(f63)
def f64():
    return '%.0f' % 1.5


t(f64)
def f65():
    return '%#.0f' % 2.0


t(f65)
def f66():
    return '%.20f' % 0.1


t(f66)
def f67():
    return '%.3f' % 2.0005


t(f67)
def f68():
    return '%08.2f' % -1.5


t(f68)
def f69():
    return '% 08.2f' % -1.5


t(f69)
def f70():
    return '%-08.2f|' % -1.5


t(f70)
def f71():
    return '%+08.2f' % 1.5


t(f71)
def f72():
    return '%f' % 1e300


t(f72)
def f73():
    return '%f' % True


t(f73)
def f74():
    return '%.2f' % 1


t(f74)
def f75():
    return '%f' % 10**400


t(f75)
def f76():
    return '%f' % 'x'


t(f76)
def f77():
    return '%f' % 3j


t(f77)
def f78():
    return '%F' % float('inf')


t(f78)
def f79():
    return '%f' % float('inf')


t(f79)
def f80():
    return '%f' % float('-inf')


t(f80)
def f81():
    return '%05f' % float('inf')


t(f81)
def f82():
    return '%+05f' % float('-inf')


t(f82)
def f83():
    return '%f' % float('nan')


t(f83)
def f84():
    return '% f' % float('nan')


t(f84)
def f85():
    return '%F' % float('nan')


t(f85)
def f86():
    return '%g' % 1.0


t(f86)
def f87():
    return '%#g' % 1.0


t(f87)
def f88():
    return '%g' % 1e16


t(f88)
def f89():
    return '%g' % 1e-5


t(f89)
def f90():
    return '%.3g' % 1e-5


t(f90)
def f91():
    return '%g' % 123456789


t(f91)
def f92():
    return '%.0g' % 0.5


t(f92)
def f93():
    return '%#.0g' % 0.5


t(f93)
def f94():
    return '%G' % 1e-10


t(f94)
def f95():
    return '%G' % float('nan')


t(f95)
def f96():
    return '%+#10.3g|' % 1234567.0


t(f96)
def f97():
    return '%g' % 0.0001


t(f97)
def f98():
    return '%g' % 100000.0


t(f98)
def f99():
    return '%g' % 1000000.0


t(f99)
def f100():
    return '%.12g' % (1/3)


t(f100)
def f101():
    return '%s' % 'abc'


t(f101)
def f102():
    return '%s' % 42


t(f102)
def f103():
    return '%s' % 1.5


t(f103)
def f104():
    return '%s' % None


t(f104)
def f105():
    return '%s' % [1, 'a']


t(f105)
def f106():
    return '%s' % (1,)


t(f106)
def f107():
    return '%s' % ((1, 2),)


t(f107)
def f108():
    return '%s' % {'a': 1}


t(f108)
def f109():
    return '%s' % b'x'


t(f109)
def f110():
    return '%s' % True


t(f110)
def f111():
    return '%s' % 10**5000


t(f111)
def f112():
    return '%r' % 'abc'


t(f112)
def f113():
    return '%r' % b'x'


t(f113)
def f114():
    return '%r' % 'é'


t(f114)
def f115():
    return '%a' % 'é€😀'


t(f115)
def f116():
    return '%a' % 'abc'


t(f116)
def f117():
    return '%.3s' % 'abcdef'


t(f117)
def f118():
    return '%.0r' % 'abc'


t(f118)
def f119():
    return '%5s|' % 'ab'


t(f119)
def f120():
    return '%-5s|' % 'ab'


t(f120)
def f121():
    return '%05s' % 'ab'


t(f121)
def f122():
    return '%+s' % 'ab'


t(f122)
def f123():
    return '% 5s|' % 'ab'


t(f123)
def f124():
    return '%.*s' % (2, 'abcdef')


t(f124)
def f125():
    return '%*s|' % (5, 'ab')


t(f125)
def f126():
    return '%*s|' % (-5, 'ab')


t(f126)
def f127():
    return '%-*d|' % (4, 7)


t(f127)
def f128():
    return '%*.*f' % (-10, 3, 3.14159)


t(f128)
def f129():
    return '%.*d' % (-3, 5)


t(f129)
def f130():
    return '%.*f' % (2**40, 1.0)


t(f130)
def f131():
    return '%*d' % (2**70, 1)


t(f131)
def f132():
    return '%*d' % ('a', 1)


t(f132)
def f133():
    return '%.*s' % (2.0, 'abcdef')


t(f133)
def f134():
    return '%*.*s' % (1,)


t(f134)
def f135():
    return '%*s' % (5,)


t(f135)
def f136():
    return '%c' % 65


t(f136)
def f137():
    return '%c' % 'x'


t(f137)
def f138():
    return '%c' % 0x1F600


t(f138)
def f139():
    return '%c%c' % (0x1F600, 'x')


t(f139)
def f140():
    return '%5c|' % 'x'


t(f140)
def f141():
    return '%-5c|' % 65


t(f141)
def f142():
    return '%.2c' % 65


t(f142)
def f143():
    return '%*c|' % (3, 'x')


t(f143)
def f144():
    return '%c' % True


t(f144)
def f145():
    return '%c' % 'ab'


t(f145)
def f146():
    return '%c' % ''


t(f146)
def f147():
    return '%c' % 1.5


t(f147)
def f148():
    return '%c' % -1


t(f148)
def f149():
    return '%c' % 0x110000


t(f149)
def f150():
    return '%c' % 2**70


t(f150)
def f151():
    return '%%' % ()


t(f151)
def f152():
    return '%d%%' % 50


t(f152)
def f153():
    return '%%%d' % 5


t(f153)
def f154():
    return '100%% %s' % 'sure'


t(f154)
def f155():
    return '%5%' % ()


t(f155)
def f156():
    return '%5%' % (1,)


t(f156)
def f157():
    return '%(a)s' % {'a': 1}


t(f157)
def f158():
    return '%(a)s %(b)r' % {'a': 'x', 'b': 'y'}


t(f158)
def f159():
    return '%(x)s %(x)r' % {'x': 'é'}


t(f159)
def f160():
    return '%(a)d %(b)05.1f' % {'a': 3, 'b': 2.25}


t(f160)
def f161():
    return '%(a(b))s' % {'a(b)': 1}


t(f161)
def f162():
    return '%(a)s' % {'a': None, 'b': 2}


t(f162)
def f163():
    return '%()s' % {'': 'empty'}


t(f163)
def f164():
    return '%(a)s' % {}


t(f164)
def f165():
    return '%(a)(b)s' % {}


t(f165)
def f166():
    return '%(a)s %s' % {'a': 1}


t(f166)
def f167():
    return '%(a)s' % [1]


t(f167)
def f168():
    return '%(a)s' % ()


t(f168)
def f169():
    return '%(a)s' % 5


t(f169)
def f170():
    return '%(a)s' % 'abc'


t(f170)
def f171():
    return '%(a' % {}


t(f171)
def f172():
    return '%(a)' % {'a': 1}


t(f172)
def f173():
    return '%(a)%' % {}


t(f173)
def f174():
    return '%s %s' % {'a': 1}


t(f174)
def f175():
    return '%s' % {}


t(f175)
def f176():
    return 'x' % {}


t(f176)
def f177():
    return 'x' % []


t(f177)
def f178():
    return 'x' % b'a'


t(f178)
def f179():
    return 'x' % 'y'


t(f179)
def f180():
    return 'x' % 5


t(f180)
def f181():
    return 'x' % ()


t(f181)
def f182():
    return '%s' % ()


t(f182)
def f183():
    return '%d' % ()


t(f183)
def f184():
    return '%s %s' % (1,)


t(f184)
def f185():
    return '%s' % (1, 2)


t(f185)
def f186():
    return '%d %s' % (1, 2, 3)


t(f186)
def f187():
    return '%s %s' % [1, 2]


t(f187)
def f188():
    return '%y' % 1


t(f188)
def f189():
    return '%z' % 1


t(f189)
def f190():
    return '%\u20ac' % 1


t(f190)
def f191():
    return '%\n' % 1


t(f191)
def f192():
    return '%b' % 1


t(f192)
def f193():
    return '%' % 1


t(f193)
def f194():
    return '%' % ()


t(f194)
def f195():
    return 'abc%' % ()


t(f195)
def f196():
    return '%5' % 1


t(f196)
def f197():
    return '%-' % 1


t(f197)
def f198():
    return '%.' % 1


t(f198)
def f199():
    return '%.5' % 1


t(f199)
def f200():
    return '%h' % 1


t(f200)
def f201():
    return '%hd' % 1


t(f201)
def f202():
    return '%ld' % 1


t(f202)
def f203():
    return '%Lf' % 1


t(f203)
def f204():
    return '%99999999999999999999d' % 1


t(f204)
def f205():
    return '%.99999999999d' % 1


t(f205)
def f206():
    return '%.2147483645d' % 1


t(f206)
def f207():
    return '%.1000000000000f' % 1


t(f207)
def f208():
    return '%*d' % (2**62, 1)


t(f208)
def f209():
    return '%s and %s' % ('é', '€')


t(f209)
def f210():
    return '€%s€' % 5


t(f210)
def f211():
    return '%-10s|%10s|' % ('left', 'right')


t(f211)
def f212():
    return '%3d|%-3d|%03d' % (1, 2, 3)


t(f212)
def f213():
    return '%s' % 'a' * 3


t(f213)
def f214():
    return '%' '(a)s' % {'a': 2}


t(f214)
def f215():
    return 5 % 'a'


t(f215)
def f216():
    return [1] % 'a'


t(f216)
def f217():
    return b'%d' % 42


t(f217)
def f218():
    return b'%5d|' % -42


t(f218)
def f219():
    return b'%x' % 255


t(f219)
def f220():
    return b'%#X' % 255


t(f220)
def f221():
    return b'%o' % 8


t(f221)
def f222():
    return b'%f' % 1.5


t(f222)
def f223():
    return b'%.3e' % 12345.678


t(f223)
def f224():
    return b'%g' % 1e16


t(f224)
def f225():
    return b'%s' % b'ab'


t(f225)
def f226():
    return b'%b' % b'ab'


t(f226)
def f227():
    return b'%.1s|' % b'abc'


t(f227)
def f228():
    return b'%5s|' % b'ab'


t(f228)
def f229():
    return b'%-5b|' % b'ab'


t(f229)
def f230():
    return b'%s' % 'a'


t(f230)
def f231():
    return b'%s' % 1


t(f231)
def f232():
    return b'%s' % [1]


t(f232)
def f233():
    return b'%r' % 1


t(f233)
def f234():
    return b'%r' % 'abc'


t(f234)
def f235():
    return b'%a' % 'é'


t(f235)
def f236():
    return b'%.1r|' % 'abc'


t(f236)
def f237():
    return b'%c' % 65


t(f237)
def f238():
    return b'%c' % b'a'


t(f238)
def f239():
    return b'%5c|' % 65


t(f239)
def f240():
    return b'%c' % 'a'


t(f240)
def f241():
    return b'%c' % 256


t(f241)
def f242():
    return b'%c' % -1


t(f242)
def f243():
    return b'%c' % 2**70


t(f243)
def f244():
    return b'%c' % b'ab'


t(f244)
def f245():
    return b'%c' % 1.5


t(f245)
def f246():
    return b'%d' % 10**5000


t(f246)
def f247():
    return b'%x' % 3.5


t(f247)
def f248():
    return b'%d' % '1'


t(f248)
def f249():
    return b'x' % 1


t(f249)
def f250():
    return b'x' % [1]


t(f250)
def f251():
    return b'x' % 'a'


t(f251)
def f252():
    return b'x' % b'a'


t(f252)
def f253():
    return b'x' % {}


t(f253)
def f254():
    return b'%(a)s' % {b'a': b'x'}


t(f254)
def f255():
    return b'%(a)s' % {'a': b'x'}


t(f255)
def f256():
    return b'%(a)d' % {b'a': 3}


t(f256)
def f257():
    return b'%s %s' % (b'a',)


t(f257)
def f258():
    return b'%s' % (b'a', b'b')


t(f258)
def f259():
    return b'%y' % 1


t(f259)
def f260():
    return b'%\x01' % 1


t(f260)
def f261():
    return b'%\xe9' % 1


t(f261)
def f262():
    return b'%' % 1


t(f262)
def f263():
    return b'%.99999999999d' % 1


t(f263)
def f264():
    return b'%%' % ()


t(f264)
def f265():
    return b'100%% %d' % 5


t(f265)
def f266():
    return b'%*d|' % (5, 1)


t(f266)
def f267():
    return b'%-*d|' % (5, 1)


t(f267)
def f268():
    return b'%.*f' % (1, 2.25)


t(f268)
def f269():
    return b'%i' % 2.5


t(f269)
def f270():
    return b'%+05d' % 3


t(f270)
def f271():
    return b'% d' % 3


t(f271)
"#;

/// CPython 3.12.1's output for [`SCRIPT`]: one line per case.
const EXPECTED: &str = r#"'42'
'-7'
'3'
'   42|'
'42   |'
'-0042'
'+5'
'-5'
' 5'
'-5'
'+5'
'007'
' -007|'
'+7   |'
'3    |'
'1'
'3'
'-2'
'0'
'1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160'
OverflowError: cannot convert float infinity to integer
ValueError: cannot convert float NaN to integer
TypeError: %d format: a real number is required, not complex
TypeError: %d format: a real number is required, not str
TypeError: %d format: a real number is required, not NoneType
TypeError: %d format: a real number is required, not list
'1000000000000000000000000000000'
ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
'10'
'0o10'
'-0o10'
'0o0'
'-0o00010|'
'0o10    |'
'ff'
'FF'
'0xff'
'0XFF'
'0x0'
'-ff'
'-0x000ff'
'0X0000FF'
'0xff    |'
'  0XA'
'+ff'
'10000000000000000000000000'
'10000000000000000'
'2000000000000000000000'
TypeError: %x format: an integer is required, not float
TypeError: %o format: an integer is required, not str
'1'
'1.234568e+04'
'1.234568E+04'
'+1.235e+04'
'1.e+00'
'1e+00'
'0.000000e+00'
'-0.000000e+00'
'-0.000e+00'
'1.00000000000000002505909183520875968569614680770371e-300'
'1.000000e+20'
'3.141590'
'2.67'
'0'
'2'
'2.'
'0.10000000000000000555'
'2.001'
'-0001.50'
'-0001.50'
'-1.50   |'
'+0001.50'
'1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000'
'1.000000'
'1.00'
OverflowError: int too large to convert to float
TypeError: must be real number, not str
TypeError: must be real number, not complex
'INF'
'inf'
'-inf'
'00inf'
'-0inf'
'nan'
' nan'
'NAN'
'1'
'1.00000'
'1e+16'
'1e-05'
'1e-05'
'1.23457e+08'
'0.5'
'0.5'
'1E-10'
'NAN'
' +1.23e+06|'
'0.0001'
'100000'
'1e+06'
'0.333333333333'
'abc'
'42'
'1.5'
'None'
"[1, 'a']"
'1'
'(1, 2)'
"{'a': 1}"
"b'x'"
'True'
ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
"'abc'"
"b'x'"
"'é'"
"'\\xe9\\u20ac\\U0001f600'"
"'abc'"
'abc'
''
'   ab|'
'ab   |'
'   ab'
'ab'
'   ab|'
'ab'
'   ab|'
'ab   |'
'7   |'
'3.142     '
'5'
OverflowError: Python int too large to convert to C int
OverflowError: Python int too large to convert to C ssize_t
TypeError: * wants int
TypeError: * wants int
TypeError: not enough arguments for format string
TypeError: not enough arguments for format string
'A'
'x'
'😀'
'😀x'
'    x|'
'A    |'
'A'
'  x|'
'\x01'
TypeError: %c requires int or char
TypeError: %c requires int or char
TypeError: %c requires int or char
OverflowError: %c arg not in range(0x110000)
OverflowError: %c arg not in range(0x110000)
OverflowError: %c arg not in range(0x110000)
'%'
'50%'
'%5'
'100% sure'
TypeError: not enough arguments for format string
ValueError: unsupported format character '%' (0x25) at index 2
'1'
"x 'y'"
"é 'é'"
'3 002.2'
'1'
'None'
'empty'
KeyError: 'a'
KeyError: 'a'
TypeError: not enough arguments for format string
TypeError: list indices must be integers or slices, not str
TypeError: format requires a mapping
TypeError: format requires a mapping
TypeError: format requires a mapping
ValueError: incomplete format key
ValueError: incomplete format
KeyError: 'a'
TypeError: not enough arguments for format string
'{}'
'x'
'x'
'x'
TypeError: not all arguments converted during string formatting
TypeError: not all arguments converted during string formatting
'x'
TypeError: not enough arguments for format string
TypeError: not enough arguments for format string
TypeError: not enough arguments for format string
TypeError: not all arguments converted during string formatting
TypeError: not all arguments converted during string formatting
TypeError: not enough arguments for format string
ValueError: unsupported format character 'y' (0x79) at index 1
ValueError: unsupported format character 'z' (0x7a) at index 1
ValueError: unsupported format character '?' (0x20ac) at index 1
ValueError: unsupported format character '?' (0xa) at index 1
ValueError: unsupported format character 'b' (0x62) at index 1
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
ValueError: incomplete format
'1'
'1'
'1.000000'
ValueError: width too big
ValueError: precision too big
OverflowError: precision too large
ValueError: precision too big
MemoryError: 
'é and €'
'€5€'
'left      |     right|'
'  1|2  |003'
'aaa'
'2'
TypeError: unsupported operand type(s) for %: 'int' and 'str'
TypeError: unsupported operand type(s) for %: 'list' and 'str'
b'42'
b'  -42|'
b'ff'
b'0XFF'
b'10'
b'1.500000'
b'1.235e+04'
b'1e+16'
b'ab'
b'ab'
b'a|'
b'   ab|'
b'ab   |'
TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'
TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'int'
TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'list'
b'1'
b"'abc'"
b"'\\xe9'"
b"'|"
b'A'
b'a'
b'    A|'
TypeError: %c requires an integer in range(256) or a single byte
OverflowError: %c arg not in range(256)
OverflowError: %c arg not in range(256)
OverflowError: %c arg not in range(256)
TypeError: %c requires an integer in range(256) or a single byte
TypeError: %c requires an integer in range(256) or a single byte
ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit
TypeError: %x format: an integer is required, not float
TypeError: %d format: a real number is required, not str
TypeError: not all arguments converted during bytes formatting
b'x'
TypeError: not all arguments converted during bytes formatting
TypeError: not all arguments converted during bytes formatting
b'x'
b'x'
KeyError: b'a'
b'3'
TypeError: not enough arguments for format string
TypeError: not all arguments converted during bytes formatting
ValueError: unsupported format character 'y' (0x79) at index 1
ValueError: unsupported format character '' (0x1) at index 1
OverflowError: character argument not in range(0x110000)
ValueError: incomplete format
ValueError: prec too big
b'%'
b'100% 5'
b'    1|'
b'1    |'
b'2.2'
b'2'
b'+0003'
b' 3'
"#;

/// The number of cases in [`SCRIPT`].
const CASES: usize = 272;

#[test]
fn pyrt_prints_what_cpython_3_12_1_prints() {
    let (out, err) = pyrt::Runtime::new().with(|py| py.run_capture("printf.py", SCRIPT));
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
