# Small ints are cached; constants are shared; identifier-like strings are interned
import sys
a = 256
b = 255 + 1
print('256 is 255 + 1:', a is b)
x = 250
c = x + 6
d = x + 7
e = 257
print('x + 6 is 256:', c is a, '  x + 7 is 257:', d is e, ' (== 257:', d == e, ')')
s = 'hello'
t = 'hel' + 'lo'
print("'hello' is 'hel' + 'lo':", s is t, ' (folded at compile time)')
u = ''.join(['hel', 'lo'])
print("built at run time:", s is u, s == u, ' interned:', sys.intern(u) is s)
print('refcount of None:', sys.getrefcount(None), '(immortal)')
n = []
print('refcount of a fresh list held by one name:', sys.getrefcount(n))
m = n
print('after m = n:', sys.getrefcount(n))
