import sys

for s in ("", "a", "ab", "hello world", "x" * 100):
    print(f"{s[:10]!r:15} len={len(s):3} size={sys.getsizeof(s)}")
for s in ("é", "ñandú", "€uro", "日本", "🐍"):
    print(f"{s!a:20} {sys.getsizeof(s)}")
n = 0
for i in range(5):
    n = n * 10 + i
    print(f"{n:>6} {sys.getsizeof(n)}")
print(f"{sys.getsizeof(1.5)=}")
print(f"{sys.getsizeof([])=} {sys.getsizeof({})=} {sys.getsizeof(())=}")
