//! Issue 12, item 2: the methods of `dict` are declared once (`DICT_METHODS` in
//! `objects/src/types/dict/methods.rs`), with Argument Clinic's checks. One exact transcript
//! of their argument errors (arity, keywords, wrong types) against CPython 3.12.1's
//! (`PYTHONHASHSEED=0`): pyrt has no `eval`, so each case is its own `try`.

mod transcript;

use transcript::check;

#[test]
fn dict_methods_check_their_arguments_as_cpython() {
    check(
        r#"d = {'a': 1}
e = {}
m = d.get
try:
    print('d.get()', repr(d.get()))
except Exception as ex:
    print('d.get()', '->', type(ex).__name__, ex)
try:
    print('d.get(1, 2, 3)', repr(d.get(1, 2, 3)))
except Exception as ex:
    print('d.get(1, 2, 3)', '->', type(ex).__name__, ex)
try:
    print('d.get(k=1)', repr(d.get(k=1)))
except Exception as ex:
    print('d.get(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.get([])', repr(d.get([])))
except Exception as ex:
    print('d.get([])', '->', type(ex).__name__, ex)
try:
    print("d.get('a', 0, x=1)", repr(d.get('a', 0, x=1)))
except Exception as ex:
    print("d.get('a', 0, x=1)", '->', type(ex).__name__, ex)
try:
    print('d.setdefault()', repr(d.setdefault()))
except Exception as ex:
    print('d.setdefault()', '->', type(ex).__name__, ex)
try:
    print('d.setdefault(1, 2, 3)', repr(d.setdefault(1, 2, 3)))
except Exception as ex:
    print('d.setdefault(1, 2, 3)', '->', type(ex).__name__, ex)
try:
    print('d.setdefault(key=1)', repr(d.setdefault(key=1)))
except Exception as ex:
    print('d.setdefault(key=1)', '->', type(ex).__name__, ex)
try:
    print('d.setdefault([])', repr(d.setdefault([])))
except Exception as ex:
    print('d.setdefault([])', '->', type(ex).__name__, ex)
try:
    print('d.pop()', repr(d.pop()))
except Exception as ex:
    print('d.pop()', '->', type(ex).__name__, ex)
try:
    print('d.pop(1, 2, 3)', repr(d.pop(1, 2, 3)))
except Exception as ex:
    print('d.pop(1, 2, 3)', '->', type(ex).__name__, ex)
try:
    print('d.pop(k=1)', repr(d.pop(k=1)))
except Exception as ex:
    print('d.pop(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.pop([])', repr(d.pop([])))
except Exception as ex:
    print('d.pop([])', '->', type(ex).__name__, ex)
try:
    print("d.pop('z')", repr(d.pop('z')))
except Exception as ex:
    print("d.pop('z')", '->', type(ex).__name__, ex)
try:
    print('d.pop((1, [2]))', repr(d.pop((1, [2]))))
except Exception as ex:
    print('d.pop((1, [2]))', '->', type(ex).__name__, ex)
try:
    print('e.pop([])', repr(e.pop([])))
except Exception as ex:
    print('e.pop([])', '->', type(ex).__name__, ex)
try:
    print('e.pop([], 1)', repr(e.pop([], 1)))
except Exception as ex:
    print('e.pop([], 1)', '->', type(ex).__name__, ex)
try:
    print('d.popitem(1)', repr(d.popitem(1)))
except Exception as ex:
    print('d.popitem(1)', '->', type(ex).__name__, ex)
try:
    print('d.popitem(k=1)', repr(d.popitem(k=1)))
except Exception as ex:
    print('d.popitem(k=1)', '->', type(ex).__name__, ex)
try:
    print('e.popitem()', repr(e.popitem()))
except Exception as ex:
    print('e.popitem()', '->', type(ex).__name__, ex)
try:
    print('d.keys(1)', repr(d.keys(1)))
except Exception as ex:
    print('d.keys(1)', '->', type(ex).__name__, ex)
try:
    print('d.keys(k=1)', repr(d.keys(k=1)))
except Exception as ex:
    print('d.keys(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.values(1)', repr(d.values(1)))
except Exception as ex:
    print('d.values(1)', '->', type(ex).__name__, ex)
try:
    print('d.values(k=1)', repr(d.values(k=1)))
except Exception as ex:
    print('d.values(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.items(1)', repr(d.items(1)))
except Exception as ex:
    print('d.items(1)', '->', type(ex).__name__, ex)
try:
    print('d.items(k=1)', repr(d.items(k=1)))
except Exception as ex:
    print('d.items(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.update(1, 2)', repr(d.update(1, 2)))
except Exception as ex:
    print('d.update(1, 2)', '->', type(ex).__name__, ex)
try:
    print('d.update({}, {}, x=1)', repr(d.update({}, {}, x=1)))
except Exception as ex:
    print('d.update({}, {}, x=1)', '->', type(ex).__name__, ex)
try:
    print('d.update(1)', repr(d.update(1)))
except Exception as ex:
    print('d.update(1)', '->', type(ex).__name__, ex)
try:
    print('d.update(None, a=1)', repr(d.update(None, a=1)))
except Exception as ex:
    print('d.update(None, a=1)', '->', type(ex).__name__, ex)
try:
    print('d.update([1])', repr(d.update([1])))
except Exception as ex:
    print('d.update([1])', '->', type(ex).__name__, ex)
try:
    print('d.update([(1,)])', repr(d.update([(1,)])))
except Exception as ex:
    print('d.update([(1,)])', '->', type(ex).__name__, ex)
try:
    print("d.update('ab')", repr(d.update('ab')))
except Exception as ex:
    print("d.update('ab')", '->', type(ex).__name__, ex)
try:
    print("d.update(['abc'])", repr(d.update(['abc'])))
except Exception as ex:
    print("d.update(['abc'])", '->', type(ex).__name__, ex)
try:
    print('d.update([(1, 2), 3])', repr(d.update([(1, 2), 3])))
except Exception as ex:
    print('d.update([(1, 2), 3])', '->', type(ex).__name__, ex)
try:
    print('d.update([(1, 2), ([], 3)])', repr(d.update([(1, 2), ([], 3)])))
except Exception as ex:
    print('d.update([(1, 2), ([], 3)])', '->', type(ex).__name__, ex)
try:
    print('d.update([[1, 2]], b=2)', repr(d.update([[1, 2]], b=2)))
except Exception as ex:
    print('d.update([[1, 2]], b=2)', '->', type(ex).__name__, ex)
try:
    print("d.update(c=3)", repr(d.update(c=3)))
except Exception as ex:
    print("d.update(c=3)", '->', type(ex).__name__, ex)
try:
    print('d.clear(1)', repr(d.clear(1)))
except Exception as ex:
    print('d.clear(1)', '->', type(ex).__name__, ex)
try:
    print('d.clear(k=1)', repr(d.clear(k=1)))
except Exception as ex:
    print('d.clear(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.copy(1)', repr(d.copy(1)))
except Exception as ex:
    print('d.copy(1)', '->', type(ex).__name__, ex)
try:
    print('d.copy(k=1)', repr(d.copy(k=1)))
except Exception as ex:
    print('d.copy(k=1)', '->', type(ex).__name__, ex)
try:
    print('d.fromkeys()', repr(d.fromkeys()))
except Exception as ex:
    print('d.fromkeys()', '->', type(ex).__name__, ex)
try:
    print('d.fromkeys(1)', repr(d.fromkeys(1)))
except Exception as ex:
    print('d.fromkeys(1)', '->', type(ex).__name__, ex)
try:
    print('d.fromkeys(1, 2, 3)', repr(d.fromkeys(1, 2, 3)))
except Exception as ex:
    print('d.fromkeys(1, 2, 3)', '->', type(ex).__name__, ex)
try:
    print('d.fromkeys(iterable=1)', repr(d.fromkeys(iterable=1)))
except Exception as ex:
    print('d.fromkeys(iterable=1)', '->', type(ex).__name__, ex)
try:
    print('d.fromkeys([[]])', repr(d.fromkeys([[]])))
except Exception as ex:
    print('d.fromkeys([[]])', '->', type(ex).__name__, ex)
try:
    print("d.fromkeys('ab', 0)", repr(d.fromkeys('ab', 0)))
except Exception as ex:
    print("d.fromkeys('ab', 0)", '->', type(ex).__name__, ex)
try:
    print('dict(1, 2)', repr(dict(1, 2)))
except Exception as ex:
    print('dict(1, 2)', '->', type(ex).__name__, ex)
try:
    print('dict(1)', repr(dict(1)))
except Exception as ex:
    print('dict(1)', '->', type(ex).__name__, ex)
try:
    print('dict([1])', repr(dict([1])))
except Exception as ex:
    print('dict([1])', '->', type(ex).__name__, ex)
try:
    print('dict([(1, 2, 3)])', repr(dict([(1, 2, 3)])))
except Exception as ex:
    print('dict([(1, 2, 3)])', '->', type(ex).__name__, ex)
try:
    print('dict(None)', repr(dict(None)))
except Exception as ex:
    print('dict(None)', '->', type(ex).__name__, ex)
try:
    print('dict([[]])', repr(dict([[]])))
except Exception as ex:
    print('dict([[]])', '->', type(ex).__name__, ex)
try:
    print('dict([([], 1)])', repr(dict([([], 1)])))
except Exception as ex:
    print('dict([([], 1)])', '->', type(ex).__name__, ex)
try:
    print("dict([('k', 1)], k=2)", repr(dict([('k', 1)], k=2)))
except Exception as ex:
    print("dict([('k', 1)], k=2)", '->', type(ex).__name__, ex)
try:
    print('m()', repr(m()))
except Exception as ex:
    print('m()', '->', type(ex).__name__, ex)
try:
    print("m('a', 1, 2)", repr(m('a', 1, 2)))
except Exception as ex:
    print("m('a', 1, 2)", '->', type(ex).__name__, ex)
try:
    print('{**1}', repr({**1}))
except Exception as ex:
    print('{**1}', '->', type(ex).__name__, ex)
try:
    print("{'a': 1, **[]}", repr({'a': 1, **[]}))
except Exception as ex:
    print("{'a': 1, **[]}", '->', type(ex).__name__, ex)
try:
    print('d', repr(d))
except Exception as ex:
    print('d', '->', type(ex).__name__, ex)
"#,
        r#"d.get() -> TypeError get expected at least 1 argument, got 0
d.get(1, 2, 3) -> TypeError get expected at most 2 arguments, got 3
d.get(k=1) -> TypeError dict.get() takes no keyword arguments
d.get([]) -> TypeError unhashable type: 'list'
d.get('a', 0, x=1) -> TypeError dict.get() takes no keyword arguments
d.setdefault() -> TypeError setdefault expected at least 1 argument, got 0
d.setdefault(1, 2, 3) -> TypeError setdefault expected at most 2 arguments, got 3
d.setdefault(key=1) -> TypeError dict.setdefault() takes no keyword arguments
d.setdefault([]) -> TypeError unhashable type: 'list'
d.pop() -> TypeError pop expected at least 1 argument, got 0
d.pop(1, 2, 3) -> TypeError pop expected at most 2 arguments, got 3
d.pop(k=1) -> TypeError dict.pop() takes no keyword arguments
d.pop([]) -> TypeError unhashable type: 'list'
d.pop('z') -> KeyError 'z'
d.pop((1, [2])) -> TypeError unhashable type: 'list'
e.pop([]) -> KeyError []
e.pop([], 1) 1
d.popitem(1) -> TypeError dict.popitem() takes no arguments (1 given)
d.popitem(k=1) -> TypeError dict.popitem() takes no keyword arguments
e.popitem() -> KeyError 'popitem(): dictionary is empty'
d.keys(1) -> TypeError dict.keys() takes no arguments (1 given)
d.keys(k=1) -> TypeError dict.keys() takes no keyword arguments
d.values(1) -> TypeError dict.values() takes no arguments (1 given)
d.values(k=1) -> TypeError dict.values() takes no keyword arguments
d.items(1) -> TypeError dict.items() takes no arguments (1 given)
d.items(k=1) -> TypeError dict.items() takes no keyword arguments
d.update(1, 2) -> TypeError update expected at most 1 argument, got 2
d.update({}, {}, x=1) -> TypeError update expected at most 1 argument, got 2
d.update(1) -> TypeError 'int' object is not iterable
d.update(None, a=1) -> TypeError 'NoneType' object is not iterable
d.update([1]) -> TypeError cannot convert dictionary update sequence element #0 to a sequence
d.update([(1,)]) -> ValueError dictionary update sequence element #0 has length 1; 2 is required
d.update('ab') -> ValueError dictionary update sequence element #0 has length 1; 2 is required
d.update(['abc']) -> ValueError dictionary update sequence element #0 has length 3; 2 is required
d.update([(1, 2), 3]) -> TypeError cannot convert dictionary update sequence element #1 to a sequence
d.update([(1, 2), ([], 3)]) -> TypeError unhashable type: 'list'
d.update([[1, 2]], b=2) None
d.update(c=3) None
d.clear(1) -> TypeError dict.clear() takes no arguments (1 given)
d.clear(k=1) -> TypeError dict.clear() takes no keyword arguments
d.copy(1) -> TypeError dict.copy() takes no arguments (1 given)
d.copy(k=1) -> TypeError dict.copy() takes no keyword arguments
d.fromkeys() -> TypeError fromkeys expected at least 1 argument, got 0
d.fromkeys(1) -> TypeError 'int' object is not iterable
d.fromkeys(1, 2, 3) -> TypeError fromkeys expected at most 2 arguments, got 3
d.fromkeys(iterable=1) -> TypeError dict.fromkeys() takes no keyword arguments
d.fromkeys([[]]) -> TypeError unhashable type: 'list'
d.fromkeys('ab', 0) {'a': 0, 'b': 0}
dict(1, 2) -> TypeError dict expected at most 1 argument, got 2
dict(1) -> TypeError 'int' object is not iterable
dict([1]) -> TypeError cannot convert dictionary update sequence element #0 to a sequence
dict([(1, 2, 3)]) -> ValueError dictionary update sequence element #0 has length 3; 2 is required
dict(None) -> TypeError 'NoneType' object is not iterable
dict([[]]) -> ValueError dictionary update sequence element #0 has length 0; 2 is required
dict([([], 1)]) -> TypeError unhashable type: 'list'
dict([('k', 1)], k=2) {'k': 2}
m() -> TypeError get expected at least 1 argument, got 0
m('a', 1, 2) -> TypeError get expected at most 2 arguments, got 3
{**1} -> TypeError 'int' object is not a mapping
{'a': 1, **[]} -> TypeError 'list' object is not a mapping
d {'a': 1, 1: 2, 'b': 2, 'c': 3}
"#,
    );
}

/// `{**x}` merges each mapping where it stands, between the pairs around it, and raises before
/// the items after a bad one are evaluated (`compiler_dict`'s `BUILD_MAP` / `DICT_UPDATE`).
#[test]
fn dict_displays_unpack_in_order() {
    check(
        r#"import sys
x = {'b': 2, 'a': 0}
print({**{1: 2}, 'a': 3}, {'a': 1, **x, 'c': 3}, {**x}, {'a': 1, **x, 'a': 5})
print(sys.getsizeof({**x}), sys.getsizeof({'q': 1, **x}), sys.getsizeof({**x, 'q': 1, 'r': 2, 's': 3, 't': 4, 'u': 5, 'v': 6}))
def f():
    print('called')
    return 1
try:
    print({**x, **1, 'z': f()})
except TypeError as e:
    print('TypeError', e)
print({'z': f(), **x})
"#,
        r#"{1: 2, 'a': 3} {'a': 0, 'b': 2, 'c': 3} {'b': 2, 'a': 0} {'a': 5, 'b': 2}
184 184 272
TypeError 'int' object is not a mapping
called
{'z': 1, 'b': 2, 'a': 0}
"#,
    );
}
