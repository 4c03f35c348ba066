# __slots__ descriptors read and write their own cell (A.x.__get__(b) reads A's cell even where
# a subclass B has its own slot x), with descr_check's TypeError for other objects.
class A: __slots__ = ('x', 'y')
class B(A): __slots__ = ('x',)
def show(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
b = B()
show(lambda: A.x.__get__(b))
b.x = 1
show(lambda: A.x.__get__(b))
print(b.x, B.x.__get__(b), B.x is A.x, B.__dict__['x'] is B.x, B.x, A.x)
A.x.__set__(b, 10)
print(b.x, A.x.__get__(b))
A.x.__delete__(b)
show(lambda: A.x.__get__(b))
show(lambda: A.x.__delete__(b))
print(b.x)
b.y = 3
print(b.y, A.y.__get__(b))
for i in range(3):
    b.x = i
    A.x.__set__(b, -i)
    print(b.x, A.x.__get__(b))
show(lambda: A.x.__get__(3))
show(lambda: A.x.__set__('s', 1))
show(lambda: A.x.__delete__(3.0))
show(lambda: A.x.__get__(None, A))
show(lambda: B.x.__get__(A()))
class I(float): __slots__ = ('x',)
class J(I): __slots__ = ('x',)
j = J(4); j.x = 'own'
show(lambda: I.x.__get__(j))
I.x.__set__(j, 'base')
print(j.x, I.x.__get__(j), J.x.__get__(j), j + 1)
show(lambda: I.x.__get__(A()))
