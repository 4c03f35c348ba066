# The built-in containers' __iter__ and the built-in iterators' __iter__/__next__ are slot
# wrappers: called through the type they use the type's own iteration, even on a subclass.
print(list.__iter__, type(iter([])).__iter__, type(iter([])).__next__)
print(list(list.__iter__([1, 2])), list(tuple.__iter__((3,))), list(str.__iter__("ab")), list(dict.__iter__({1: 2})))
print(list(set.__iter__({5})), list(range.__iter__(range(3))), list(bytes.__iter__(b"hi")), list(frozenset.__iter__(frozenset([7]))))
class L(list):
    def __iter__(s): return iter([9])
print(list(list.__iter__(L([1, 2]))), list(L.__iter__(L([1]))))
it = iter([1, 2])
print(it.__iter__() is it, it.__next__(), type(it).__next__(it), hasattr([], '__iter__'), hasattr(5, '__iter__'))
try: it.__next__()
except StopIteration as e: print('SI', repr(e), e.args)
for text in ["list.__iter__(5)", "type(iter([])).__next__(iter(()))", "list.__iter__([], 1)", "[].__iter__ == [].__iter__"]:
    try: print(text, '->', eval(text))
    except TypeError as e: print(text, '!!', type(e).__name__, e)
x = [1]
print(x.__iter__ == x.__iter__, '__iter__' in list.__dict__, list.__dict__['__iter__'] is list.__iter__, '__next__' in dir(iter([])))
