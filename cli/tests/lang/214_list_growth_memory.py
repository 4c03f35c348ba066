import sys

l = []
last = sys.getsizeof(l)
print("empty", last)
for i in range(40):
    l.append(i)
    size = sys.getsizeof(l)
    if size != last:
        print(f"len {len(l):2} -> {size} bytes")
        last = size
while l:
    l.pop()
    size = sys.getsizeof(l)
    if size != last:
        print(f"shrunk at len {len(l):2} -> {size}")
        last = size
print(sys.getsizeof([0] * 40), sys.getsizeof(list(range(40))), sys.getsizeof([i for i in range(40)]))
