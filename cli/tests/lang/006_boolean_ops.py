print(True and False, True or False, not True)
print(0 and 1, 1 and 2, 0 or "", "" or [] or "x")
print(None or 0, [] and 1)
def t(name, v):
    print("eval", name)
    return v
print(t("a", 0) and t("b", 1))
print(t("c", 1) or t("d", 2))
print(not t("e", []))
print(bool(0), bool(0.0), bool(""), bool([]), bool({}), bool(None), bool(()))
print(bool(1), bool("0"), bool([0]), bool(-1))
x = 5
print(x > 3 and x < 10 or x == 100)
result = x and "nonzero" or "zero"
print(result)
print(True is (1 == 1), type(True).__name__, isinstance(True, int))
