# __context__ is set when raising inside except (and finally), __cause__ by raise ... from,
# __suppress_context__ by from None or by setting a cause; the attributes check their values.
class StorageError(Exception):
    pass


def read(key, mode):
    try:
        return {}[key]
    except KeyError as e:
        if mode == "from":
            raise StorageError(key) from e
        if mode == "none":
            raise StorageError(key) from None
        raise StorageError(key)


for mode in ("plain", "from", "none"):
    try:
        read("k", mode)
    except StorageError as s:
        print(mode, repr(s.__context__), repr(s.__cause__), s.__suppress_context__)
try:
    try:
        pass
    finally:
        raise StorageError("in finally")
except StorageError as s:
    print(s.__context__, s.__cause__)
e = StorageError("manual")
e.__cause__ = ValueError("why")
print(repr(e.__cause__), e.__suppress_context__, e.__context__)
e.__cause__ = None
e.__suppress_context__ = False
print(e.__cause__, e.__suppress_context__)
for attr, value in (("__cause__", 1), ("__context__", "x"), ("__suppress_context__", 1)):
    try:
        setattr(e, attr, value)
    except TypeError as t:
        print(attr, t)
