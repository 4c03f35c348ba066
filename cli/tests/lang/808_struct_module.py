import struct
tests=[('h',70000),('<h',70000),('b',200),('B',-1),('<B',256),('i',2**31),('<i',2**31),('I',-1),('<I',-1),('l',2**63),('<l',2**31),('L',-1),('<L',2**32),('q',2**63),('<q',2**63),('Q',-1),('<Q',-1),('n',2**63),('N',-1),('i','x'),('d','x'),('f',1e300),('e',1e10),('c',b'ab'),('c','a'),('s','a'),('?',[]),('i',1.5),('P',-1)]
for f,v in tests:
    try: print(f, repr(v), struct.pack(f,v))
    except Exception as e: print(f, repr(v), type(e).__module__, type(e).__name__, e)
for f in ['<n','3','i3','z','<P','ci','@ci','=ci','<qh','hq','4s','3p','?x','2e', 'i i', b'<h']:
    try: print(f, struct.calcsize(f))
    except Exception as e: print(f, type(e).__name__, e)
for a in [('i',), ('ii',1), ('i',1,2)]:
    try: struct.pack(*a)
    except Exception as e: print(a, type(e).__name__, e)
try: struct.unpack('i', b'ab')
except Exception as e: print(type(e).__name__, e)
try: struct.unpack_from('i', b'ab', 1)
except Exception as e: print(type(e).__name__, e)
print(struct.error, struct.error.__mro__, struct.unpack('<3s2p?ceHd', struct.pack('<3s2p?ceHd', b'abcd', b'xyz', 5, b'q', 1.5, 7, -2.25)))
print(struct.pack('>hd', 1, 2.5), struct.pack('5p', b'hi'), struct.unpack('5p', b'\x09abcd'), struct.pack('s', b''), struct.pack('0s'), struct.unpack('e', b'\x00\x7c'))
print(struct.pack('e', 65504.0), struct.pack('e', 1/3), struct.pack('e', 1e-8), struct.pack('e', 6e-5), struct.unpack_from('<h', b'\x00\x01\x02', 1), struct.pack('? x ?', 0, 'a'))
print(struct.unpack('<qQnN', struct.pack('<qQ', -5, 2**64-1) + struct.pack('nN', -1, 3))[:2], struct.unpack('>iIhH', b'\xff' * 12))
b = bytearray(8); struct.pack_into('<hi', b, 1, -2, 7); print(b, struct.unpack('@ci', b'x\0\0\0\1\0\0\0'))
print([n for n in dir(struct) if not n.startswith('__') and n in ('pack', 'unpack', 'calcsize', 'error', 'unpack_from', 'pack_into')])
