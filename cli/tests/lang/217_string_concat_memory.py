import sys

s = ""
sizes = []
for i in range(5):
    s += "ab"
    sizes.append(sys.getsizeof(s))
print(sizes)
parts = ["x"] * 1000
joined = "".join(parts)
print(len(joined), sys.getsizeof(joined))
print(sys.getsizeof("a" * 100), sys.getsizeof("é" * 100), sys.getsizeof("€" * 100))
words = ["memory", "lessons", "in", "python"]
sentence = " ".join(words)
print(sentence, sys.getsizeof(sentence))
print(sys.getsizeof(sentence.upper()), sys.getsizeof(sentence[:6]))
a = "py" + "thon"
b = "python"
print(a == b, sys.getsizeof(a) == sys.getsizeof(b))
