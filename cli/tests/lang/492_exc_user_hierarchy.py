# A user hierarchy: class attributes as defaults, __str__ inherited from a user base and
# overridden lower down, instance attributes shadowing class ones, lookups through the MRO.
class HTTPError(Exception):
    status = 500
    reason = "Internal Server Error"

    def __init__(self, detail=""):
        Exception.__init__(self, detail)
        self.detail = detail

    def __str__(self):
        text = f"{self.status} {self.reason}"
        return f"{text}: {self.detail}" if self.detail else text


class NotFound(HTTPError):
    status = 404
    reason = "Not Found"


class Gone(NotFound):
    status = 410

    def __str__(self):
        return "gone for good (" + HTTPError.__str__(self) + ")"


errors = [HTTPError(), NotFound("/x"), Gone(), Gone("/old")]
for e in errors:
    print(type(e).__name__, e.status, repr(str(e)), e.args, isinstance(e, NotFound))
g = errors[3]
g.status = 299
print(g, "|", Gone.status, NotFound.reason, g.__dict__)
print([type(e).__name__ for e in errors if isinstance(e, NotFound)])
try:
    raise Gone("/y")
except NotFound as nf:
    print("caught as NotFound:", nf, nf.__class__.__mro__[1:3])
