# str + str and str * int take the VM's short road (BINARY_OP_ADD_UNICODE, the repeat of an
# exact str by a small int): the results, sizes and errors stay CPython's.
import sys

s = "ab"
print(s + "cd", s * 3, 3 * s, s * 0 == "", s * -2 == "", s * 1 is s)
print(s + "" is s, "" + s is s, True * "t", "t" * False == "")
print("é" + "x", "x" + "€", ("€" * 2) + "a", len("😀" * 3))
word = "w"
word += "x"
word *= 2
print(word, sys.getsizeof(word), sys.getsizeof("é" + "x"), sys.getsizeof("€" + "x"))
print(sys.getsizeof("ab" * 10), sys.getsizeof("😀" + "a"))
try:
    "a" + 1
except TypeError as e:
    print(e)
try:
    1 + "a"
except TypeError as e:
    print(e)
try:
    "a" * "b"
except TypeError as e:
    print(e)
try:
    "a" * 1.5
except TypeError as e:
    print(e)
