//! `str`, `int`, `float` and `range` methods, declared once in their tables
//! (`objects/src/types/{str,long,float,range}_methods.rs`), against CPython: one exact transcript
//! per group, every argument error and result as `python3.12` (3.12.1, 64-bit,
//! `PYTHONHASHSEED=0`) prints it. pyrt has no `eval` or `lambda`, so each case is its own
//! `try`/`except`.

mod transcript;

use transcript::check;

/// `str`'s methods come from one table: Argument Clinic's messages for `split`, `strip`,
/// `replace`, `METH_O`/`METH_NOARGS` ones for `join` and `upper`, and `PyArg_ParseTuple`'s old
/// ones for the searching methods 3.12 has not converted (`find() takes at least 1 argument`).
#[test]
fn str_methods_check_their_arguments_as_cpython() {
    check(
        r###"try:
    print('"".split(1,2,3)', repr("".split(1,2,3)))
except Exception as e:
    print('"".split(1,2,3)', '->', type(e).__name__, e)
try:
    print('"".split(sepx=1)', repr("".split(sepx=1)))
except Exception as e:
    print('"".split(sepx=1)', '->', type(e).__name__, e)
try:
    print('"".split(",", sep=",")', repr("".split(",", sep=",")))
except Exception as e:
    print('"".split(",", sep=",")', '->', type(e).__name__, e)
try:
    print('"".rsplit(1,2,3)', repr("".rsplit(1,2,3)))
except Exception as e:
    print('"".rsplit(1,2,3)', '->', type(e).__name__, e)
try:
    print('"".startswith()', repr("".startswith()))
except Exception as e:
    print('"".startswith()', '->', type(e).__name__, e)
try:
    print('"".startswith(x=1)', repr("".startswith(x=1)))
except Exception as e:
    print('"".startswith(x=1)', '->', type(e).__name__, e)
try:
    print('"".endswith(1,2,3,4)', repr("".endswith(1,2,3,4)))
except Exception as e:
    print('"".endswith(1,2,3,4)', '->', type(e).__name__, e)
try:
    print('"".replace()', repr("".replace()))
except Exception as e:
    print('"".replace()', '->', type(e).__name__, e)
try:
    print('"".replace("a")', repr("".replace("a")))
except Exception as e:
    print('"".replace("a")', '->', type(e).__name__, e)
try:
    print('"".replace("a","b",1,2)', repr("".replace("a","b",1,2)))
except Exception as e:
    print('"".replace("a","b",1,2)', '->', type(e).__name__, e)
try:
    print('"".replace("a","b",count=2)', repr("".replace("a","b",count=2)))
except Exception as e:
    print('"".replace("a","b",count=2)', '->', type(e).__name__, e)
try:
    print('"".join()', repr("".join()))
except Exception as e:
    print('"".join()', '->', type(e).__name__, e)
try:
    print('"".join(1,2)', repr("".join(1,2)))
except Exception as e:
    print('"".join(1,2)', '->', type(e).__name__, e)
try:
    print('"".join(iterable=[])', repr("".join(iterable=[])))
except Exception as e:
    print('"".join(iterable=[])', '->', type(e).__name__, e)
try:
    print('"".join(1)', repr("".join(1)))
except Exception as e:
    print('"".join(1)', '->', type(e).__name__, e)
try:
    print('"-".join([1])', repr("-".join([1])))
except Exception as e:
    print('"-".join([1])', '->', type(e).__name__, e)
try:
    print('"".strip(1,2)', repr("".strip(1,2)))
except Exception as e:
    print('"".strip(1,2)', '->', type(e).__name__, e)
try:
    print('"".strip(x=1)', repr("".strip(x=1)))
except Exception as e:
    print('"".strip(x=1)', '->', type(e).__name__, e)
try:
    print('"".lstrip(chars="x")', repr("".lstrip(chars="x")))
except Exception as e:
    print('"".lstrip(chars="x")', '->', type(e).__name__, e)
try:
    print('"".strip(1)', repr("".strip(1)))
except Exception as e:
    print('"".strip(1)', '->', type(e).__name__, e)
try:
    print('"".upper(1)', repr("".upper(1)))
except Exception as e:
    print('"".upper(1)', '->', type(e).__name__, e)
try:
    print('"".upper(x=1)', repr("".upper(x=1)))
except Exception as e:
    print('"".upper(x=1)', '->', type(e).__name__, e)
try:
    print('"".isdigit(1)', repr("".isdigit(1)))
except Exception as e:
    print('"".isdigit(1)', '->', type(e).__name__, e)
try:
    print('"".find()', repr("".find()))
except Exception as e:
    print('"".find()', '->', type(e).__name__, e)
try:
    print('"".find(1,2,3,4)', repr("".find(1,2,3,4)))
except Exception as e:
    print('"".find(1,2,3,4)', '->', type(e).__name__, e)
try:
    print('"".find(x=1)', repr("".find(x=1)))
except Exception as e:
    print('"".find(x=1)', '->', type(e).__name__, e)
try:
    print('"".find(1)', repr("".find(1)))
except Exception as e:
    print('"".find(1)', '->', type(e).__name__, e)
try:
    print('"".count()', repr("".count()))
except Exception as e:
    print('"".count()', '->', type(e).__name__, e)
try:
    print('"".count(x=1)', repr("".count(x=1)))
except Exception as e:
    print('"".count(x=1)', '->', type(e).__name__, e)
try:
    print('"".index()', repr("".index()))
except Exception as e:
    print('"".index()', '->', type(e).__name__, e)
try:
    print('"".rindex()', repr("".rindex()))
except Exception as e:
    print('"".rindex()', '->', type(e).__name__, e)
try:
    print('"".rfind()', repr("".rfind()))
except Exception as e:
    print('"".rfind()', '->', type(e).__name__, e)
try:
    print('"".find("a", "b")', repr("".find("a", "b")))
except Exception as e:
    print('"".find("a", "b")', '->', type(e).__name__, e)
try:
    print('"".split(1)', repr("".split(1)))
except Exception as e:
    print('"".split(1)', '->', type(e).__name__, e)
try:
    print('"".split("")', repr("".split("")))
except Exception as e:
    print('"".split("")', '->', type(e).__name__, e)
try:
    print('"".split(maxsplit="a")', repr("".split(maxsplit="a")))
except Exception as e:
    print('"".split(maxsplit="a")', '->', type(e).__name__, e)
"###,
        r###""".split(1,2,3) -> TypeError split() takes at most 2 arguments (3 given)
"".split(sepx=1) -> TypeError 'sepx' is an invalid keyword argument for split()
"".split(",", sep=",") -> TypeError argument for split() given by name ('sep') and position (1)
"".rsplit(1,2,3) -> TypeError rsplit() takes at most 2 arguments (3 given)
"".startswith() -> TypeError startswith() takes at least 1 argument (0 given)
"".startswith(x=1) -> TypeError str.startswith() takes no keyword arguments
"".endswith(1,2,3,4) -> TypeError endswith() takes at most 3 arguments (4 given)
"".replace() -> TypeError replace expected at least 2 arguments, got 0
"".replace("a") -> TypeError replace expected at least 2 arguments, got 1
"".replace("a","b",1,2) -> TypeError replace expected at most 3 arguments, got 4
"".replace("a","b",count=2) -> TypeError str.replace() takes no keyword arguments
"".join() -> TypeError str.join() takes exactly one argument (0 given)
"".join(1,2) -> TypeError str.join() takes exactly one argument (2 given)
"".join(iterable=[]) -> TypeError str.join() takes no keyword arguments
"".join(1) -> TypeError can only join an iterable
"-".join([1]) -> TypeError sequence item 0: expected str instance, int found
"".strip(1,2) -> TypeError strip expected at most 1 argument, got 2
"".strip(x=1) -> TypeError str.strip() takes no keyword arguments
"".lstrip(chars="x") -> TypeError str.lstrip() takes no keyword arguments
"".strip(1) -> TypeError strip arg must be None or str
"".upper(1) -> TypeError str.upper() takes no arguments (1 given)
"".upper(x=1) -> TypeError str.upper() takes no keyword arguments
"".isdigit(1) -> TypeError str.isdigit() takes no arguments (1 given)
"".find() -> TypeError find() takes at least 1 argument (0 given)
"".find(1,2,3,4) -> TypeError find() takes at most 3 arguments (4 given)
"".find(x=1) -> TypeError str.find() takes no keyword arguments
"".find(1) -> TypeError must be str, not int
"".count() -> TypeError count() takes at least 1 argument (0 given)
"".count(x=1) -> TypeError str.count() takes no keyword arguments
"".index() -> TypeError index() takes at least 1 argument (0 given)
"".rindex() -> TypeError rindex() takes at least 1 argument (0 given)
"".rfind() -> TypeError rfind() takes at least 1 argument (0 given)
"".find("a", "b") -> TypeError slice indices must be integers or None or have an __index__ method
"".split(1) -> TypeError must be str or None, not int
"".split("") -> ValueError empty separator
"".split(maxsplit="a") -> TypeError 'str' object cannot be interpreted as an integer
"###,
    );
}

