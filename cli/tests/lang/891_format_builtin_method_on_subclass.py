# A subclass whose __format__ is its built-in base's method (as IntEnum and StrEnum set it)
# formats its value; an empty spec is str().
class I(int):
    __format__ = int.__format__
    def __str__(self):
        return "I!"
class S(str):
    pass
S.__format__ = str.__format__
class F(float):
    __format__ = float.__format__
print(format(I(5), "03d"), format(I(5), ""), f"{I(7):>4}|", format(S("ab"), "*^6"), format(F(1.5), ".3f"))
print(int.__format__(I(3), "x"), str.__format__(S("q"), ">3"), float.__format__(F(2.0), ""))
try:
    format(I(1), "s")
except ValueError as e:
    print(e)
try:
    int.__format__(I(1), 3)
except TypeError as e:
    print(e)
