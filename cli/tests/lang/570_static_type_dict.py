# A built-in type's __dict__ is a mappingproxy over one dict (the same values each time):
# slot wrappers, method descriptors, getset and member descriptors, the docstring.
d = int.__dict__
print(type(d).__name__, d == int.__dict__, len(d) > 40)
print(int.__dict__["__add__"] is int.__add__, int.__dict__["real"] is int.real)
print(list.__dict__["append"] is list.append, str.__dict__["join"] is str.join)
print(int.__dict__["bit_length"], list.__dict__["append"], int.__dict__["real"])
print(int.__dict__["__add__"], list.__dict__["__len__"], range.__dict__["start"])
print("__doc__" in int.__dict__, int.__dict__["__doc__"] == int.__doc__)
print("bit_length" in int.__dict__, "foo" in int.__dict__, int.__dict__.get("nope"))
print(list.__dict__["__hash__"], dict.__dict__["__hash__"], set.__dict__["__hash__"])
names = list(int.__dict__)
print(names[0], names[-1], names.index("__add__") < names.index("bit_length") < names.index("real"))
print([n for n in list.__dict__ if n in ("append", "pop", "sort", "__len__", "__doc__")])
print([n for n in str.__dict__ if n in ("join", "upper", "split", "__add__", "__doc__")])
print([n for n in range.__dict__ if n in ("start", "stop", "step", "__len__")])
print(BaseException.__dict__["args"], OSError.__dict__["errno"])
print(type.__dict__["__dict__"], object.__dict__["__class__"])
print(object.__class__, type.__name__, int.__name__)
