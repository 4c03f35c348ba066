def check_positive(values):
    for v in values:
        assert v > 0, f"value must be positive, got {v}"
    return True

print(check_positive([1, 2, 3]))
def check_sorted(values):
    assert values == sorted(values)
print(check_sorted([1, 2]))
check_sorted([3, 1, 2])
