checks = [
    lambda: 'aé€😀'.encode('ascii'),
    lambda: 'aéé'.encode('ascii'),
    lambda: 'a€'.encode('latin-1'),
    lambda: 'aé€😀'.encode('ascii','replace'),
    lambda: 'aé€😀'.encode('ascii','ignore'),
    lambda: 'aé€😀'.encode('ascii','backslashreplace'),
    lambda: 'aé€😀'.encode('latin1','xmlcharrefreplace'),
    lambda: 'a'.encode('foo'),
    lambda: '{0}'.format_map({}),
    lambda: '{}'.format_map({}),
    lambda: '{a}'.format_map(5),
    lambda: '{a}'.format_map({}),
    lambda: 'x'.format_map(),
    lambda: '{a.real}'.format_map({'a': 3}),
    lambda: '{a[0]}'.format_map({'a': [7]}),
    lambda: 'x'.format_map({}, 1),
    lambda: '{a:>{w}}|'.format_map({'a': 1, 'w': 4}),
]
for f in checks:
    try:
        print(repr(f()))
    except Exception as e:
        print(e)
