# Exception groups holding user exception classes: except* splits by user class, a user
# subclass of ExceptionGroup, split()/subgroup() with classes and predicates, derive().
class JobError(Exception):
    def __init__(self, job):
        Exception.__init__(self, job)
        self.job = job

    def __str__(self):
        return f"job {self.job} failed"


class Timeout(JobError):
    pass


class Batch(ExceptionGroup):
    pass


def failures():
    return Batch("batch", [JobError(1), Timeout(2), ValueError("v"), Timeout(3)])


try:
    raise failures()
except* Timeout as t:
    print("timeouts:", [str(e) for e in t.exceptions], type(t).__name__)
except* JobError as j:
    print("jobs:", repr(j), j.exceptions[0].job)
except* ValueError as v:
    print("values:", repr(v))
b = failures()
match, rest = b.split(Timeout)
print(type(match).__name__, [e.job for e in match.exceptions], repr(rest))
print(b.subgroup(lambda e: getattr(e, "job", 0) > 1))
print(repr(b.derive([Timeout(9)])), str(b), b.message, len(b.exceptions))
print(isinstance(b, ExceptionGroup), Batch.__mro__[1:3])