/// The same table's results: keywords bound by name, `rindex`, slices of the searching methods.
#[test]
fn str_methods_give_cpythons_results() {
    check(
        r###"try:
    print('"a b c".split(maxsplit=1)', repr("a b c".split(maxsplit=1)))
except Exception as e:
    print('"a b c".split(maxsplit=1)', '->', type(e).__name__, e)
try:
    print('"a,b,c".rsplit(",", maxsplit=1)', repr("a,b,c".rsplit(",", maxsplit=1)))
except Exception as e:
    print('"a,b,c".rsplit(",", maxsplit=1)', '->', type(e).__name__, e)
try:
    print('"a b".split(sep=None)', repr("a b".split(sep=None)))
except Exception as e:
    print('"a b".split(sep=None)', '->', type(e).__name__, e)
try:
    print('"a,b".split(sep=",")', repr("a,b".split(sep=",")))
except Exception as e:
    print('"a,b".split(sep=",")', '->', type(e).__name__, e)
try:
    print('"x".lstrip("x")', repr("x".lstrip("x")))
except Exception as e:
    print('"x".lstrip("x")', '->', type(e).__name__, e)
try:
    print('"xyx".strip("x")', repr("xyx".strip("x")))
except Exception as e:
    print('"xyx".strip("x")', '->', type(e).__name__, e)
try:
    print('"  x ".rstrip()', repr("  x ".rstrip()))
except Exception as e:
    print('"  x ".rstrip()', '->', type(e).__name__, e)
try:
    print('"abcab".rindex("b")', repr("abcab".rindex("b")))
except Exception as e:
    print('"abcab".rindex("b")', '->', type(e).__name__, e)
try:
    print('"abc".rindex("z")', repr("abc".rindex("z")))
except Exception as e:
    print('"abc".rindex("z")', '->', type(e).__name__, e)
try:
    print('"abc".index("z")', repr("abc".index("z")))
except Exception as e:
    print('"abc".index("z")', '->', type(e).__name__, e)
try:
    print('"abc".startswith(("x", "a"))', repr("abc".startswith(("x", "a"))))
except Exception as e:
    print('"abc".startswith(("x", "a"))', '->', type(e).__name__, e)
try:
    print('"abc".endswith("c", 0, 2)', repr("abc".endswith("c", 0, 2)))
except Exception as e:
    print('"abc".endswith("c", 0, 2)', '->', type(e).__name__, e)
try:
    print('"aaa".count("a", 1)', repr("aaa".count("a", 1)))
except Exception as e:
    print('"aaa".count("a", 1)', '->', type(e).__name__, e)
try:
    print('"abc".find("c", None, None)', repr("abc".find("c", None, None)))
except Exception as e:
    print('"abc".find("c", None, None)', '->', type(e).__name__, e)
try:
    print('"abcabc".replace("b", "X", 1)', repr("abcabc".replace("b", "X", 1)))
except Exception as e:
    print('"abcabc".replace("b", "X", 1)', '->', type(e).__name__, e)
try:
    print('"abc".replace(1, "x")', repr("abc".replace(1, "x")))
except Exception as e:
    print('"abc".replace(1, "x")', '->', type(e).__name__, e)
try:
    print('"AbC".lower()', repr("AbC".lower()))
except Exception as e:
    print('"AbC".lower()', '->', type(e).__name__, e)
try:
    print('"abc".upper()', repr("abc".upper()))
except Exception as e:
    print('"abc".upper()', '->', type(e).__name__, e)
try:
    print('"abc".isalpha()', repr("abc".isalpha()))
except Exception as e:
    print('"abc".isalpha()', '->', type(e).__name__, e)
try:
    print('"123".isdigit()', repr("123".isdigit()))
except Exception as e:
    print('"123".isdigit()', '->', type(e).__name__, e)
try:
    print('" ".isspace()', repr(" ".isspace()))
except Exception as e:
    print('" ".isspace()', '->', type(e).__name__, e)
try:
    print('"_a1".isidentifier()', repr("_a1".isidentifier()))
except Exception as e:
    print('"_a1".isidentifier()', '->', type(e).__name__, e)
try:
    print('"-".join(["a", "b"])', repr("-".join(["a", "b"])))
except Exception as e:
    print('"-".join(["a", "b"])', '->', type(e).__name__, e)
try:
    print('"-".join({"a": 1, "b": 2}.keys())', repr("-".join({"a": 1, "b": 2}.keys())))
except Exception as e:
    print('"-".join({"a": 1, "b": 2}.keys())', '->', type(e).__name__, e)
try:
    print('"-".join(x for x in "ab")', repr("-".join(x for x in "ab")))
except Exception as e:
    print('"-".join(x for x in "ab")', '->', type(e).__name__, e)
"###,
        r###""a b c".split(maxsplit=1) ['a', 'b c']
"a,b,c".rsplit(",", maxsplit=1) ['a,b', 'c']
"a b".split(sep=None) ['a', 'b']
"a,b".split(sep=",") ['a', 'b']
"x".lstrip("x") ''
"xyx".strip("x") 'y'
"  x ".rstrip() '  x'
"abcab".rindex("b") 4
"abc".rindex("z") -> ValueError substring not found
"abc".index("z") -> ValueError substring not found
"abc".startswith(("x", "a")) True
"abc".endswith("c", 0, 2) False
"aaa".count("a", 1) 2
"abc".find("c", None, None) 2
"abcabc".replace("b", "X", 1) 'aXcabc'
"abc".replace(1, "x") -> TypeError replace() argument 1 must be str, not int
"AbC".lower() 'abc'
"abc".upper() 'ABC'
"abc".isalpha() True
"123".isdigit() True
" ".isspace() True
"_a1".isidentifier() True
"-".join(["a", "b"]) 'a-b'
"-".join({"a": 1, "b": 2}.keys()) 'a-b'
"-".join(x for x in "ab") 'a-b'
"###,
    );
}

