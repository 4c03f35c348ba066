# str.isnumeric (Py_UNICODE_ISNUMERIC: decimal, digit and numeric characters, the Unihan
# numerals included) over every code point, and str.isalnum, which builds on it.
num = [i for i in range(0x110000) if not 0xD800 <= i < 0xE000 and chr(i).isnumeric()]
print(len(num), sum(num), num[:8], num[-4:])
al = [i for i in range(0x110000) if not 0xD800 <= i < 0xE000 and chr(i).isalnum()]
print(len(al), sum(al))
print(''.isnumeric(), '12'.isnumeric(), '½'.isnumeric(), '一二'.isnumeric(), '1a'.isnumeric(), 'Ⅻ'.isnumeric())
print(str.isnumeric, str.isnumeric('5'), type(str.__dict__['isnumeric']).__name__)
class S(str): pass
print(S('٣').isnumeric(), S('x').isnumeric())
try:
    str.isnumeric(5)
except TypeError as e:
    print(e)
try:
    '1'.isnumeric(1)
except TypeError as e:
    print(e)
