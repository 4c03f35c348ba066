//! Issue 12, item 2: the built-in functions check their arguments through
//! `pyrt_objects::methods::bind`, with CPython's messages. Each case is one `try`/`except` (pyrt
//! has no `eval`); the expectations were produced by `python3.12` (3.12.1, 64-bit) running the
//! same script.

mod transcript;

use transcript::check;

#[test]
fn builtin_functions_check_their_arguments_as_cpython() {
    check(
        r#"def neg(x):
    return -x
try:
    r = print(sepx=1)
    print('print(sepx=1)', repr(r))
except Exception as e:
    print('print(sepx=1)', '->', type(e).__name__, e)
try:
    r = print(1, sep=1)
    print('print(1, sep=1)', repr(r))
except Exception as e:
    print('print(1, sep=1)', '->', type(e).__name__, e)
try:
    r = print(1, end=2)
    print('print(1, end=2)', repr(r))
except Exception as e:
    print('print(1, end=2)', '->', type(e).__name__, e)
try:
    r = len()
    print('len()', repr(r))
except Exception as e:
    print('len()', '->', type(e).__name__, e)
try:
    r = len(1, 2)
    print('len(1, 2)', repr(r))
except Exception as e:
    print('len(1, 2)', '->', type(e).__name__, e)
try:
    r = len(x=1)
    print('len(x=1)', repr(r))
except Exception as e:
    print('len(x=1)', '->', type(e).__name__, e)
try:
    r = len(1)
    print('len(1)', repr(r))
except Exception as e:
    print('len(1)', '->', type(e).__name__, e)
try:
    r = repr()
    print('repr()', repr(r))
except Exception as e:
    print('repr()', '->', type(e).__name__, e)
try:
    r = repr(1, 2)
    print('repr(1, 2)', repr(r))
except Exception as e:
    print('repr(1, 2)', '->', type(e).__name__, e)
try:
    r = repr(x=1)
    print('repr(x=1)', repr(r))
except Exception as e:
    print('repr(x=1)', '->', type(e).__name__, e)
try:
    r = id()
    print('id()', repr(r))
except Exception as e:
    print('id()', '->', type(e).__name__, e)
try:
    r = id(1, 2)
    print('id(1, 2)', repr(r))
except Exception as e:
    print('id(1, 2)', '->', type(e).__name__, e)
try:
    r = id(x=1)
    print('id(x=1)', repr(r))
except Exception as e:
    print('id(x=1)', '->', type(e).__name__, e)
try:
    r = isinstance(1)
    print('isinstance(1)', repr(r))
except Exception as e:
    print('isinstance(1)', '->', type(e).__name__, e)
try:
    r = isinstance(1, int, 2)
    print('isinstance(1, int, 2)', repr(r))
except Exception as e:
    print('isinstance(1, int, 2)', '->', type(e).__name__, e)
try:
    r = isinstance(1, int, x=1)
    print('isinstance(1, int, x=1)', repr(r))
except Exception as e:
    print('isinstance(1, int, x=1)', '->', type(e).__name__, e)
try:
    r = isinstance()
    print('isinstance()', repr(r))
except Exception as e:
    print('isinstance()', '->', type(e).__name__, e)
try:
    r = hasattr(1)
    print('hasattr(1)', repr(r))
except Exception as e:
    print('hasattr(1)', '->', type(e).__name__, e)
try:
    r = hasattr(1, 2)
    print('hasattr(1, 2)', repr(r))
except Exception as e:
    print('hasattr(1, 2)', '->', type(e).__name__, e)
try:
    r = hasattr(1, 'a', 3)
    print("hasattr(1, 'a', 3)", repr(r))
except Exception as e:
    print("hasattr(1, 'a', 3)", '->', type(e).__name__, e)
try:
    r = hasattr(x=1)
    print('hasattr(x=1)', repr(r))
except Exception as e:
    print('hasattr(x=1)', '->', type(e).__name__, e)
try:
    r = getattr(1)
    print('getattr(1)', repr(r))
except Exception as e:
    print('getattr(1)', '->', type(e).__name__, e)
try:
    r = getattr(1, 'a', 2, 3)
    print("getattr(1, 'a', 2, 3)", repr(r))
except Exception as e:
    print("getattr(1, 'a', 2, 3)", '->', type(e).__name__, e)
try:
    r = getattr(1, 2)
    print('getattr(1, 2)', repr(r))
except Exception as e:
    print('getattr(1, 2)', '->', type(e).__name__, e)
try:
    r = getattr(1, x=1)
    print('getattr(1, x=1)', repr(r))
except Exception as e:
    print('getattr(1, x=1)', '->', type(e).__name__, e)
try:
    r = getattr()
    print('getattr()', repr(r))
except Exception as e:
    print('getattr()', '->', type(e).__name__, e)
try:
    r = setattr(1, 'a')
    print("setattr(1, 'a')", repr(r))
except Exception as e:
    print("setattr(1, 'a')", '->', type(e).__name__, e)
try:
    r = setattr(1, 'a', 2, 3)
    print("setattr(1, 'a', 2, 3)", repr(r))
except Exception as e:
    print("setattr(1, 'a', 2, 3)", '->', type(e).__name__, e)
try:
    r = setattr(1, 2, 3)
    print('setattr(1, 2, 3)', repr(r))
except Exception as e:
    print('setattr(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = setattr(x=1)
    print('setattr(x=1)', repr(r))
except Exception as e:
    print('setattr(x=1)', '->', type(e).__name__, e)
try:
    r = hash()
    print('hash()', repr(r))
except Exception as e:
    print('hash()', '->', type(e).__name__, e)
try:
    r = hash(1, 2)
    print('hash(1, 2)', repr(r))
except Exception as e:
    print('hash(1, 2)', '->', type(e).__name__, e)
try:
    r = hash(x=1)
    print('hash(x=1)', repr(r))
except Exception as e:
    print('hash(x=1)', '->', type(e).__name__, e)
try:
    r = hash([])
    print('hash([])', repr(r))
except Exception as e:
    print('hash([])', '->', type(e).__name__, e)
try:
    r = abs()
    print('abs()', repr(r))
except Exception as e:
    print('abs()', '->', type(e).__name__, e)
try:
    r = abs(1, 2)
    print('abs(1, 2)', repr(r))
except Exception as e:
    print('abs(1, 2)', '->', type(e).__name__, e)
try:
    r = abs(x=1)
    print('abs(x=1)', repr(r))
except Exception as e:
    print('abs(x=1)', '->', type(e).__name__, e)
try:
    r = abs('a')
    print("abs('a')", repr(r))
except Exception as e:
    print("abs('a')", '->', type(e).__name__, e)
try:
    r = min()
    print('min()', repr(r))
except Exception as e:
    print('min()', '->', type(e).__name__, e)
try:
    r = min(1)
    print('min(1)', repr(r))
except Exception as e:
    print('min(1)', '->', type(e).__name__, e)
try:
    r = min([])
    print('min([])', repr(r))
except Exception as e:
    print('min([])', '->', type(e).__name__, e)
try:
    r = min(1, 2, x=1)
    print('min(1, 2, x=1)', repr(r))
except Exception as e:
    print('min(1, 2, x=1)', '->', type(e).__name__, e)
try:
    r = min(1, 2, key=None)
    print('min(1, 2, key=None)', repr(r))
except Exception as e:
    print('min(1, 2, key=None)', '->', type(e).__name__, e)
try:
    r = min([], default=5)
    print('min([], default=5)', repr(r))
except Exception as e:
    print('min([], default=5)', '->', type(e).__name__, e)
try:
    r = max()
    print('max()', repr(r))
except Exception as e:
    print('max()', '->', type(e).__name__, e)
try:
    r = max(x=1)
    print('max(x=1)', repr(r))
except Exception as e:
    print('max(x=1)', '->', type(e).__name__, e)
try:
    r = max(1)
    print('max(1)', repr(r))
except Exception as e:
    print('max(1)', '->', type(e).__name__, e)
try:
    r = sum()
    print('sum()', repr(r))
except Exception as e:
    print('sum()', '->', type(e).__name__, e)
try:
    r = sum(1, 2, 3)
    print('sum(1, 2, 3)', repr(r))
except Exception as e:
    print('sum(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = sum([1], start=5)
    print('sum([1], start=5)', repr(r))
except Exception as e:
    print('sum([1], start=5)', '->', type(e).__name__, e)
try:
    r = sum([1], x=5)
    print('sum([1], x=5)', repr(r))
except Exception as e:
    print('sum([1], x=5)', '->', type(e).__name__, e)
try:
    r = sum(x=1)
    print('sum(x=1)', repr(r))
except Exception as e:
    print('sum(x=1)', '->', type(e).__name__, e)
try:
    r = sum(['a'])
    print("sum(['a'])", repr(r))
except Exception as e:
    print("sum(['a'])", '->', type(e).__name__, e)
try:
    r = sum(1)
    print('sum(1)', repr(r))
except Exception as e:
    print('sum(1)', '->', type(e).__name__, e)
try:
    r = sorted()
    print('sorted()', repr(r))
except Exception as e:
    print('sorted()', '->', type(e).__name__, e)
try:
    r = sorted([], [])
    print('sorted([], [])', repr(r))
except Exception as e:
    print('sorted([], [])', '->', type(e).__name__, e)
try:
    r = sorted([], x=1)
    print('sorted([], x=1)', repr(r))
except Exception as e:
    print('sorted([], x=1)', '->', type(e).__name__, e)
try:
    r = sorted(iterable=[])
    print('sorted(iterable=[])', repr(r))
except Exception as e:
    print('sorted(iterable=[])', '->', type(e).__name__, e)
try:
    r = enumerate()
    print('enumerate()', repr(list(r)))
except Exception as e:
    print('enumerate()', '->', type(e).__name__, e)
try:
    r = enumerate(1)
    print('enumerate(1)', repr(list(r)))
except Exception as e:
    print('enumerate(1)', '->', type(e).__name__, e)
try:
    r = enumerate([], 1, 2)
    print('enumerate([], 1, 2)', repr(list(r)))
except Exception as e:
    print('enumerate([], 1, 2)', '->', type(e).__name__, e)
try:
    r = enumerate([], start=1)
    print('enumerate([], start=1)', repr(list(r)))
except Exception as e:
    print('enumerate([], start=1)', '->', type(e).__name__, e)
try:
    r = enumerate([], x=1)
    print('enumerate([], x=1)', repr(list(r)))
except Exception as e:
    print('enumerate([], x=1)', '->', type(e).__name__, e)
try:
    r = zip(1)
    print('zip(1)', repr(list(r)))
except Exception as e:
    print('zip(1)', '->', type(e).__name__, e)
try:
    r = zip([], x=1)
    print('zip([], x=1)', repr(list(r)))
except Exception as e:
    print('zip([], x=1)', '->', type(e).__name__, e)
try:
    r = zip([], strict=True)
    print('zip([], strict=True)', repr(list(r)))
except Exception as e:
    print('zip([], strict=True)', '->', type(e).__name__, e)
try:
    r = divmod(1)
    print('divmod(1)', repr(r))
except Exception as e:
    print('divmod(1)', '->', type(e).__name__, e)
try:
    r = divmod(1, 2, 3)
    print('divmod(1, 2, 3)', repr(r))
except Exception as e:
    print('divmod(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = divmod(x=1)
    print('divmod(x=1)', repr(r))
except Exception as e:
    print('divmod(x=1)', '->', type(e).__name__, e)
try:
    r = divmod(1, 'a')
    print("divmod(1, 'a')", repr(r))
except Exception as e:
    print("divmod(1, 'a')", '->', type(e).__name__, e)
try:
    r = round()
    print('round()', repr(r))
except Exception as e:
    print('round()', '->', type(e).__name__, e)
try:
    r = round(1, 2, 3)
    print('round(1, 2, 3)', repr(r))
except Exception as e:
    print('round(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = round(x=1)
    print('round(x=1)', repr(r))
except Exception as e:
    print('round(x=1)', '->', type(e).__name__, e)
try:
    r = chr()
    print('chr()', repr(r))
except Exception as e:
    print('chr()', '->', type(e).__name__, e)
try:
    r = chr(1, 2)
    print('chr(1, 2)', repr(r))
except Exception as e:
    print('chr(1, 2)', '->', type(e).__name__, e)
try:
    r = chr(x=1)
    print('chr(x=1)', repr(r))
except Exception as e:
    print('chr(x=1)', '->', type(e).__name__, e)
try:
    r = chr('a')
    print("chr('a')", repr(r))
except Exception as e:
    print("chr('a')", '->', type(e).__name__, e)
try:
    r = chr(-1)
    print('chr(-1)', repr(r))
except Exception as e:
    print('chr(-1)', '->', type(e).__name__, e)
try:
    r = chr(2**70)
    print('chr(2**70)', repr(r))
except Exception as e:
    print('chr(2**70)', '->', type(e).__name__, e)
try:
    r = chr(1.5)
    print('chr(1.5)', repr(r))
except Exception as e:
    print('chr(1.5)', '->', type(e).__name__, e)
try:
    r = ord()
    print('ord()', repr(r))
except Exception as e:
    print('ord()', '->', type(e).__name__, e)
try:
    r = ord(1, 2)
    print('ord(1, 2)', repr(r))
except Exception as e:
    print('ord(1, 2)', '->', type(e).__name__, e)
try:
    r = ord(x=1)
    print('ord(x=1)', repr(r))
except Exception as e:
    print('ord(x=1)', '->', type(e).__name__, e)
try:
    r = ord(1)
    print('ord(1)', repr(r))
except Exception as e:
    print('ord(1)', '->', type(e).__name__, e)
try:
    r = ord('ab')
    print("ord('ab')", repr(r))
except Exception as e:
    print("ord('ab')", '->', type(e).__name__, e)
try:
    r = ord('')
    print("ord('')", repr(r))
except Exception as e:
    print("ord('')", '->', type(e).__name__, e)
try:
    r = print(sep='',end='',file=None,flush=False,x=1)
    print("print(sep='',end='',file=None,flush=False,x=1)", repr(r))
except Exception as e:
    print("print(sep='',end='',file=None,flush=False,x=1)", '->', type(e).__name__, e)
try:
    r = min(1, 2, default=5)
    print('min(1, 2, default=5)', repr(r))
except Exception as e:
    print('min(1, 2, default=5)', '->', type(e).__name__, e)
try:
    r = min([1], key=None, default=1, x=2)
    print('min([1], key=None, default=1, x=2)', repr(r))
except Exception as e:
    print('min([1], key=None, default=1, x=2)', '->', type(e).__name__, e)
try:
    r = min([3,1], key=len)
    print('min([3,1], key=len)', repr(r))
except Exception as e:
    print('min([3,1], key=len)', '->', type(e).__name__, e)
try:
    r = min(x=1)
    print('min(x=1)', repr(r))
except Exception as e:
    print('min(x=1)', '->', type(e).__name__, e)
try:
    r = min([], key=None)
    print('min([], key=None)', repr(r))
except Exception as e:
    print('min([], key=None)', '->', type(e).__name__, e)
try:
    r = zip([1], [1,2], strict=True)
    print('zip([1], [1,2], strict=True)', repr(list(r)))
except Exception as e:
    print('zip([1], [1,2], strict=True)', '->', type(e).__name__, e)
try:
    r = zip([1,2], [1], strict=True)
    print('zip([1,2], [1], strict=True)', repr(list(r)))
except Exception as e:
    print('zip([1,2], [1], strict=True)', '->', type(e).__name__, e)
try:
    r = zip([1], strict=1, x=2)
    print('zip([1], strict=1, x=2)', repr(list(r)))
except Exception as e:
    print('zip([1], strict=1, x=2)', '->', type(e).__name__, e)
try:
    r = enumerate(start=1)
    print('enumerate(start=1)', repr(list(r)))
except Exception as e:
    print('enumerate(start=1)', '->', type(e).__name__, e)
try:
    r = enumerate([], iterable=[])
    print('enumerate([], iterable=[])', repr(list(r)))
except Exception as e:
    print('enumerate([], iterable=[])', '->', type(e).__name__, e)
try:
    r = enumerate(iterable=[], start=1)
    print('enumerate(iterable=[], start=1)', repr(list(r)))
except Exception as e:
    print('enumerate(iterable=[], start=1)', '->', type(e).__name__, e)
try:
    r = enumerate([], 1, start=2)
    print('enumerate([], 1, start=2)', repr(list(r)))
except Exception as e:
    print('enumerate([], 1, start=2)', '->', type(e).__name__, e)
try:
    r = enumerate(x=1)
    print('enumerate(x=1)', repr(list(r)))
except Exception as e:
    print('enumerate(x=1)', '->', type(e).__name__, e)
try:
    r = enumerate([1], start='a')
    print("enumerate([1], start='a')", repr(list(r)))
except Exception as e:
    print("enumerate([1], start='a')", '->', type(e).__name__, e)
try:
    r = sum(iterable=[1])
    print('sum(iterable=[1])', repr(r))
except Exception as e:
    print('sum(iterable=[1])', '->', type(e).__name__, e)
try:
    r = sum([1], 2, start=3)
    print('sum([1], 2, start=3)', repr(r))
except Exception as e:
    print('sum([1], 2, start=3)', '->', type(e).__name__, e)
try:
    r = chr(-2**70)
    print('chr(-2**70)', repr(r))
except Exception as e:
    print('chr(-2**70)', '->', type(e).__name__, e)
try:
    r = ord(b'ab')
    print("ord(b'ab')", repr(r))
except Exception as e:
    print("ord(b'ab')", '->', type(e).__name__, e)
try:
    r = ord(b'a')
    print("ord(b'a')", repr(r))
except Exception as e:
    print("ord(b'a')", '->', type(e).__name__, e)
try:
    r = getattr(1, 'zz')
    print("getattr(1, 'zz')", repr(r))
except Exception as e:
    print("getattr(1, 'zz')", '->', type(e).__name__, e)
try:
    r = iter()
    print('iter()', repr(r))
except Exception as e:
    print('iter()', '->', type(e).__name__, e)
try:
    r = iter(1, 2, 3)
    print('iter(1, 2, 3)', repr(r))
except Exception as e:
    print('iter(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = iter(x=1)
    print('iter(x=1)', repr(r))
except Exception as e:
    print('iter(x=1)', '->', type(e).__name__, e)
try:
    r = next()
    print('next()', repr(r))
except Exception as e:
    print('next()', '->', type(e).__name__, e)
try:
    r = next(1, 2, 3)
    print('next(1, 2, 3)', repr(r))
except Exception as e:
    print('next(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = next(x=1)
    print('next(x=1)', repr(r))
except Exception as e:
    print('next(x=1)', '->', type(e).__name__, e)
try:
    r = sorted([3,1,2], reverse=True)
    print('sorted([3,1,2], reverse=True)', repr(r))
except Exception as e:
    print('sorted([3,1,2], reverse=True)', '->', type(e).__name__, e)
try:
    r = min([3,1,2], key=neg)
    print('min([3,1,2], key=neg)', repr(r))
except Exception as e:
    print('min([3,1,2], key=neg)', '->', type(e).__name__, e)
try:
    r = max(1, 5, 3)
    print('max(1, 5, 3)', repr(r))
except Exception as e:
    print('max(1, 5, 3)', '->', type(e).__name__, e)
try:
    r = print(1, 2, sep='-', end='!\n')
    print("print(1, 2, sep='-', end='!\\n')", repr(r))
except Exception as e:
    print("print(1, 2, sep='-', end='!\\n')", '->', type(e).__name__, e)
try:
    r = print(1, 2, sep=None, end=None)
    print('print(1, 2, sep=None, end=None)', repr(r))
except Exception as e:
    print('print(1, 2, sep=None, end=None)', '->', type(e).__name__, e)
try:
    r = sum([1, 2], start=10)
    print('sum([1, 2], start=10)', repr(r))
except Exception as e:
    print('sum([1, 2], start=10)', '->', type(e).__name__, e)
try:
    r = enumerate(['a','b'], 5)
    print("enumerate(['a','b'], 5)", repr(list(r)))
except Exception as e:
    print("enumerate(['a','b'], 5)", '->', type(e).__name__, e)
try:
    r = enumerate(iterable='ab', start=-1)
    print("enumerate(iterable='ab', start=-1)", repr(list(r)))
except Exception as e:
    print("enumerate(iterable='ab', start=-1)", '->', type(e).__name__, e)
try:
    r = zip([1,2],[3,4], strict=True)
    print('zip([1,2],[3,4], strict=True)', repr(list(r)))
except Exception as e:
    print('zip([1,2],[3,4], strict=True)', '->', type(e).__name__, e)
try:
    r = ord('a')
    print("ord('a')", repr(r))
except Exception as e:
    print("ord('a')", '->', type(e).__name__, e)
try:
    r = chr(97)
    print('chr(97)', repr(r))
except Exception as e:
    print('chr(97)', '->', type(e).__name__, e)
try:
    r = getattr(1, 'zz', 7)
    print("getattr(1, 'zz', 7)", repr(r))
except Exception as e:
    print("getattr(1, 'zz', 7)", '->', type(e).__name__, e)
try:
    r = hasattr(1, 'real')
    print("hasattr(1, 'real')", repr(r))
except Exception as e:
    print("hasattr(1, 'real')", '->', type(e).__name__, e)
try:
    r = divmod(7, 2)
    print('divmod(7, 2)', repr(r))
except Exception as e:
    print('divmod(7, 2)', '->', type(e).__name__, e)
try:
    r = isinstance(1, int)
    print('isinstance(1, int)', repr(r))
except Exception as e:
    print('isinstance(1, int)', '->', type(e).__name__, e)
"#,
        r#"print(sepx=1) -> TypeError 'sepx' is an invalid keyword argument for print()
print(1, sep=1) -> TypeError sep must be None or a string, not int
print(1, end=2) -> TypeError end must be None or a string, not int
len() -> TypeError len() takes exactly one argument (0 given)
len(1, 2) -> TypeError len() takes exactly one argument (2 given)
len(x=1) -> TypeError len() takes no keyword arguments
len(1) -> TypeError object of type 'int' has no len()
repr() -> TypeError repr() takes exactly one argument (0 given)
repr(1, 2) -> TypeError repr() takes exactly one argument (2 given)
repr(x=1) -> TypeError repr() takes no keyword arguments
id() -> TypeError id() takes exactly one argument (0 given)
id(1, 2) -> TypeError id() takes exactly one argument (2 given)
id(x=1) -> TypeError id() takes no keyword arguments
isinstance(1) -> TypeError isinstance expected 2 arguments, got 1
isinstance(1, int, 2) -> TypeError isinstance expected 2 arguments, got 3
isinstance(1, int, x=1) -> TypeError isinstance() takes no keyword arguments
isinstance() -> TypeError isinstance expected 2 arguments, got 0
hasattr(1) -> TypeError hasattr expected 2 arguments, got 1
hasattr(1, 2) -> TypeError attribute name must be string, not 'int'
hasattr(1, 'a', 3) -> TypeError hasattr expected 2 arguments, got 3
hasattr(x=1) -> TypeError hasattr() takes no keyword arguments
getattr(1) -> TypeError getattr expected at least 2 arguments, got 1
getattr(1, 'a', 2, 3) -> TypeError getattr expected at most 3 arguments, got 4
getattr(1, 2) -> TypeError attribute name must be string, not 'int'
getattr(1, x=1) -> TypeError getattr() takes no keyword arguments
getattr() -> TypeError getattr expected at least 2 arguments, got 0
setattr(1, 'a') -> TypeError setattr expected 3 arguments, got 2
setattr(1, 'a', 2, 3) -> TypeError setattr expected 3 arguments, got 4
setattr(1, 2, 3) -> TypeError attribute name must be string, not 'int'
setattr(x=1) -> TypeError setattr() takes no keyword arguments
hash() -> TypeError hash() takes exactly one argument (0 given)
hash(1, 2) -> TypeError hash() takes exactly one argument (2 given)
hash(x=1) -> TypeError hash() takes no keyword arguments
hash([]) -> TypeError unhashable type: 'list'
abs() -> TypeError abs() takes exactly one argument (0 given)
abs(1, 2) -> TypeError abs() takes exactly one argument (2 given)
abs(x=1) -> TypeError abs() takes no keyword arguments
abs('a') -> TypeError bad operand type for abs(): 'str'
min() -> TypeError min expected at least 1 argument, got 0
min(1) -> TypeError 'int' object is not iterable
min([]) -> ValueError min() iterable argument is empty
min(1, 2, x=1) -> TypeError 'x' is an invalid keyword argument for min()
min(1, 2, key=None) 1
min([], default=5) 5
max() -> TypeError max expected at least 1 argument, got 0
max(x=1) -> TypeError max expected at least 1 argument, got 0
max(1) -> TypeError 'int' object is not iterable
sum() -> TypeError sum() takes at least 1 positional argument (0 given)
sum(1, 2, 3) -> TypeError sum() takes at most 2 arguments (3 given)
sum([1], start=5) 6
sum([1], x=5) -> TypeError 'x' is an invalid keyword argument for sum()
sum(x=1) -> TypeError sum() takes at least 1 positional argument (0 given)
sum(['a']) -> TypeError unsupported operand type(s) for +: 'int' and 'str'
sum(1) -> TypeError 'int' object is not iterable
sorted() -> TypeError sorted expected 1 argument, got 0
sorted([], []) -> TypeError sorted expected 1 argument, got 2
sorted([], x=1) -> TypeError 'x' is an invalid keyword argument for sort()
sorted(iterable=[]) -> TypeError sorted expected 1 argument, got 0
enumerate() -> TypeError enumerate() missing required argument 'iterable'
enumerate(1) -> TypeError 'int' object is not iterable
enumerate([], 1, 2) -> TypeError enumerate() takes at most 2 arguments (3 given)
enumerate([], start=1) []
enumerate([], x=1) -> TypeError 'x' is an invalid keyword argument for enumerate()
zip(1) -> TypeError 'int' object is not iterable
zip([], x=1) -> TypeError 'x' is an invalid keyword argument for zip()
zip([], strict=True) []
divmod(1) -> TypeError divmod expected 2 arguments, got 1
divmod(1, 2, 3) -> TypeError divmod expected 2 arguments, got 3
divmod(x=1) -> TypeError divmod() takes no keyword arguments
divmod(1, 'a') -> TypeError unsupported operand type(s) for divmod(): 'int' and 'str'
round() -> TypeError round() missing required argument 'number' (pos 1)
round(1, 2, 3) -> TypeError round() takes at most 2 arguments (3 given)
round(x=1) -> TypeError round() missing required argument 'number' (pos 1)
chr() -> TypeError chr() takes exactly one argument (0 given)
chr(1, 2) -> TypeError chr() takes exactly one argument (2 given)
chr(x=1) -> TypeError chr() takes no keyword arguments
chr('a') -> TypeError 'str' object cannot be interpreted as an integer
chr(-1) -> ValueError chr() arg not in range(0x110000)
chr(2**70) -> OverflowError Python int too large to convert to C int
chr(1.5) -> TypeError 'float' object cannot be interpreted as an integer
ord() -> TypeError ord() takes exactly one argument (0 given)
ord(1, 2) -> TypeError ord() takes exactly one argument (2 given)
ord(x=1) -> TypeError ord() takes no keyword arguments
ord(1) -> TypeError ord() expected string of length 1, but int found
ord('ab') -> TypeError ord() expected a character, but string of length 2 found
ord('') -> TypeError ord() expected a character, but string of length 0 found
print(sep='',end='',file=None,flush=False,x=1) -> TypeError 'x' is an invalid keyword argument for print()
min(1, 2, default=5) -> TypeError Cannot specify a default for min() with multiple positional arguments
min([1], key=None, default=1, x=2) -> TypeError min() takes at most 2 keyword arguments (3 given)
min([3,1], key=len) -> TypeError object of type 'int' has no len()
min(x=1) -> TypeError min expected at least 1 argument, got 0
min([], key=None) -> ValueError min() iterable argument is empty
zip([1], [1,2], strict=True) -> ValueError zip() argument 2 is longer than argument 1
zip([1,2], [1], strict=True) -> ValueError zip() argument 2 is shorter than argument 1
zip([1], strict=1, x=2) -> TypeError zip() takes at most 1 keyword argument (2 given)
enumerate(start=1) -> TypeError 'start' is an invalid keyword argument for enumerate()
enumerate([], iterable=[]) -> TypeError 'iterable' is an invalid keyword argument for enumerate()
enumerate(iterable=[], start=1) []
enumerate([], 1, start=2) -> TypeError enumerate() takes at most 2 arguments (3 given)
enumerate(x=1) -> TypeError 'x' is an invalid keyword argument for enumerate()
enumerate([1], start='a') -> TypeError 'str' object cannot be interpreted as an integer
sum(iterable=[1]) -> TypeError sum() takes at least 1 positional argument (0 given)
sum([1], 2, start=3) -> TypeError sum() takes at most 2 arguments (3 given)
chr(-2**70) -> OverflowError Python int too large to convert to C int
ord(b'ab') -> TypeError ord() expected a character, but string of length 2 found
ord(b'a') 97
getattr(1, 'zz') -> AttributeError 'int' object has no attribute 'zz'
iter() -> TypeError iter expected at least 1 argument, got 0
iter(1, 2, 3) -> TypeError iter expected at most 2 arguments, got 3
iter(x=1) -> TypeError iter() takes no keyword arguments
next() -> TypeError next expected at least 1 argument, got 0
next(1, 2, 3) -> TypeError next expected at most 2 arguments, got 3
next(x=1) -> TypeError next() takes no keyword arguments
sorted([3,1,2], reverse=True) [3, 2, 1]
min([3,1,2], key=neg) 3
max(1, 5, 3) 5
1-2!
print(1, 2, sep='-', end='!\n') None
1 2
print(1, 2, sep=None, end=None) None
sum([1, 2], start=10) 13
enumerate(['a','b'], 5) [(5, 'a'), (6, 'b')]
enumerate(iterable='ab', start=-1) [(-1, 'a'), (0, 'b')]
zip([1,2],[3,4], strict=True) [(1, 3), (2, 4)]
ord('a') 97
chr(97) 'a'
getattr(1, 'zz', 7) 7
hasattr(1, 'real') True
divmod(7, 2) (3, 1)
isinstance(1, int) True
"#,
    );
}

/// The built-in types' constructors (`int(x, base)`, `str(object, encoding, errors)`,
/// `list(iterable)`, `range(...)`, ...).
#[test]
fn builtin_constructors_check_their_arguments_as_cpython() {
    check(
        r#"try:
    r = int(1, 2, 3)
    print('int(1, 2, 3)', repr(r))
except Exception as e:
    print('int(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = int(x=1)
    print('int(x=1)', repr(r))
except Exception as e:
    print('int(x=1)', '->', type(e).__name__, e)
try:
    r = int('10', base=2)
    print("int('10', base=2)", repr(r))
except Exception as e:
    print("int('10', base=2)", '->', type(e).__name__, e)
try:
    r = int(base=2)
    print('int(base=2)', repr(r))
except Exception as e:
    print('int(base=2)', '->', type(e).__name__, e)
try:
    r = int('1', 2, base=3)
    print("int('1', 2, base=3)", repr(r))
except Exception as e:
    print("int('1', 2, base=3)", '->', type(e).__name__, e)
try:
    r = int(1, 10)
    print('int(1, 10)', repr(r))
except Exception as e:
    print('int(1, 10)', '->', type(e).__name__, e)
try:
    r = str(1, 2, 3, 4)
    print('str(1, 2, 3, 4)', repr(r))
except Exception as e:
    print('str(1, 2, 3, 4)', '->', type(e).__name__, e)
try:
    r = str(x=1)
    print('str(x=1)', repr(r))
except Exception as e:
    print('str(x=1)', '->', type(e).__name__, e)
try:
    r = str(object=5)
    print('str(object=5)', repr(r))
except Exception as e:
    print('str(object=5)', '->', type(e).__name__, e)
try:
    r = str(b'a', encoding='utf-8')
    print("str(b'a', encoding='utf-8')", repr(r))
except Exception as e:
    print("str(b'a', encoding='utf-8')", '->', type(e).__name__, e)
try:
    r = str(b'a', 'utf-8', 'strict', 4)
    print("str(b'a', 'utf-8', 'strict', 4)", repr(r))
except Exception as e:
    print("str(b'a', 'utf-8', 'strict', 4)", '->', type(e).__name__, e)
try:
    r = str(b'ab', errors='strict')
    print("str(b'ab', errors='strict')", repr(r))
except Exception as e:
    print("str(b'ab', errors='strict')", '->', type(e).__name__, e)
try:
    r = list(1, 2)
    print('list(1, 2)', repr(r))
except Exception as e:
    print('list(1, 2)', '->', type(e).__name__, e)
try:
    r = list(x=1)
    print('list(x=1)', repr(r))
except Exception as e:
    print('list(x=1)', '->', type(e).__name__, e)
try:
    r = list(iterable=[1])
    print('list(iterable=[1])', repr(r))
except Exception as e:
    print('list(iterable=[1])', '->', type(e).__name__, e)
try:
    r = tuple(1, 2)
    print('tuple(1, 2)', repr(r))
except Exception as e:
    print('tuple(1, 2)', '->', type(e).__name__, e)
try:
    r = tuple(x=1)
    print('tuple(x=1)', repr(r))
except Exception as e:
    print('tuple(x=1)', '->', type(e).__name__, e)
try:
    r = tuple(iterable=[1])
    print('tuple(iterable=[1])', repr(r))
except Exception as e:
    print('tuple(iterable=[1])', '->', type(e).__name__, e)
try:
    r = dict(1, 2)
    print('dict(1, 2)', repr(r))
except Exception as e:
    print('dict(1, 2)', '->', type(e).__name__, e)
try:
    r = set(1, 2)
    print('set(1, 2)', repr(r))
except Exception as e:
    print('set(1, 2)', '->', type(e).__name__, e)
try:
    r = set(x=1)
    print('set(x=1)', repr(r))
except Exception as e:
    print('set(x=1)', '->', type(e).__name__, e)
try:
    r = set(iterable=[1])
    print('set(iterable=[1])', repr(r))
except Exception as e:
    print('set(iterable=[1])', '->', type(e).__name__, e)
try:
    r = frozenset(1, 2)
    print('frozenset(1, 2)', repr(r))
except Exception as e:
    print('frozenset(1, 2)', '->', type(e).__name__, e)
try:
    r = frozenset(x=1)
    print('frozenset(x=1)', repr(r))
except Exception as e:
    print('frozenset(x=1)', '->', type(e).__name__, e)
try:
    r = frozenset(iterable=[1])
    print('frozenset(iterable=[1])', repr(r))
except Exception as e:
    print('frozenset(iterable=[1])', '->', type(e).__name__, e)
try:
    r = range()
    print('range()', repr(r))
except Exception as e:
    print('range()', '->', type(e).__name__, e)
try:
    r = range(1, 2, 3, 4)
    print('range(1, 2, 3, 4)', repr(r))
except Exception as e:
    print('range(1, 2, 3, 4)', '->', type(e).__name__, e)
try:
    r = range(x=1)
    print('range(x=1)', repr(r))
except Exception as e:
    print('range(x=1)', '->', type(e).__name__, e)
try:
    r = range(stop=1)
    print('range(stop=1)', repr(r))
except Exception as e:
    print('range(stop=1)', '->', type(e).__name__, e)
try:
    r = bytes(1, 2, 3, 4)
    print('bytes(1, 2, 3, 4)', repr(r))
except Exception as e:
    print('bytes(1, 2, 3, 4)', '->', type(e).__name__, e)
try:
    r = bytes(x=1)
    print('bytes(x=1)', repr(r))
except Exception as e:
    print('bytes(x=1)', '->', type(e).__name__, e)
try:
    r = bytes(source=2)
    print('bytes(source=2)', repr(r))
except Exception as e:
    print('bytes(source=2)', '->', type(e).__name__, e)
try:
    r = bytes('a', 'utf-8')
    print("bytes('a', 'utf-8')", repr(r))
except Exception as e:
    print("bytes('a', 'utf-8')", '->', type(e).__name__, e)
try:
    r = bytes('a', encoding='utf-8')
    print("bytes('a', encoding='utf-8')", repr(r))
except Exception as e:
    print("bytes('a', encoding='utf-8')", '->', type(e).__name__, e)
try:
    r = bytes(1, 'utf-8')
    print("bytes(1, 'utf-8')", repr(r))
except Exception as e:
    print("bytes(1, 'utf-8')", '->', type(e).__name__, e)
try:
    r = float(1, 2)
    print('float(1, 2)', repr(r))
except Exception as e:
    print('float(1, 2)', '->', type(e).__name__, e)
try:
    r = float(x=1)
    print('float(x=1)', repr(r))
except Exception as e:
    print('float(x=1)', '->', type(e).__name__, e)
try:
    r = complex(1, 2, 3)
    print('complex(1, 2, 3)', repr(r))
except Exception as e:
    print('complex(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = complex(x=1)
    print('complex(x=1)', repr(r))
except Exception as e:
    print('complex(x=1)', '->', type(e).__name__, e)
try:
    r = complex(real=1, imag=2)
    print('complex(real=1, imag=2)', repr(r))
except Exception as e:
    print('complex(real=1, imag=2)', '->', type(e).__name__, e)
try:
    r = complex(imag=2)
    print('complex(imag=2)', repr(r))
except Exception as e:
    print('complex(imag=2)', '->', type(e).__name__, e)
try:
    r = bool(1, 2)
    print('bool(1, 2)', repr(r))
except Exception as e:
    print('bool(1, 2)', '->', type(e).__name__, e)
try:
    r = bool(x=1)
    print('bool(x=1)', repr(r))
except Exception as e:
    print('bool(x=1)', '->', type(e).__name__, e)
try:
    r = object(1)
    print('object(1)', repr(r))
except Exception as e:
    print('object(1)', '->', type(e).__name__, e)
try:
    r = object(x=1)
    print('object(x=1)', repr(r))
except Exception as e:
    print('object(x=1)', '->', type(e).__name__, e)
try:
    r = type()
    print('type()', repr(r))
except Exception as e:
    print('type()', '->', type(e).__name__, e)
try:
    r = type(1, 2)
    print('type(1, 2)', repr(r))
except Exception as e:
    print('type(1, 2)', '->', type(e).__name__, e)
try:
    r = type(x=1)
    print('type(x=1)', repr(r))
except Exception as e:
    print('type(x=1)', '->', type(e).__name__, e)
try:
    r = type(object=1)
    print('type(object=1)', repr(r))
except Exception as e:
    print('type(object=1)', '->', type(e).__name__, e)
try:
    r = str(b'a', encoding=1)
    print("str(b'a', encoding=1)", repr(r))
except Exception as e:
    print("str(b'a', encoding=1)", '->', type(e).__name__, e)
try:
    r = str(b'a', errors=1)
    print("str(b'a', errors=1)", repr(r))
except Exception as e:
    print("str(b'a', errors=1)", '->', type(e).__name__, e)
try:
    r = str(b'a', None, 'strict')
    print("str(b'a', None, 'strict')", repr(r))
except Exception as e:
    print("str(b'a', None, 'strict')", '->', type(e).__name__, e)
try:
    r = bytes(encoding='utf-8')
    print("bytes(encoding='utf-8')", repr(r))
except Exception as e:
    print("bytes(encoding='utf-8')", '->', type(e).__name__, e)
try:
    r = bytes(errors='x')
    print("bytes(errors='x')", repr(r))
except Exception as e:
    print("bytes(errors='x')", '->', type(e).__name__, e)
try:
    r = bytes('a', 'latin-1')
    print("bytes('a', 'latin-1')", repr(r))
except Exception as e:
    print("bytes('a', 'latin-1')", '->', type(e).__name__, e)
try:
    r = bytes('a', encoding=1)
    print("bytes('a', encoding=1)", repr(r))
except Exception as e:
    print("bytes('a', encoding=1)", '->', type(e).__name__, e)
try:
    r = bytes('a', errors='strict')
    print("bytes('a', errors='strict')", repr(r))
except Exception as e:
    print("bytes('a', errors='strict')", '->', type(e).__name__, e)
try:
    r = bytes('a', 'bogus')
    print("bytes('a', 'bogus')", repr(r))
except Exception as e:
    print("bytes('a', 'bogus')", '->', type(e).__name__, e)
try:
    r = str('a', 'utf-8')
    print("str('a', 'utf-8')", repr(r))
except Exception as e:
    print("str('a', 'utf-8')", '->', type(e).__name__, e)
try:
    r = str(errors='x')
    print("str(errors='x')", repr(r))
except Exception as e:
    print("str(errors='x')", '->', type(e).__name__, e)
try:
    r = bytes('a', 'utf-8', 1)
    print("bytes('a', 'utf-8', 1)", repr(r))
except Exception as e:
    print("bytes('a', 'utf-8', 1)", '->', type(e).__name__, e)
try:
    r = int('ff', 16)
    print("int('ff', 16)", repr(r))
except Exception as e:
    print("int('ff', 16)", '->', type(e).__name__, e)
try:
    r = range(2, 10, 3)
    print('range(2, 10, 3)', repr(r))
except Exception as e:
    print('range(2, 10, 3)', '->', type(e).__name__, e)
try:
    r = complex(1.5)
    print('complex(1.5)', repr(r))
except Exception as e:
    print('complex(1.5)', '->', type(e).__name__, e)
try:
    r = set([1])
    print('set([1])', repr(r))
except Exception as e:
    print('set([1])', '->', type(e).__name__, e)
try:
    r = bool([])
    print('bool([])', repr(r))
except Exception as e:
    print('bool([])', '->', type(e).__name__, e)
try:
    r = float('1.5')
    print("float('1.5')", repr(r))
except Exception as e:
    print("float('1.5')", '->', type(e).__name__, e)
try:
    r = type(1)
    print('type(1)', repr(r))
except Exception as e:
    print('type(1)', '->', type(e).__name__, e)
try:
    r = list((1, 2))
    print('list((1, 2))', repr(r))
except Exception as e:
    print('list((1, 2))', '->', type(e).__name__, e)
"#,
        r#"int(1, 2, 3) -> TypeError int() takes at most 2 arguments (3 given)
int(x=1) -> TypeError 'x' is an invalid keyword argument for int()
int('10', base=2) 2
int(base=2) -> TypeError int() missing string argument
int('1', 2, base=3) -> TypeError int() takes at most 2 arguments (3 given)
int(1, 10) -> TypeError int() can't convert non-string with explicit base
str(1, 2, 3, 4) -> TypeError str() takes at most 3 arguments (4 given)
str(x=1) -> TypeError 'x' is an invalid keyword argument for str()
str(object=5) '5'
str(b'a', encoding='utf-8') 'a'
str(b'a', 'utf-8', 'strict', 4) -> TypeError str() takes at most 3 arguments (4 given)
str(b'ab', errors='strict') 'ab'
list(1, 2) -> TypeError list expected at most 1 argument, got 2
list(x=1) -> TypeError list() takes no keyword arguments
list(iterable=[1]) -> TypeError list() takes no keyword arguments
tuple(1, 2) -> TypeError tuple expected at most 1 argument, got 2
tuple(x=1) -> TypeError tuple() takes no keyword arguments
tuple(iterable=[1]) -> TypeError tuple() takes no keyword arguments
dict(1, 2) -> TypeError dict expected at most 1 argument, got 2
set(1, 2) -> TypeError set expected at most 1 argument, got 2
set(x=1) -> TypeError set() takes no keyword arguments
set(iterable=[1]) -> TypeError set() takes no keyword arguments
frozenset(1, 2) -> TypeError frozenset expected at most 1 argument, got 2
frozenset(x=1) -> TypeError frozenset() takes no keyword arguments
frozenset(iterable=[1]) -> TypeError frozenset() takes no keyword arguments
range() -> TypeError range expected at least 1 argument, got 0
range(1, 2, 3, 4) -> TypeError range expected at most 3 arguments, got 4
range(x=1) -> TypeError range() takes no keyword arguments
range(stop=1) -> TypeError range() takes no keyword arguments
bytes(1, 2, 3, 4) -> TypeError bytes() takes at most 3 arguments (4 given)
bytes(x=1) -> TypeError 'x' is an invalid keyword argument for bytes()
bytes(source=2) b'\x00\x00'
bytes('a', 'utf-8') b'a'
bytes('a', encoding='utf-8') b'a'
bytes(1, 'utf-8') -> TypeError encoding without a string argument
float(1, 2) -> TypeError float expected at most 1 argument, got 2
float(x=1) -> TypeError float() takes no keyword arguments
complex(1, 2, 3) -> TypeError complex() takes at most 2 arguments (3 given)
complex(x=1) -> TypeError 'x' is an invalid keyword argument for complex()
complex(real=1, imag=2) (1+2j)
complex(imag=2) 2j
bool(1, 2) -> TypeError bool expected at most 1 argument, got 2
bool(x=1) -> TypeError bool() takes no keyword arguments
object(1) -> TypeError object() takes no arguments
object(x=1) -> TypeError object() takes no arguments
type() -> TypeError type() takes 1 or 3 arguments
type(1, 2) -> TypeError type() takes 1 or 3 arguments
type(x=1) -> TypeError type() takes 1 or 3 arguments
type(object=1) -> TypeError type() takes 1 or 3 arguments
str(b'a', encoding=1) -> TypeError str() argument 'encoding' must be str, not int
str(b'a', errors=1) -> TypeError str() argument 'errors' must be str, not int
str(b'a', None, 'strict') -> TypeError str() argument 'encoding' must be str, not None
bytes(encoding='utf-8') -> TypeError encoding without a string argument
bytes(errors='x') -> TypeError errors without a string argument
bytes('a', 'latin-1') b'a'
bytes('a', encoding=1) -> TypeError bytes() argument 'encoding' must be str, not int
bytes('a', errors='strict') -> TypeError string argument without an encoding
bytes('a', 'bogus') -> LookupError unknown encoding: bogus
str('a', 'utf-8') -> TypeError decoding str is not supported
str(errors='x') ''
bytes('a', 'utf-8', 1) -> TypeError bytes() argument 'errors' must be str, not int
int('ff', 16) 255
range(2, 10, 3) range(2, 10, 3)
complex(1.5) (1.5+0j)
set([1]) {1}
bool([]) False
float('1.5') 1.5
type(1) <class 'int'>
list((1, 2)) [1, 2]
"#,
    );
}

/// The functions of the `sys`, `time`, `gc` and `weakref` modules, and `weakref.ref(...)` (`METH_NOARGS` and `METH_O`
/// messages name the module: `sys.intern()`, `_weakref.getweakrefs()`).
#[test]
fn module_functions_check_their_arguments_as_cpython() {
    check(
        r#"import sys
import time
import gc
import weakref
class C:
    pass
c = C()
try:
    r = sys.getsizeof()
    print('sys.getsizeof()', repr(r))
except Exception as e:
    print('sys.getsizeof()', '->', type(e).__name__, e)
try:
    r = sys.getsizeof(1, 2, 3)
    print('sys.getsizeof(1, 2, 3)', repr(r))
except Exception as e:
    print('sys.getsizeof(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = sys.getsizeof(x=1)
    print('sys.getsizeof(x=1)', repr(r))
except Exception as e:
    print('sys.getsizeof(x=1)', '->', type(e).__name__, e)
try:
    r = sys.getsizeof(object=1) > 0
    print('sys.getsizeof(object=1) > 0', repr(r))
except Exception as e:
    print('sys.getsizeof(object=1) > 0', '->', type(e).__name__, e)
try:
    r = sys.getsizeof(1, default=2) > 0
    print('sys.getsizeof(1, default=2) > 0', repr(r))
except Exception as e:
    print('sys.getsizeof(1, default=2) > 0', '->', type(e).__name__, e)
try:
    r = sys.getsizeof(1, object=2)
    print('sys.getsizeof(1, object=2)', repr(r))
except Exception as e:
    print('sys.getsizeof(1, object=2)', '->', type(e).__name__, e)
try:
    r = sys.getrefcount()
    print('sys.getrefcount()', repr(r))
except Exception as e:
    print('sys.getrefcount()', '->', type(e).__name__, e)
try:
    r = sys.getrefcount(x=1)
    print('sys.getrefcount(x=1)', repr(r))
except Exception as e:
    print('sys.getrefcount(x=1)', '->', type(e).__name__, e)
try:
    r = sys.intern()
    print('sys.intern()', repr(r))
except Exception as e:
    print('sys.intern()', '->', type(e).__name__, e)
try:
    r = sys.intern(1)
    print('sys.intern(1)', repr(r))
except Exception as e:
    print('sys.intern(1)', '->', type(e).__name__, e)
try:
    r = sys.intern(1, 2)
    print('sys.intern(1, 2)', repr(r))
except Exception as e:
    print('sys.intern(1, 2)', '->', type(e).__name__, e)
try:
    r = sys.intern(x=1)
    print('sys.intern(x=1)', repr(r))
except Exception as e:
    print('sys.intern(x=1)', '->', type(e).__name__, e)
try:
    r = sys.getrecursionlimit(1)
    print('sys.getrecursionlimit(1)', repr(r))
except Exception as e:
    print('sys.getrecursionlimit(1)', '->', type(e).__name__, e)
try:
    r = sys.getrecursionlimit(x=1)
    print('sys.getrecursionlimit(x=1)', repr(r))
except Exception as e:
    print('sys.getrecursionlimit(x=1)', '->', type(e).__name__, e)
try:
    r = sys.setrecursionlimit()
    print('sys.setrecursionlimit()', repr(r))
except Exception as e:
    print('sys.setrecursionlimit()', '->', type(e).__name__, e)
try:
    r = sys.setrecursionlimit('a')
    print("sys.setrecursionlimit('a')", repr(r))
except Exception as e:
    print("sys.setrecursionlimit('a')", '->', type(e).__name__, e)
try:
    r = sys.setrecursionlimit(0)
    print('sys.setrecursionlimit(0)', repr(r))
except Exception as e:
    print('sys.setrecursionlimit(0)', '->', type(e).__name__, e)
try:
    r = sys.setrecursionlimit(2**40)
    print('sys.setrecursionlimit(2**40)', repr(r))
except Exception as e:
    print('sys.setrecursionlimit(2**40)', '->', type(e).__name__, e)
try:
    r = sys.setrecursionlimit(x=1)
    print('sys.setrecursionlimit(x=1)', repr(r))
except Exception as e:
    print('sys.setrecursionlimit(x=1)', '->', type(e).__name__, e)
try:
    r = sys._debugmallocstats(1)
    print('sys._debugmallocstats(1)', repr(r))
except Exception as e:
    print('sys._debugmallocstats(1)', '->', type(e).__name__, e)
try:
    r = time.perf_counter(1)
    print('time.perf_counter(1)', repr(r))
except Exception as e:
    print('time.perf_counter(1)', '->', type(e).__name__, e)
try:
    r = time.perf_counter(x=1)
    print('time.perf_counter(x=1)', repr(r))
except Exception as e:
    print('time.perf_counter(x=1)', '->', type(e).__name__, e)
try:
    r = gc.collect(1, 2)
    print('gc.collect(1, 2)', repr(r))
except Exception as e:
    print('gc.collect(1, 2)', '->', type(e).__name__, e)
try:
    r = gc.collect(x=1)
    print('gc.collect(x=1)', repr(r))
except Exception as e:
    print('gc.collect(x=1)', '->', type(e).__name__, e)
try:
    r = gc.collect(1, generation=2)
    print('gc.collect(1, generation=2)', repr(r))
except Exception as e:
    print('gc.collect(1, generation=2)', '->', type(e).__name__, e)
try:
    r = gc.collect(generation=5)
    print('gc.collect(generation=5)', repr(r))
except Exception as e:
    print('gc.collect(generation=5)', '->', type(e).__name__, e)
try:
    r = gc.get_count(1)
    print('gc.get_count(1)', repr(r))
except Exception as e:
    print('gc.get_count(1)', '->', type(e).__name__, e)
try:
    r = gc.get_count(x=1)
    print('gc.get_count(x=1)', repr(r))
except Exception as e:
    print('gc.get_count(x=1)', '->', type(e).__name__, e)
try:
    r = gc.is_tracked()
    print('gc.is_tracked()', repr(r))
except Exception as e:
    print('gc.is_tracked()', '->', type(e).__name__, e)
try:
    r = gc.is_tracked(x=1)
    print('gc.is_tracked(x=1)', repr(r))
except Exception as e:
    print('gc.is_tracked(x=1)', '->', type(e).__name__, e)
try:
    r = gc.set_threshold()
    print('gc.set_threshold()', repr(r))
except Exception as e:
    print('gc.set_threshold()', '->', type(e).__name__, e)
try:
    r = gc.set_threshold(x=1)
    print('gc.set_threshold(x=1)', repr(r))
except Exception as e:
    print('gc.set_threshold(x=1)', '->', type(e).__name__, e)
try:
    r = gc.set_threshold(1,2,3,4)
    print('gc.set_threshold(1,2,3,4)', repr(r))
except Exception as e:
    print('gc.set_threshold(1,2,3,4)', '->', type(e).__name__, e)
try:
    r = gc.get_referrers(x=1)
    print('gc.get_referrers(x=1)', repr(r))
except Exception as e:
    print('gc.get_referrers(x=1)', '->', type(e).__name__, e)
try:
    r = gc.get_objects(1, 2)
    print('gc.get_objects(1, 2)', repr(r))
except Exception as e:
    print('gc.get_objects(1, 2)', '->', type(e).__name__, e)
try:
    r = gc.get_objects(x=1)
    print('gc.get_objects(x=1)', repr(r))
except Exception as e:
    print('gc.get_objects(x=1)', '->', type(e).__name__, e)
try:
    r = gc.set_debug()
    print('gc.set_debug()', repr(r))
except Exception as e:
    print('gc.set_debug()', '->', type(e).__name__, e)
try:
    r = weakref.getweakrefcount()
    print('weakref.getweakrefcount()', repr(r))
except Exception as e:
    print('weakref.getweakrefcount()', '->', type(e).__name__, e)
try:
    r = weakref.getweakrefs(1, 2)
    print('weakref.getweakrefs(1, 2)', repr(r))
except Exception as e:
    print('weakref.getweakrefs(1, 2)', '->', type(e).__name__, e)
try:
    r = weakref.getweakrefs(x=1)
    print('weakref.getweakrefs(x=1)', repr(r))
except Exception as e:
    print('weakref.getweakrefs(x=1)', '->', type(e).__name__, e)
try:
    r = sys.getrefcount([])
    print('sys.getrefcount([])', repr(r))
except Exception as e:
    print('sys.getrefcount([])', '->', type(e).__name__, e)
try:
    r = sys.getrefcount(None)
    print('sys.getrefcount(None)', repr(r))
except Exception as e:
    print('sys.getrefcount(None)', '->', type(e).__name__, e)
try:
    r = sys.intern('ab') == 'ab'
    print("sys.intern('ab') == 'ab'", repr(r))
except Exception as e:
    print("sys.intern('ab') == 'ab'", '->', type(e).__name__, e)
try:
    r = weakref.ref()
    print('weakref.ref()', repr(r))
except Exception as e:
    print('weakref.ref()', '->', type(e).__name__, e)
try:
    r = weakref.ref(1, 2, 3)
    print('weakref.ref(1, 2, 3)', repr(r))
except Exception as e:
    print('weakref.ref(1, 2, 3)', '->', type(e).__name__, e)
try:
    r = weakref.ref(1, x=1)
    print('weakref.ref(1, x=1)', repr(r))
except Exception as e:
    print('weakref.ref(1, x=1)', '->', type(e).__name__, e)
try:
    r = weakref.ref(x=1)
    print('weakref.ref(x=1)', repr(r))
except Exception as e:
    print('weakref.ref(x=1)', '->', type(e).__name__, e)
try:
    r = weakref.ref(c, x=1)
    print('weakref.ref(c, x=1)', repr(r))
except Exception as e:
    print('weakref.ref(c, x=1)', '->', type(e).__name__, e)
try:
    r = weakref.ref(c)() is c
    print('weakref.ref(c)() is c', repr(r))
except Exception as e:
    print('weakref.ref(c)() is c', '->', type(e).__name__, e)
"#,
        r#"sys.getsizeof() -> TypeError getsizeof() missing required argument 'object' (pos 1)
sys.getsizeof(1, 2, 3) -> TypeError getsizeof() takes at most 2 arguments (3 given)
sys.getsizeof(x=1) -> TypeError getsizeof() missing required argument 'object' (pos 1)
sys.getsizeof(object=1) > 0 True
sys.getsizeof(1, default=2) > 0 True
sys.getsizeof(1, object=2) -> TypeError argument for getsizeof() given by name ('object') and position (1)
sys.getrefcount() -> TypeError sys.getrefcount() takes exactly one argument (0 given)
sys.getrefcount(x=1) -> TypeError sys.getrefcount() takes no keyword arguments
sys.intern() -> TypeError sys.intern() takes exactly one argument (0 given)
sys.intern(1) -> TypeError intern() argument must be str, not int
sys.intern(1, 2) -> TypeError sys.intern() takes exactly one argument (2 given)
sys.intern(x=1) -> TypeError sys.intern() takes no keyword arguments
sys.getrecursionlimit(1) -> TypeError sys.getrecursionlimit() takes no arguments (1 given)
sys.getrecursionlimit(x=1) -> TypeError sys.getrecursionlimit() takes no keyword arguments
sys.setrecursionlimit() -> TypeError sys.setrecursionlimit() takes exactly one argument (0 given)
sys.setrecursionlimit('a') -> TypeError 'str' object cannot be interpreted as an integer
sys.setrecursionlimit(0) -> ValueError recursion limit must be greater or equal than 1
sys.setrecursionlimit(2**40) -> OverflowError Python int too large to convert to C int
sys.setrecursionlimit(x=1) -> TypeError sys.setrecursionlimit() takes no keyword arguments
sys._debugmallocstats(1) -> TypeError sys._debugmallocstats() takes no arguments (1 given)
time.perf_counter(1) -> TypeError time.perf_counter() takes no arguments (1 given)
time.perf_counter(x=1) -> TypeError time.perf_counter() takes no keyword arguments
gc.collect(1, 2) -> TypeError collect() takes at most 1 argument (2 given)
gc.collect(x=1) -> TypeError 'x' is an invalid keyword argument for collect()
gc.collect(1, generation=2) -> TypeError collect() takes at most 1 argument (2 given)
gc.collect(generation=5) -> ValueError invalid generation
gc.get_count(1) -> TypeError gc.get_count() takes no arguments (1 given)
gc.get_count(x=1) -> TypeError gc.get_count() takes no keyword arguments
gc.is_tracked() -> TypeError gc.is_tracked() takes exactly one argument (0 given)
gc.is_tracked(x=1) -> TypeError gc.is_tracked() takes no keyword arguments
gc.set_threshold() -> TypeError set_threshold() takes at least 1 argument (0 given)
gc.set_threshold(x=1) -> TypeError set_threshold() takes no keyword arguments
gc.set_threshold(1,2,3,4) -> TypeError set_threshold() takes at most 3 arguments (4 given)
gc.get_referrers(x=1) -> TypeError get_referrers() takes no keyword arguments
gc.get_objects(1, 2) -> TypeError get_objects() takes at most 1 argument (2 given)
gc.get_objects(x=1) -> TypeError 'x' is an invalid keyword argument for get_objects()
gc.set_debug() -> TypeError gc.set_debug() takes exactly one argument (0 given)
weakref.getweakrefcount() -> TypeError _weakref.getweakrefcount() takes exactly one argument (0 given)
weakref.getweakrefs(1, 2) -> TypeError _weakref.getweakrefs() takes exactly one argument (2 given)
weakref.getweakrefs(x=1) -> TypeError _weakref.getweakrefs() takes no keyword arguments
sys.getrefcount([]) 1
sys.getrefcount(None) 4294967295
sys.intern('ab') == 'ab' True
weakref.ref() -> TypeError __new__ expected at least 1 argument, got 0
weakref.ref(1, 2, 3) -> TypeError __new__ expected at most 2 arguments, got 3
weakref.ref(1, x=1) -> TypeError cannot create weak reference to 'int' object
weakref.ref(x=1) -> TypeError __new__ expected at least 1 argument, got 0
weakref.ref(c, x=1) -> TypeError ref() takes no keyword arguments
weakref.ref(c)() is c True
"#,
    );
}
