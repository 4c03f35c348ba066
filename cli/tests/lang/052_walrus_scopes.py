def g():
    total = 0
    parts = [total := total + v for v in range(5)]
    return parts, total

print(g())
def h():
    [w := i for i in range(3)]
    return w
print(h())
text = "a,b,,c"
while (i := text.find(",")) != -1:
    print("comma at", i)
    text = text[i + 1:]
print(repr(text))
chunks = iter([b"ab", b"cd", b""])
buf = []
while chunk := next(chunks):
    buf.append(chunk)
print(buf)
print([(x, sq) for x in range(4) if (sq := x * x) > 2])
