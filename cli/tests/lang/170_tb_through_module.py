import mod_fails

print(mod_fails.divide(10, 4))
print(mod_fails.lookup({"a": 1}, "a"))

def compute(x):
    return mod_fails.divide(1, x) + 1

print(compute(2))
print(compute(0))
