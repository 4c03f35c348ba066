# An AttributeError on a built-in object suggests the closest name of dir(obj), as CPython's
# traceback does ("Did you mean: 'append'?").
names = ["ada", "grace"]
names.append("barbara")
print(names)
print(len(dir(names)), "append" in dir(names))
word = "pyrt"
print(word.upper(), dir(word) == dir(str))
counts = {"a": 1}
print(sorted(counts.items()), "items" in dir(counts))
names.apend("linus")
