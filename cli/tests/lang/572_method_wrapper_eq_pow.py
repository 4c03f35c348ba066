# method-wrappers compare equal when they wrap the same slot of the same object; the slot
# wrappers of nb_power take the modulus of three-argument pow.
a = (1).__add__
print(a == (1).__add__, a != (1).__add__, a == (2).__add__, a == (1).__sub__)
print(hash(a) == hash((1).__add__), {a: 1}[(1).__add__])
x = [1]
print(x.__len__ == x.__len__, x.__len__ == [1].__len__, x.__len__ != [1].__len__)
print(int.__pow__(2, 5, 3), int.__rpow__(5, 2, 3), float.__pow__(2.0, 3, None))
print((2).__pow__(5, 3), (5).__rpow__(2, 3), int.__pow__(2, -1, 5))
for text in [
    "int.__pow__(2, 5, 3.0)",
    "float.__pow__(2.0, 3, 5)",
    "int.__pow__(2, 5, 0)",
    "int.__rpow__(2, 5, 3.0)",
    "int.__pow__(2, 5.0, 3)",
    "int.__pow__(2, 5, 3, 4)",
    "int.__pow__(2)",
    "int.__add__(2)",
    "int.__neg__(2, 3)",
    "a < a",
]:
    try:
        print(text, "->", eval(text))
    except (TypeError, ValueError) as e:
        print(text, "!!", type(e).__name__, e)
