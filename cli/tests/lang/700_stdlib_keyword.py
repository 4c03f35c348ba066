# The keyword module: the keyword lists of 3.12 and the membership tests built on frozensets.
import keyword

print(keyword.__all__)
print(keyword.kwlist)
print(keyword.softkwlist)
print(len(keyword.kwlist), len(keyword.softkwlist))
for word in ["for", "match", "case", "type", "_", "print", "True", "async", "await", ""]:
    print(repr(word), keyword.iskeyword(word), keyword.issoftkeyword(word))
print(type(keyword.iskeyword).__name__, keyword.iskeyword.__name__)
try:
    keyword.iskeyword([])
except TypeError as e:
    print("TypeError:", e)
