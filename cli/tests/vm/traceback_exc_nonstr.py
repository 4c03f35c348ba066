# __str__ returning a non-string: str() raises TypeError, the traceback prints
# <exception str() failed>; inside an __init__ that raises, the frames show.
class Code(Exception):
    def __str__(self):
        return 404


try:
    str(Code())
except TypeError as t:
    print(t)


class Strict(ValueError):
    def __init__(self, value):
        if value < 0:
            raise Code(value)
        ValueError.__init__(self, value)


print(Strict(3))
Strict(-1)
