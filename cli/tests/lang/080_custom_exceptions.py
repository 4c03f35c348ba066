class AppError(Exception):
    pass

class NotFound(AppError):
    def __init__(self, name):
        super().__init__(f"{name} not found")
        self.name = name

class Invalid(AppError):
    def __str__(self):
        return "invalid input!"

for exc in (NotFound("file.txt"), Invalid("x"), AppError("base")):
    try:
        raise exc
    except NotFound as e:
        print("NotFound:", e, e.name)
    except AppError as e:
        print(type(e).__name__, "->", e, e.args)
print(NotFound.__mro__[1:3])
print(repr(NotFound("a")), repr(Invalid(1, 2)))
class WithCode(Exception):
    def __init__(self, msg, code=500):
        super().__init__(msg)
        self.code = code
try:
    raise WithCode("server", code=503)
except WithCode as e:
    print(e, e.code)
