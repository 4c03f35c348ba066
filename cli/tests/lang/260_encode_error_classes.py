checks = [
    lambda: 'aé€😀'.encode('ascii'),
    lambda: 'aéé'.encode('ascii'),
    lambda: 'a€'.encode('latin-1'),
    lambda: 'aé€😀'.encode('ascii','replace'),
    lambda: 'aé€😀'.encode('ascii','ignore'),
    lambda: 'aé€😀'.encode('ascii','backslashreplace'),
    lambda: 'aé€😀'.encode('latin1','xmlcharrefreplace'),
    lambda: 'a'.encode('foo'),
    lambda: 'é'.encode('ascii','foo'),
    lambda: 'a'.encode('ascii','foo'),
    lambda: 'a'.encode(1),
    lambda: 'a'.encode(errors=2),
    lambda: 'é'.encode(),
    lambda: 'é'.encode(encoding='UTF8'),
    lambda: ''.encode(),
    lambda: 'x'.encode('utf-8', 'strict', 3),
]
for f in checks:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
