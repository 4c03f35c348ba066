# User exception classes: __init__ calling Exception.__init__, attributes on the instance,
# __str__ and __repr__ of their own, raised, caught by a base class and printed.
class AppError(Exception):
    pass


class ValidationError(AppError):
    def __init__(self, field, value):
        Exception.__init__(self, field, value)
        self.field = field
        self.value = value

    def __str__(self):
        return f"{self.field} cannot be {self.value!r}"


class Fatal(AppError):
    def __repr__(self):
        return f"Fatal!{self.args}"


for exc in (ValidationError("age", -1), Fatal("disk"), AppError("plain", 2)):
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)
v = ValidationError("name", "")
print(v.field, v.value, v.__dict__, str(v), f"{v}", f"{v!r}", "%s" % v)
v.value = None
v.extra = [1]
print(v, v.__dict__, v.args)
print(ValidationError.__mro__)
print([str(Fatal(1)), repr(AppError())], Fatal.__qualname__, Fatal.__module__)
print(isinstance(v, Exception), issubclass(Fatal, ValidationError))
