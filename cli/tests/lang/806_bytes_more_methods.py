for t in (bytes, bytearray):
    print(t(b'-42').zfill(6), t(b'abc').center(8, b'*'), t(b'abc').center(7), t(b'ab').center(5), t(b'a\tbc\td').expandtabs(4), t(b'a\r\nb\rc\nd').splitlines(), t(b'a\r\nb\n').splitlines(True))
    print(t(b'hello World').title(), t(b'hello wORLD').swapcase(), t(b'hELLO').capitalize(), t(b'Ab Cd').istitle(), t(b'ab1').islower(), t(b'AB').isupper(), t(b'').isascii())
    print(t(b'a,b,c').rsplit(b',', 1), t(b' a b  c ').rsplit(None, 1), t(b' a b  c ').rsplit(), t(b'abc').translate(None, b'b'), t(b'abc').translate(t.maketrans(b'a', b'z')))
    print(t(b'a=b=c').partition(b'='), t(b'a=b=c').rpartition(b'='), t(b'abc').partition(b'x'), t(b'abc').rpartition(b'x'), t(b'abcab').rfind(b'ab'), t(b'abcab').rindex(b'c'))
    print(t(b'abc').removeprefix(b'ab'), t(b'abc').removesuffix(b'bc'), t(b'abc').ljust(5, b'-'), t(b'abc').rjust(5), t(b'x').zfill(3), t(b'+1').zfill(4))
    for f in [lambda: t(b'a').center(5, b'xx'), lambda: t(b'a').center(5, 'x'), lambda: t(b'a').partition(b''), lambda: t(b'a').translate(b'ab'), lambda: t.maketrans(b'a', b'bc'), lambda: t(b'a').rindex(b'z'), lambda: t(b'a').zfill('x'), lambda: t(b'a').partition('x'), lambda: t(b'a').removeprefix('a'), lambda: t(b'a').ljust()]:
        try: f()
        except Exception as e: print(type(e).__name__, e)
    print(type(t.maketrans(b'', b'')))
