# A built-in type's dict cannot be changed through its mappingproxy nor replaced; subclasses
# of built-in types reach their bases' descriptors.
try:
    int.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__dict__["nope"]
except KeyError as e:
    print(type(e).__name__, e)
try:
    int.__dict__ = {}
except TypeError as e:
    print(type(e).__name__, e)


class L(list):
    pass


class E(ValueError):
    pass


print(L.append, L.__dict__.get("append"), E.args, E.__dict__.get("args"))
print(bool.bit_length, bool.real, bool.__dict__.get("bit_length"))