/// `str.format` (`*args, **kwargs`) parses its fields as `unicode_format.h` does: numbering,
/// keywords, conversions, nested specs, `.attr` and `[key]`, and every parsing error.
#[test]
fn str_format_parses_fields_as_cpython() {
    check(
        r###"try:
    print('"{}{}".format(1)', repr("{}{}".format(1)))
except Exception as e:
    print('"{}{}".format(1)', '->', type(e).__name__, e)
try:
    print('"{0}{x}".format(1, x=2)', repr("{0}{x}".format(1, x=2)))
except Exception as e:
    print('"{0}{x}".format(1, x=2)', '->', type(e).__name__, e)
try:
    print('"{}{0}".format(1)', repr("{}{0}".format(1)))
except Exception as e:
    print('"{}{0}".format(1)', '->', type(e).__name__, e)
try:
    print('"{0}{}".format(1)', repr("{0}{}".format(1)))
except Exception as e:
    print('"{0}{}".format(1)', '->', type(e).__name__, e)
try:
    print('"{x}".format()', repr("{x}".format()))
except Exception as e:
    print('"{x}".format()', '->', type(e).__name__, e)
try:
    print('"{x}".format(y=1)', repr("{x}".format(y=1)))
except Exception as e:
    print('"{x}".format(y=1)', '->', type(e).__name__, e)
try:
    print('"{".format()', repr("{".format()))
except Exception as e:
    print('"{".format()', '->', type(e).__name__, e)
try:
    print('"}".format()', repr("}".format()))
except Exception as e:
    print('"}".format()', '->', type(e).__name__, e)
try:
    print('"a{{b}}c".format()', repr("a{{b}}c".format()))
except Exception as e:
    print('"a{{b}}c".format()', '->', type(e).__name__, e)
try:
    print('"{:>5}|{!r}|{!s:^7}".format(3, "q", "w")', repr("{:>5}|{!r}|{!s:^7}".format(3, "q", "w")))
except Exception as e:
    print('"{:>5}|{!r}|{!s:^7}".format(3, "q", "w")', '->', type(e).__name__, e)
try:
    print('"{0:{1}}".format(3, ">4")', repr("{0:{1}}".format(3, ">4")))
except Exception as e:
    print('"{0:{1}}".format(3, ">4")', '->', type(e).__name__, e)
try:
    print('"{0:{1:{2}}}".format(3, 4, 5)', repr("{0:{1:{2}}}".format(3, 4, 5)))
except Exception as e:
    print('"{0:{1:{2}}}".format(3, 4, 5)', '->', type(e).__name__, e)
try:
    print('"{!x}".format(1)', repr("{!x}".format(1)))
except Exception as e:
    print('"{!x}".format(1)', '->', type(e).__name__, e)
try:
    print('"{!r".format(1)', repr("{!r".format(1)))
except Exception as e:
    print('"{!r".format(1)', '->', type(e).__name__, e)
try:
    print('"{!".format(1)', repr("{!".format(1)))
except Exception as e:
    print('"{!".format(1)', '->', type(e).__name__, e)
try:
    print('"{0!r:}".format("a")', repr("{0!r:}".format("a")))
except Exception as e:
    print('"{0!r:}".format("a")', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format([5, 6])', repr("{0[1]}".format([5, 6])))
except Exception as e:
    print('"{0[1]}".format([5, 6])', '->', type(e).__name__, e)
try:
    print('"{0[5]}".format([5, 6])', repr("{0[5]}".format([5, 6])))
except Exception as e:
    print('"{0[5]}".format([5, 6])', '->', type(e).__name__, e)
try:
    print('"{0[a]}".format({"a": 7})', repr("{0[a]}".format({"a": 7})))
except Exception as e:
    print('"{0[a]}".format({"a": 7})', '->', type(e).__name__, e)
try:
    print('"{0[b]}".format({"a": 7})', repr("{0[b]}".format({"a": 7})))
except Exception as e:
    print('"{0[b]}".format({"a": 7})', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format({1: 8})', repr("{0[1]}".format({1: 8})))
except Exception as e:
    print('"{0[1]}".format({1: 8})', '->', type(e).__name__, e)
try:
    print('"{0[a]}".format([1])', repr("{0[a]}".format([1])))
except Exception as e:
    print('"{0[a]}".format([1])', '->', type(e).__name__, e)
try:
    print('"{0[0]}".format(5)', repr("{0[0]}".format(5)))
except Exception as e:
    print('"{0[0]}".format(5)', '->', type(e).__name__, e)
try:
    print('"{0.}".format(5)', repr("{0.}".format(5)))
except Exception as e:
    print('"{0.}".format(5)', '->', type(e).__name__, e)
try:
    print('"{0[}".format(5)', repr("{0[}".format(5)))
except Exception as e:
    print('"{0[}".format(5)', '->', type(e).__name__, e)
try:
    print('"{0[0]x}".format([5])', repr("{0[0]x}".format([5])))
except Exception as e:
    print('"{0[0]x}".format([5])', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format("abc")', repr("{0[1]}".format("abc")))
except Exception as e:
    print('"{0[1]}".format("abc")', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format((1, 2))', repr("{0[1]}".format((1, 2))))
except Exception as e:
    print('"{0[1]}".format((1, 2))', '->', type(e).__name__, e)
try:
    print('"{0[7]}".format((1, 2))', repr("{0[7]}".format((1, 2))))
except Exception as e:
    print('"{0[7]}".format((1, 2))', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format(range(5))', repr("{0[1]}".format(range(5))))
except Exception as e:
    print('"{0[1]}".format(range(5))', '->', type(e).__name__, e)
try:
    print('"{0[1]}".format(b"ab")', repr("{0[1]}".format(b"ab")))
except Exception as e:
    print('"{0[1]}".format(b"ab")', '->', type(e).__name__, e)
try:
    print('"{a{}".format()', repr("{a{}".format()))
except Exception as e:
    print('"{a{}".format()', '->', type(e).__name__, e)
try:
    print('"{:d}".format("s")', repr("{:d}".format("s")))
except Exception as e:
    print('"{:d}".format("s")', '->', type(e).__name__, e)
try:
    print('"{0.real}".format(5)', repr("{0.real}".format(5)))
except Exception as e:
    print('"{0.real}".format(5)', '->', type(e).__name__, e)
try:
    print('"{99999999999999999999}".format()', repr("{99999999999999999999}".format()))
except Exception as e:
    print('"{99999999999999999999}".format()', '->', type(e).__name__, e)
"###,
        r###""{}{}".format(1) -> IndexError Replacement index 1 out of range for positional args tuple
"{0}{x}".format(1, x=2) '12'
"{}{0}".format(1) -> ValueError cannot switch from automatic field numbering to manual field specification
"{0}{}".format(1) -> ValueError cannot switch from manual field specification to automatic field numbering
"{x}".format() -> KeyError 'x'
"{x}".format(y=1) -> KeyError 'x'
"{".format() -> ValueError Single '{' encountered in format string
"}".format() -> ValueError Single '}' encountered in format string
"a{{b}}c".format() 'a{b}c'
"{:>5}|{!r}|{!s:^7}".format(3, "q", "w") "    3|'q'|   w   "
"{0:{1}}".format(3, ">4") '   3'
"{0:{1:{2}}}".format(3, 4, 5) -> ValueError Max string recursion exceeded
"{!x}".format(1) -> ValueError Unknown conversion specifier x
"{!r".format(1) -> ValueError unmatched '{' in format spec
"{!".format(1) -> ValueError end of string while looking for conversion specifier
"{0!r:}".format("a") "'a'"
"{0[1]}".format([5, 6]) '6'
"{0[5]}".format([5, 6]) -> IndexError list index out of range
"{0[a]}".format({"a": 7}) '7'
"{0[b]}".format({"a": 7}) -> KeyError 'b'
"{0[1]}".format({1: 8}) '8'
"{0[a]}".format([1]) -> TypeError list indices must be integers or slices, not str
"{0[0]}".format(5) -> TypeError 'int' object is not subscriptable
"{0.}".format(5) -> ValueError Empty attribute in format string
"{0[}".format(5) -> ValueError expected '}' before end of string
"{0[0]x}".format([5]) -> ValueError Only '.' or '[' may follow ']' in format field specifier
"{0[1]}".format("abc") 'b'
"{0[1]}".format((1, 2)) '2'
"{0[7]}".format((1, 2)) -> IndexError tuple index out of range
"{0[1]}".format(range(5)) '1'
"{0[1]}".format(b"ab") '98'
"{a{}".format() -> ValueError unexpected '{' in field name
"{:d}".format("s") -> ValueError Unknown format code 'd' for object of type 'str'
"{0.real}".format(5) '5'
"{99999999999999999999}".format() -> ValueError Too many decimal digits in format string
"###,
    );
}

/// `int`, `float` and `range` methods come from their tables; a bool is an int.
#[test]
fn int_float_and_range_methods_check_their_arguments_as_cpython() {
    check(
        r###"try:
    print('(1).bit_length(1)', repr((1).bit_length(1)))
except Exception as e:
    print('(1).bit_length(1)', '->', type(e).__name__, e)
try:
    print('(1).bit_length(x=1)', repr((1).bit_length(x=1)))
except Exception as e:
    print('(1).bit_length(x=1)', '->', type(e).__name__, e)
try:
    print('(255).bit_length()', repr((255).bit_length()))
except Exception as e:
    print('(255).bit_length()', '->', type(e).__name__, e)
try:
    print('(-2**100).bit_length()', repr((-2**100).bit_length()))
except Exception as e:
    print('(-2**100).bit_length()', '->', type(e).__name__, e)
try:
    print('True.bit_length()', repr(True.bit_length()))
except Exception as e:
    print('True.bit_length()', '->', type(e).__name__, e)
try:
    print('(1).bit_count(1)', repr((1).bit_count(1)))
except Exception as e:
    print('(1).bit_count(1)', '->', type(e).__name__, e)
try:
    print('(-5).bit_count()', repr((-5).bit_count()))
except Exception as e:
    print('(-5).bit_count()', '->', type(e).__name__, e)
try:
    print('(2**100 - 1).bit_count()', repr((2**100 - 1).bit_count()))
except Exception as e:
    print('(2**100 - 1).bit_count()', '->', type(e).__name__, e)
try:
    print('True.bit_count()', repr(True.bit_count()))
except Exception as e:
    print('True.bit_count()', '->', type(e).__name__, e)
try:
    print('True.as_integer_ratio()', repr(True.as_integer_ratio()))
except Exception as e:
    print('True.as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(7).as_integer_ratio()', repr((7).as_integer_ratio()))
except Exception as e:
    print('(7).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(1).as_integer_ratio(1)', repr((1).as_integer_ratio(1)))
except Exception as e:
    print('(1).as_integer_ratio(1)', '->', type(e).__name__, e)
try:
    print('(1).is_integer()', repr((1).is_integer()))
except Exception as e:
    print('(1).is_integer()', '->', type(e).__name__, e)
try:
    print('(1).is_integer(x=1)', repr((1).is_integer(x=1)))
except Exception as e:
    print('(1).is_integer(x=1)', '->', type(e).__name__, e)
try:
    print('(1).conjugate(1)', repr((1).conjugate(1)))
except Exception as e:
    print('(1).conjugate(1)', '->', type(e).__name__, e)
try:
    print('(3).conjugate()', repr((3).conjugate()))
except Exception as e:
    print('(3).conjugate()', '->', type(e).__name__, e)
try:
    print('False.conjugate()', repr(False.conjugate()))
except Exception as e:
    print('False.conjugate()', '->', type(e).__name__, e)
try:
    print('(1.0).is_integer(1)', repr((1.0).is_integer(1)))
except Exception as e:
    print('(1.0).is_integer(1)', '->', type(e).__name__, e)
try:
    print('(1.5).is_integer()', repr((1.5).is_integer()))
except Exception as e:
    print('(1.5).is_integer()', '->', type(e).__name__, e)
try:
    print('(2.0).is_integer()', repr((2.0).is_integer()))
except Exception as e:
    print('(2.0).is_integer()', '->', type(e).__name__, e)
try:
    print('float("inf").is_integer()', repr(float("inf").is_integer()))
except Exception as e:
    print('float("inf").is_integer()', '->', type(e).__name__, e)
try:
    print('float("nan").is_integer()', repr(float("nan").is_integer()))
except Exception as e:
    print('float("nan").is_integer()', '->', type(e).__name__, e)
try:
    print('(0.1).as_integer_ratio()', repr((0.1).as_integer_ratio()))
except Exception as e:
    print('(0.1).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(-2.5).as_integer_ratio()', repr((-2.5).as_integer_ratio()))
except Exception as e:
    print('(-2.5).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(1e300).as_integer_ratio()', repr((1e300).as_integer_ratio()))
except Exception as e:
    print('(1e300).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(5e-324).as_integer_ratio()', repr((5e-324).as_integer_ratio()))
except Exception as e:
    print('(5e-324).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(-0.0).as_integer_ratio()', repr((-0.0).as_integer_ratio()))
except Exception as e:
    print('(-0.0).as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('float("inf").as_integer_ratio()', repr(float("inf").as_integer_ratio()))
except Exception as e:
    print('float("inf").as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('float("-inf").as_integer_ratio()', repr(float("-inf").as_integer_ratio()))
except Exception as e:
    print('float("-inf").as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('float("nan").as_integer_ratio()', repr(float("nan").as_integer_ratio()))
except Exception as e:
    print('float("nan").as_integer_ratio()', '->', type(e).__name__, e)
try:
    print('(1.5).as_integer_ratio(x=1)', repr((1.5).as_integer_ratio(x=1)))
except Exception as e:
    print('(1.5).as_integer_ratio(x=1)', '->', type(e).__name__, e)
try:
    print('(1.5).conjugate()', repr((1.5).conjugate()))
except Exception as e:
    print('(1.5).conjugate()', '->', type(e).__name__, e)
try:
    print('(1.5).conjugate(1)', repr((1.5).conjugate(1)))
except Exception as e:
    print('(1.5).conjugate(1)', '->', type(e).__name__, e)
try:
    print('(1.5).bit_length()', repr((1.5).bit_length()))
except Exception as e:
    print('(1.5).bit_length()', '->', type(e).__name__, e)
try:
    print('range(3).index()', repr(range(3).index()))
except Exception as e:
    print('range(3).index()', '->', type(e).__name__, e)
try:
    print('range(3).count(1,2)', repr(range(3).count(1,2)))
except Exception as e:
    print('range(3).count(1,2)', '->', type(e).__name__, e)
try:
    print('range(3).index(x=1)', repr(range(3).index(x=1)))
except Exception as e:
    print('range(3).index(x=1)', '->', type(e).__name__, e)
try:
    print('range(3).index(2)', repr(range(3).index(2)))
except Exception as e:
    print('range(3).index(2)', '->', type(e).__name__, e)
try:
    print('range(3).index(7)', repr(range(3).index(7)))
except Exception as e:
    print('range(3).index(7)', '->', type(e).__name__, e)
try:
    print('range(3).index("a")', repr(range(3).index("a")))
except Exception as e:
    print('range(3).index("a")', '->', type(e).__name__, e)
try:
    print('range(0, 10**20, 3).count(9)', repr(range(0, 10**20, 3).count(9)))
except Exception as e:
    print('range(0, 10**20, 3).count(9)', '->', type(e).__name__, e)
try:
    print('range(0, 10**20, 3).index(10**19 + 9)', repr(range(0, 10**20, 3).index(10**19 + 9)))
except Exception as e:
    print('range(0, 10**20, 3).index(10**19 + 9)', '->', type(e).__name__, e)
try:
    print('range(3).count()', repr(range(3).count()))
except Exception as e:
    print('range(3).count()', '->', type(e).__name__, e)
"###,
        r###"(1).bit_length(1) -> TypeError int.bit_length() takes no arguments (1 given)
(1).bit_length(x=1) -> TypeError int.bit_length() takes no keyword arguments
(255).bit_length() 8
(-2**100).bit_length() 101
True.bit_length() 1
(1).bit_count(1) -> TypeError int.bit_count() takes no arguments (1 given)
(-5).bit_count() 2
(2**100 - 1).bit_count() 100
True.bit_count() 1
True.as_integer_ratio() (1, 1)
(7).as_integer_ratio() (7, 1)
(1).as_integer_ratio(1) -> TypeError int.as_integer_ratio() takes no arguments (1 given)
(1).is_integer() True
(1).is_integer(x=1) -> TypeError int.is_integer() takes no keyword arguments
(1).conjugate(1) -> TypeError int.conjugate() takes no arguments (1 given)
(3).conjugate() 3
False.conjugate() 0
(1.0).is_integer(1) -> TypeError float.is_integer() takes no arguments (1 given)
(1.5).is_integer() False
(2.0).is_integer() True
float("inf").is_integer() False
float("nan").is_integer() False
(0.1).as_integer_ratio() (3602879701896397, 36028797018963968)
(-2.5).as_integer_ratio() (-5, 2)
(1e300).as_integer_ratio() (1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160, 1)
(5e-324).as_integer_ratio() (1, 202402253307310618352495346718917307049556649764142118356901358027430339567995346891960383701437124495187077864316811911389808737385793476867013399940738509921517424276566361364466907742093216341239767678472745068562007483424692698618103355649159556340810056512358769552333414615230502532186327508646006263307707741093494784)
(-0.0).as_integer_ratio() (0, 1)
float("inf").as_integer_ratio() -> OverflowError cannot convert Infinity to integer ratio
float("-inf").as_integer_ratio() -> OverflowError cannot convert Infinity to integer ratio
float("nan").as_integer_ratio() -> ValueError cannot convert NaN to integer ratio
(1.5).as_integer_ratio(x=1) -> TypeError float.as_integer_ratio() takes no keyword arguments
(1.5).conjugate() 1.5
(1.5).conjugate(1) -> TypeError float.conjugate() takes no arguments (1 given)
(1.5).bit_length() -> AttributeError 'float' object has no attribute 'bit_length'
range(3).index() -> TypeError range.index() takes exactly one argument (0 given)
range(3).count(1,2) -> TypeError range.count() takes exactly one argument (2 given)
range(3).index(x=1) -> TypeError range.index() takes no keyword arguments
range(3).index(2) 2
range(3).index(7) -> ValueError 7 is not in range
range(3).index("a") -> ValueError sequence.index(x): x not in sequence
range(0, 10**20, 3).count(9) 1
range(0, 10**20, 3).index(10**19 + 9) -> ValueError 10000000000000000009 is not in range
range(3).count() -> TypeError range.count() takes exactly one argument (0 given)
"###,
    );
}

/// Bound methods (`m = s.split`) call the same tables; `str.format` returns a `str` argument
/// or the receiver itself where CPython's writer does.
#[test]
fn bound_str_and_number_methods_are_the_tables() {
    check(
        r###"m = "a,b".split
print(m(","), m(sep=",", maxsplit=0))
m = True.bit_length
print(m())
m = (0.75).as_integer_ratio
print(m())
m = range(3).index
print(m(2))
m = "{x}-{}".format
print(m(1, x=2))
try:
    m()
except Exception as e:
    print(type(e).__name__, e)
m = "abca".rindex
print(m("a"))
s = "hello"
print("{}".format(s) is s, s.format() is s, "{!s}".format(s) is s, "a{}".format(s) is s)
class C:
    def __init__(self):
        self.v = 42
print("{0.v}".format(C()))
try:
    print("{0.w}".format(C()))
except AttributeError as e:
    print("AttributeError", e)
"###,
        r###"['a', 'b'] ['a,b']
1
(3, 4)
2
2-1
KeyError 'x'
3
True True True False
42
AttributeError 'C' object has no attribute 'w'
"###,
    );
}
