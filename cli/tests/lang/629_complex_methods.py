# complex's methods (complex_methods): conjugate, __complex__, __getnewargs__, __format__ as
# method descriptors in complex.__dict__, on complex and its subclasses; a method descriptor
# bound by its __get__.
print((1j).conjugate(), (3-4j).conjugate(), (1j).__complex__(), (1+2j).__getnewargs__(),
      (1+2j).__format__('.1f'), (1+2j).__format__(''), format(1+2j, '>20'))
class C(complex): pass
print(type(C(1j).__complex__()).__name__, type(C(1j).conjugate()).__name__, C(1+2j).__getnewargs__())
z = 5j
print(z.__complex__() is z, complex.conjugate(3+1j), complex.__format__(1j, '^9'))
print(complex.conjugate, complex.__complex__, complex.__getnewargs__, complex.__format__)
print(complex.__dict__['conjugate'] is complex.conjugate, [k for k in complex.__dict__])
print(complex.conjugate.__objclass__, (2j).conjugate.__name__, (2j).conjugate())
for bad in ["(1j).__format__(3)", "complex.conjugate(3)", "(1j).conjugate(1)", "complex.__complex__()",
            "complex.__getnewargs__(1.0)"]:
    try:
        print(bad, '->', eval(bad))
    except Exception as e:
        print(bad, '!!', type(e).__name__, e)
# A method descriptor binds through its __get__ (method_get).
d = list.append
for e in ["d.__get__(None, list)", "d.__get__(None)", "d.__get__(3)", "d.__get__()", "d.__get__([1], list)",
          "d.__get__([1], int)", "d.__get__(None, int)", "d.__get__([1])(5)", "str.join.__get__('-')('ab')",
          "d.__get__([], list, 1)", "d.__get__([], type=list)", "dict.get.__get__({1: 2})(1)",
          "complex.conjugate.__get__(2j)()", "list.append.__get__(type('L', (list,), {})())"]:
    try:
        print(e, '->', repr(eval(e)).split(' at 0x')[0])
    except Exception as x:
        print(e, '!!', type(x).__name__, x)
