# The int and float conversions, __getattribute__ and int's __format__/__sizeof__/
# __getnewargs__ complete list(int.__dict__) in CPython's order.
print(int.__int__, float.__float__, int.__getattribute__, list.__getattribute__, ValueError.__getattribute__)
print(int.__int__(True), type(int.__int__(True)).__name__, int.__float__(5), float.__int__(2.75), float.__int__(-2.75), float.__float__(1.5))
print((7).__int__(), (7).__float__(), (2.5).__int__(), int.__float__(10**20), int.__getattribute__(5, "real"), "ab".__getattribute__("upper")())
print((5).__format__(">4"), int.__format__(True, ""), True.__getnewargs__(), (5).__sizeof__(), (2**70).__sizeof__())
class I(int): pass
class F(float): pass
print(type(int.__int__(I(3))).__name__, type(float.__float__(F(2.0))).__name__, type(I(3).__int__()).__name__)
for text in ["float.__int__(float('inf'))", "float.__int__(float('nan'))", "int.__float__(10**400)", "int.__int__('x')", "int.__int__(5, 1)",
             "int.__getattribute__(5, 1)", "int.__getattribute__('x', 'real')", "int.__getattribute__(5)", "int.__getattribute__(5, 'nope')", "list.__getattribute__([3], 'count')(3)", "int.__format__(5, 1)"]:
    try: print(text, '->', eval(text))
    except (TypeError, ValueError, OverflowError, AttributeError) as e: print(text, '!!', type(e).__name__, e)
names = list(int.__dict__)
print(names == ['__new__', '__repr__', '__hash__', '__getattribute__', '__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__', '__add__', '__radd__', '__sub__', '__rsub__', '__mul__', '__rmul__', '__mod__', '__rmod__', '__divmod__', '__rdivmod__', '__pow__', '__rpow__', '__neg__', '__pos__', '__abs__', '__bool__', '__invert__', '__lshift__', '__rlshift__', '__rshift__', '__rrshift__', '__and__', '__rand__', '__xor__', '__rxor__', '__or__', '__ror__', '__int__', '__float__', '__floordiv__', '__rfloordiv__', '__truediv__', '__rtruediv__', '__index__', 'conjugate', 'bit_length', 'bit_count', 'to_bytes', 'from_bytes', 'as_integer_ratio', '__trunc__', '__floor__', '__ceil__', '__round__', '__getnewargs__', '__format__', '__sizeof__', 'is_integer', 'real', 'imag', 'numerator', 'denominator', '__doc__'])
print([n for n in ['__getattribute__', '__int__', '__float__', '__getnewargs__', '__format__', '__sizeof__'] if n not in int.__dict__])
