//! `set` and `frozenset` methods come from one table each (`set_methods.rs`, CPython's
//! `set_methods` and `frozenset_methods`): every arity, keyword, argument-type and
//! unhashable-element error is CPython's, the methods taking `*others` accept any iterables, and
//! the results (values, and the tables they leave: `sys.getsizeof`) match. One `try` per case,
//! each on fresh sets: `s = {1, 2, 3}`, `f = frozenset([1, 2])`, `big = set(range(100))`,
//! `small = set(range(4))`. The expectations were produced by `python3.12` (3.12.1, 64-bit,
//! `PYTHONHASHSEED=0`).

mod transcript;

use transcript::check;

/// Arity and keyword errors (`METH_NOARGS`, `METH_O`, `METH_VARARGS`), wrong argument types
/// (`'int' object is not iterable`), the constructors' checks, frozenset's missing methods and
/// unhashable elements — including the early exits that never hash them
/// (`{1}.intersection([1, []])`, `{1}.issuperset([2, []])`).
#[test]
fn set_methods_check_their_arguments_as_cpython() {
    check(
        r#"import sys
def fresh():
    return {1, 2, 3}, frozenset([1, 2]), set(range(100)), set(range(4))
def show(label, r, s, f, big, small):
    print(label, repr(r), s, f, len(big), sys.getsizeof(big), small, sys.getsizeof(small))
s, f, big, small = fresh()
try:
    show('s.add()', s.add(), s, f, big, small)
except Exception as e:
    print('s.add()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.add(1, 2)', s.add(1, 2), s, f, big, small)
except Exception as e:
    print('s.add(1, 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.add(x=1)', s.add(x=1), s, f, big, small)
except Exception as e:
    print('s.add(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.clear(1)', s.clear(1), s, f, big, small)
except Exception as e:
    print('s.clear(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.pop(1)', s.pop(1), s, f, big, small)
except Exception as e:
    print('s.pop(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.copy(1)', s.copy(1), s, f, big, small)
except Exception as e:
    print('s.copy(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.discard()', s.discard(), s, f, big, small)
except Exception as e:
    print('s.discard()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.remove(1, 2)', s.remove(1, 2), s, f, big, small)
except Exception as e:
    print('s.remove(1, 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update(x=1)', s.update(x=1), s, f, big, small)
except Exception as e:
    print('s.update(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update([1], x=1)', s.update([1], x=1), s, f, big, small)
except Exception as e:
    print('s.update([1], x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union(x=1)', s.union(x=1), s, f, big, small)
except Exception as e:
    print('s.union(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.union(x=1)', f.union(x=1), s, f, big, small)
except Exception as e:
    print('f.union(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.intersection(x=1)', f.intersection(x=1), s, f, big, small)
except Exception as e:
    print('f.intersection(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update(x=[])', s.difference_update(x=[]), s, f, big, small)
except Exception as e:
    print('s.difference_update(x=[])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection_update(y=1)', s.intersection_update(y=1), s, f, big, small)
except Exception as e:
    print('s.intersection_update(y=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issubset()', s.issubset(), s, f, big, small)
except Exception as e:
    print('s.issubset()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.issubset()', f.issubset(), s, f, big, small)
except Exception as e:
    print('f.issubset()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.isdisjoint(1, 2)', f.isdisjoint(1, 2), s, f, big, small)
except Exception as e:
    print('f.isdisjoint(1, 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issuperset(x=1)', s.issuperset(x=1), s, f, big, small)
except Exception as e:
    print('s.issuperset(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference()', s.symmetric_difference(), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference_update(1, 2)', s.symmetric_difference_update(1, 2), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference_update(1, 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.copy(1)', f.copy(1), s, f, big, small)
except Exception as e:
    print('f.copy(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.symmetric_difference()', f.symmetric_difference(), s, f, big, small)
except Exception as e:
    print('f.symmetric_difference()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.difference(y=2)', f.difference(y=2), s, f, big, small)
except Exception as e:
    print('f.difference(y=2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update(1)', s.update(1), s, f, big, small)
except Exception as e:
    print('s.update(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update([1], 2)', s.update([1], 2), s, f, big, small)
except Exception as e:
    print('s.update([1], 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union(1)', s.union(1), s, f, big, small)
except Exception as e:
    print('s.union(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union([4], 1)', s.union([4], 1), s, f, big, small)
except Exception as e:
    print('s.union([4], 1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection(1)', s.intersection(1), s, f, big, small)
except Exception as e:
    print('s.intersection(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.difference(1)', f.difference(1), s, f, big, small)
except Exception as e:
    print('f.difference(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference(1)', s.difference(1), s, f, big, small)
except Exception as e:
    print('s.difference(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference([], 1)', s.difference([], 1), s, f, big, small)
except Exception as e:
    print('s.difference([], 1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issubset(1)', s.issubset(1), s, f, big, small)
except Exception as e:
    print('s.issubset(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issuperset(1)', s.issuperset(1), s, f, big, small)
except Exception as e:
    print('s.issuperset(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.isdisjoint(1)', s.isdisjoint(1), s, f, big, small)
except Exception as e:
    print('s.isdisjoint(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.isdisjoint(1)', f.isdisjoint(1), s, f, big, small)
except Exception as e:
    print('f.isdisjoint(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference(1)', s.symmetric_difference(1), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference_update(1)', s.symmetric_difference_update(1), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference_update(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update(1)', s.difference_update(1), s, f, big, small)
except Exception as e:
    print('s.difference_update(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection_update([1], 2)', s.intersection_update([1], 2), s, f, big, small)
except Exception as e:
    print('s.intersection_update([1], 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set(1)', set(1), s, f, big, small)
except Exception as e:
    print('set(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('frozenset(1)', frozenset(1), s, f, big, small)
except Exception as e:
    print('frozenset(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set(1, 2)', set(1, 2), s, f, big, small)
except Exception as e:
    print('set(1, 2)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('frozenset([], [])', frozenset([], []), s, f, big, small)
except Exception as e:
    print('frozenset([], [])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set(x=1)', set(x=1), s, f, big, small)
except Exception as e:
    print('set(x=1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('frozenset(iterable=[])', frozenset(iterable=[]), s, f, big, small)
except Exception as e:
    print('frozenset(iterable=[])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.add(1)', f.add(1), s, f, big, small)
except Exception as e:
    print('f.add(1)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.update([1])', f.update([1]), s, f, big, small)
except Exception as e:
    print('f.update([1])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.pop()', f.pop(), s, f, big, small)
except Exception as e:
    print('f.pop()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.intersection_update([1])', f.intersection_update([1]), s, f, big, small)
except Exception as e:
    print('f.intersection_update([1])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.add([])', s.add([]), s, f, big, small)
except Exception as e:
    print('s.add([])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.discard([])', s.discard([]), s, f, big, small)
except Exception as e:
    print('s.discard([])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.remove({})', s.remove({}), s, f, big, small)
except Exception as e:
    print('s.remove({})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update([[1]])', s.update([[1]]), s, f, big, small)
except Exception as e:
    print('s.update([[1]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update({1: 2}, [{}])', s.update({1: 2}, [{}]), s, f, big, small)
except Exception as e:
    print('s.update({1: 2}, [{}])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set([[]])', set([[]]), s, f, big, small)
except Exception as e:
    print('set([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('frozenset([{}])', frozenset([{}]), s, f, big, small)
except Exception as e:
    print('frozenset([{}])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union([[]])', s.union([[]]), s, f, big, small)
except Exception as e:
    print('s.union([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection([[]])', s.intersection([[]]), s, f, big, small)
except Exception as e:
    print('s.intersection([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference([[]])', s.difference([[]]), s, f, big, small)
except Exception as e:
    print('s.difference([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update([[]])', s.difference_update([[]]), s, f, big, small)
except Exception as e:
    print('s.difference_update([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference([[]])', s.symmetric_difference([[]]), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference_update([[]])', s.symmetric_difference_update([[]]), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference_update([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issuperset([[]])', s.issuperset([[]]), s, f, big, small)
except Exception as e:
    print('s.issuperset([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.isdisjoint([[]])', s.isdisjoint([[]]), s, f, big, small)
except Exception as e:
    print('s.isdisjoint([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issubset([[]])', s.issubset([[]]), s, f, big, small)
except Exception as e:
    print('s.issubset([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1}.intersection([1, []])', {1}.intersection([1, []]), s, f, big, small)
except Exception as e:
    print('{1}.intersection([1, []])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1}.issuperset([2, []])', {1}.issuperset([2, []]), s, f, big, small)
except Exception as e:
    print('{1}.issuperset([2, []])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1}.isdisjoint([1, []])', {1}.isdisjoint([1, []]), s, f, big, small)
except Exception as e:
    print('{1}.isdisjoint([1, []])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1}.issubset([1, []])', {1}.issubset([1, []]), s, f, big, small)
except Exception as e:
    print('{1}.issubset([1, []])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set().intersection([[]])', set().intersection([[]]), s, f, big, small)
except Exception as e:
    print('set().intersection([[]])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1} in {2}', {1} in {2}, s, f, big, small)
except Exception as e:
    print('{1} in {2}', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('[] in s', [] in s, s, f, big, small)
except Exception as e:
    print('[] in s', '->', type(e).__name__, e)
"#,
        r#"s.add() -> TypeError set.add() takes exactly one argument (0 given)
s.add(1, 2) -> TypeError set.add() takes exactly one argument (2 given)
s.add(x=1) -> TypeError set.add() takes no keyword arguments
s.clear(1) -> TypeError set.clear() takes no arguments (1 given)
s.pop(1) -> TypeError set.pop() takes no arguments (1 given)
s.copy(1) -> TypeError set.copy() takes no arguments (1 given)
s.discard() -> TypeError set.discard() takes exactly one argument (0 given)
s.remove(1, 2) -> TypeError set.remove() takes exactly one argument (2 given)
s.update(x=1) -> TypeError set.update() takes no keyword arguments
s.update([1], x=1) -> TypeError set.update() takes no keyword arguments
s.union(x=1) -> TypeError set.union() takes no keyword arguments
f.union(x=1) -> TypeError frozenset.union() takes no keyword arguments
f.intersection(x=1) -> TypeError frozenset.intersection() takes no keyword arguments
s.difference_update(x=[]) -> TypeError set.difference_update() takes no keyword arguments
s.intersection_update(y=1) -> TypeError set.intersection_update() takes no keyword arguments
s.issubset() -> TypeError set.issubset() takes exactly one argument (0 given)
f.issubset() -> TypeError frozenset.issubset() takes exactly one argument (0 given)
f.isdisjoint(1, 2) -> TypeError frozenset.isdisjoint() takes exactly one argument (2 given)
s.issuperset(x=1) -> TypeError set.issuperset() takes no keyword arguments
s.symmetric_difference() -> TypeError set.symmetric_difference() takes exactly one argument (0 given)
s.symmetric_difference_update(1, 2) -> TypeError set.symmetric_difference_update() takes exactly one argument (2 given)
f.copy(1) -> TypeError frozenset.copy() takes no arguments (1 given)
f.symmetric_difference() -> TypeError frozenset.symmetric_difference() takes exactly one argument (0 given)
f.difference(y=2) -> TypeError frozenset.difference() takes no keyword arguments
s.update(1) -> TypeError 'int' object is not iterable
s.update([1], 2) -> TypeError 'int' object is not iterable
s.union(1) -> TypeError 'int' object is not iterable
s.union([4], 1) -> TypeError 'int' object is not iterable
s.intersection(1) -> TypeError 'int' object is not iterable
f.difference(1) -> TypeError 'int' object is not iterable
s.difference(1) -> TypeError 'int' object is not iterable
s.difference([], 1) -> TypeError 'int' object is not iterable
s.issubset(1) -> TypeError 'int' object is not iterable
s.issuperset(1) -> TypeError 'int' object is not iterable
s.isdisjoint(1) -> TypeError 'int' object is not iterable
f.isdisjoint(1) -> TypeError 'int' object is not iterable
s.symmetric_difference(1) -> TypeError 'int' object is not iterable
s.symmetric_difference_update(1) -> TypeError 'int' object is not iterable
s.difference_update(1) -> TypeError 'int' object is not iterable
s.intersection_update([1], 2) -> TypeError 'int' object is not iterable
set(1) -> TypeError 'int' object is not iterable
frozenset(1) -> TypeError 'int' object is not iterable
set(1, 2) -> TypeError set expected at most 1 argument, got 2
frozenset([], []) -> TypeError frozenset expected at most 1 argument, got 2
set(x=1) -> TypeError set() takes no keyword arguments
frozenset(iterable=[]) -> TypeError frozenset() takes no keyword arguments
f.add(1) -> AttributeError 'frozenset' object has no attribute 'add'
f.update([1]) -> AttributeError 'frozenset' object has no attribute 'update'
f.pop() -> AttributeError 'frozenset' object has no attribute 'pop'
f.intersection_update([1]) -> AttributeError 'frozenset' object has no attribute 'intersection_update'
s.add([]) -> TypeError unhashable type: 'list'
s.discard([]) -> TypeError unhashable type: 'list'
s.remove({}) -> TypeError unhashable type: 'dict'
s.update([[1]]) -> TypeError unhashable type: 'list'
s.update({1: 2}, [{}]) -> TypeError unhashable type: 'dict'
set([[]]) -> TypeError unhashable type: 'list'
frozenset([{}]) -> TypeError unhashable type: 'dict'
s.union([[]]) -> TypeError unhashable type: 'list'
s.intersection([[]]) -> TypeError unhashable type: 'list'
s.difference([[]]) -> TypeError unhashable type: 'list'
s.difference_update([[]]) -> TypeError unhashable type: 'list'
s.symmetric_difference([[]]) -> TypeError unhashable type: 'list'
s.symmetric_difference_update([[]]) -> TypeError unhashable type: 'list'
s.issuperset([[]]) -> TypeError unhashable type: 'list'
s.isdisjoint([[]]) -> TypeError unhashable type: 'list'
s.issubset([[]]) -> TypeError unhashable type: 'list'
{1}.intersection([1, []]) {1} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
{1}.issuperset([2, []]) False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
{1}.isdisjoint([1, []]) False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
{1}.issubset([1, []]) True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
set().intersection([[]]) -> TypeError unhashable type: 'list'
{1} in {2} False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
[] in s -> TypeError unhashable type: 'list'
"#,
    );
}

/// Results of every method with sets, frozensets, dicts, strings, ranges, lists and tuples as
/// arguments, several at once, none, or the set itself; set keys looked up as frozensets
/// (`{frozenset({1})}.remove({1})`); bound methods; the in-place operators.
#[test]
fn set_methods_answer_as_cpython() {
    check(
        r#"import sys
def fresh():
    return {1, 2, 3}, frozenset([1, 2]), set(range(100)), set(range(4))
def show(label, r, s, f, big, small):
    print(label, repr(r), s, f, len(big), sys.getsizeof(big), small, sys.getsizeof(small))
s, f, big, small = fresh()
try:
    show('{frozenset({1})}.remove({1})', {frozenset({1})}.remove({1}), s, f, big, small)
except Exception as e:
    print('{frozenset({1})}.remove({1})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1}.remove({1})', {1}.remove({1}), s, f, big, small)
except Exception as e:
    print('{1}.remove({1})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.discard({2})', s.discard({2}), s, f, big, small)
except Exception as e:
    print('s.discard({2})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.remove(9)', s.remove(9), s, f, big, small)
except Exception as e:
    print('s.remove(9)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('{1} in {frozenset({1})}', {1} in {frozenset({1})}, s, f, big, small)
except Exception as e:
    print('{1} in {frozenset({1})}', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('set().pop()', set().pop(), s, f, big, small)
except Exception as e:
    print('set().pop()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union()', s.union(), s, f, big, small)
except Exception as e:
    print('s.union()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show("s.union([4], (5,), 'a', range(7, 9), {10: 0})", s.union([4], (5,), 'a', range(7, 9), {10: 0}), s, f, big, small)
except Exception as e:
    print("s.union([4], (5,), 'a', range(7, 9), {10: 0})", '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection() is s', s.intersection() is s, s, f, big, small)
except Exception as e:
    print('s.intersection() is s', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.intersection() is f', f.intersection() is f, s, f, big, small)
except Exception as e:
    print('f.intersection() is f', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.copy() is f', f.copy() is f, s, f, big, small)
except Exception as e:
    print('f.copy() is f', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.union() is f', f.union() is f, s, f, big, small)
except Exception as e:
    print('f.union() is f', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.difference() is f', f.difference() is f, s, f, big, small)
except Exception as e:
    print('f.difference() is f', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference({1: 2}, [3])', s.difference({1: 2}, [3]), s, f, big, small)
except Exception as e:
    print('s.difference({1: 2}, [3])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show("s.intersection('abc')", s.intersection('abc'), s, f, big, small)
except Exception as e:
    print("s.intersection('abc')", '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection(range(2, 9), [3, 2])', s.intersection(range(2, 9), [3, 2]), s, f, big, small)
except Exception as e:
    print('s.intersection(range(2, 9), [3, 2])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference({2: 0, 9: 0})', s.symmetric_difference({2: 0, 9: 0}), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference({2: 0, 9: 0})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.union(s)', f.union(s), s, f, big, small)
except Exception as e:
    print('f.union(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union(f)', s.union(f), s, f, big, small)
except Exception as e:
    print('s.union(f)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.symmetric_difference(s)', f.symmetric_difference(s), s, f, big, small)
except Exception as e:
    print('f.symmetric_difference(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference([3, 3, 4])', s.symmetric_difference([3, 3, 4]), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference([3, 3, 4])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.intersection(s, [2])', f.intersection(s, [2]), s, f, big, small)
except Exception as e:
    print('f.intersection(s, [2])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issubset(range(5))', s.issubset(range(5)), s, f, big, small)
except Exception as e:
    print('s.issubset(range(5))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.issuperset((1, 2))', s.issuperset((1, 2)), s, f, big, small)
except Exception as e:
    print('s.issuperset((1, 2))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show("s.isdisjoint('abc')", s.isdisjoint('abc'), s, f, big, small)
except Exception as e:
    print("s.isdisjoint('abc')", '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.isdisjoint({3: 0})', f.isdisjoint({3: 0}), s, f, big, small)
except Exception as e:
    print('f.isdisjoint({3: 0})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection_update(range(2), [1])', s.intersection_update(range(2), [1]), s, f, big, small)
except Exception as e:
    print('s.intersection_update(range(2), [1])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection_update()', s.intersection_update(), s, f, big, small)
except Exception as e:
    print('s.intersection_update()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update()', s.difference_update(), s, f, big, small)
except Exception as e:
    print('s.difference_update()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update(range(2), {3})', s.difference_update(range(2), {3}), s, f, big, small)
except Exception as e:
    print('s.difference_update(range(2), {3})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update()', s.update(), s, f, big, small)
except Exception as e:
    print('s.update()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show("s.update({'k': 1}, 'ab', (9,))", s.update({'k': 1}, 'ab', (9,)), s, f, big, small)
except Exception as e:
    print("s.update({'k': 1}, 'ab', (9,))", '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference_update({1: 2, 7: 0})', s.symmetric_difference_update({1: 2, 7: 0}), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference_update({1: 2, 7: 0})', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.symmetric_difference_update(s)', s.symmetric_difference_update(s), s, f, big, small)
except Exception as e:
    print('s.symmetric_difference_update(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.difference_update(s)', s.difference_update(s), s, f, big, small)
except Exception as e:
    print('s.difference_update(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.intersection_update(s)', s.intersection_update(s), s, f, big, small)
except Exception as e:
    print('s.intersection_update(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.update(s)', s.update(s), s, f, big, small)
except Exception as e:
    print('s.update(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.union(s)', s.union(s), s, f, big, small)
except Exception as e:
    print('s.union(s)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('f.isdisjoint(f)', f.isdisjoint(f), s, f, big, small)
except Exception as e:
    print('f.isdisjoint(f)', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.copy()', s.copy(), s, f, big, small)
except Exception as e:
    print('s.copy()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.pop()', s.pop(), s, f, big, small)
except Exception as e:
    print('s.pop()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('s.clear()', s.clear(), s, f, big, small)
except Exception as e:
    print('s.clear()', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('big.intersection_update(range(95, 105))', big.intersection_update(range(95, 105)), s, f, big, small)
except Exception as e:
    print('big.intersection_update(range(95, 105))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('big.difference_update(range(98))', big.difference_update(range(98)), s, f, big, small)
except Exception as e:
    print('big.difference_update(range(98))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('big.symmetric_difference_update(range(90, 110))', big.symmetric_difference_update(range(90, 110)), s, f, big, small)
except Exception as e:
    print('big.symmetric_difference_update(range(90, 110))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('small.difference_update([0, 1])', small.difference_update([0, 1]), s, f, big, small)
except Exception as e:
    print('small.difference_update([0, 1])', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('big.difference(range(10))', big.difference(range(10)), s, f, big, small)
except Exception as e:
    print('big.difference(range(10))', '->', type(e).__name__, e)
s, f, big, small = fresh()
try:
    show('small.difference(range(64))', small.difference(range(64)), s, f, big, small)
except Exception as e:
    print('small.difference(range(64))', '->', type(e).__name__, e)
s = {1, 2, 3}
m = s.symmetric_difference_update
m([3, 4])
m = s.intersection_update
m([1, 2, 4], range(4))
print(s)
s |= {5}
s &= frozenset({1, 5})
s -= {1}
s ^= {6}
print(s)
f = frozenset({1})
f |= {2}
print(f)
"#,
        r#"{frozenset({1})}.remove({1}) None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
{1}.remove({1}) -> KeyError {1}
s.discard({2}) None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.remove(9) -> KeyError 9
{1} in {frozenset({1})} True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
set().pop() -> KeyError 'pop from an empty set'
s.union() {1, 2, 3} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.union([4], (5,), 'a', range(7, 9), {10: 0}) {1, 2, 3, 4, 5, 7, 8, 10, 'a'} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection() is s False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.intersection() is f False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.copy() is f True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.union() is f False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.difference() is f False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.difference({1: 2}, [3]) {2} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection('abc') set() {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection(range(2, 9), [3, 2]) {2, 3} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.symmetric_difference({2: 0, 9: 0}) {9, 3, 1} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.union(s) frozenset({1, 2, 3}) {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.union(f) {1, 2, 3} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.symmetric_difference(s) frozenset({3}) {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.symmetric_difference([3, 3, 4]) {1, 2, 4} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.intersection(s, [2]) frozenset({2}) {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.issubset(range(5)) True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.issuperset((1, 2)) True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.isdisjoint('abc') True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.isdisjoint({3: 0}) True {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection_update(range(2), [1]) None {1} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection_update() None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.difference_update() None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.difference_update(range(2), {3}) None {2} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.update() None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.update({'k': 1}, 'ab', (9,)) None {1, 2, 3, 9, 'k', 'b', 'a'} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.symmetric_difference_update({1: 2, 7: 0}) None {2, 3, 7} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.symmetric_difference_update(s) None set() frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.difference_update(s) None set() frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.intersection_update(s) None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.update(s) None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.union(s) {1, 2, 3} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
f.isdisjoint(f) False {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.copy() {1, 2, 3} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.pop() 1 {2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
s.clear() None set() frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
big.intersection_update(range(95, 105)) None {1, 2, 3} frozenset({1, 2}) 5 728 {0, 1, 2, 3} 216
big.difference_update(range(98)) None {1, 2, 3} frozenset({1, 2}) 2 8408 {0, 1, 2, 3} 216
big.symmetric_difference_update(range(90, 110)) None {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
small.difference_update([0, 1]) None {1, 2, 3} frozenset({1, 2}) 100 8408 {2, 3} 472
big.difference(range(10)) {10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99} {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
small.difference(range(64)) set() {1, 2, 3} frozenset({1, 2}) 100 8408 {0, 1, 2, 3} 216
{1, 2}
{5, 6}
frozenset({1, 2})
"#,
    );
}
