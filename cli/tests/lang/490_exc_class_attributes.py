# The class-level names of exception classes: __doc__ (None for a subclass without a
# docstring), __name__, __module__, __bases__, and the instance's __class__ and __dict__.
class NoDoc(LookupError):
    pass


class WithDoc(NoDoc):
    """Raised when a record is missing."""


print(ValueError.__doc__)
print(Exception.__doc__, BaseException.__doc__, ExceptionGroup.__doc__)
print(StopIteration.__doc__, OSError.__doc__)
print(NoDoc.__doc__, NoDoc().__doc__, WithDoc.__doc__, WithDoc().__doc__)
print(KeyError("k").__doc__)
for cls in (NoDoc, WithDoc, TimeoutError, UnicodeDecodeError):
    print(cls.__name__, cls.__module__, cls.__bases__)
w = WithDoc("id", 7)
print(w.__class__ is WithDoc, w.__class__.__name__, w.__dict__)
w.record = 7
print(w.__dict__, vars(w), w.record)
del w.record
print(w.__dict__, hasattr(w, "record"))
try:
    w.missing
except AttributeError as a:
    print(a)
