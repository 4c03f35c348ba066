def first(items):
    return next(iter(items))

print(first([1, 2]))
print(first("xyz"))
print(first({"k": "v"}))
print(next(iter([]), "default"))
it = iter(range(1))
print(next(it))
next(it)
