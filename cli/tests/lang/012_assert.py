def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x * 2

print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert args:", e.args)
assert True, "never"
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
print(__debug__)
