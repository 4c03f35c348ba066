def combine(a, b, c):
    return a + b + c

values = {"a": 1, "b": 2}
print(combine(values["a"], values["b"], 3))
total = combine(
    values["a"],
    values["b"],
    values["c"],
)
