def read_lines(text):
    for line in text.splitlines():
        yield line

def non_empty(lines):
    return (l for l in lines if l.strip())

def parse(lines):
    for l in lines:
        key, _, value = l.partition("=")
        yield key.strip(), value.strip()

text = """
name = pyrt

version = 0.1
lang = python
"""
config = dict(parse(non_empty(read_lines(text))))
print(config)
def take(n, it):
    for _, v in zip(range(n), it):
        yield v
def naturals():
    n = 1
    while True:
        yield n
        n += 1
print(list(take(5, (n * n for n in naturals() if n % 3 == 0))))
