# An exception group of user exception classes, each with its own __str__ and notes, one of
# them chained, printed in CPython's boxes with module-qualified names where they apply.
import mod_exc_errors


class TaskFailed(Exception):
    def __init__(self, task, why):
        Exception.__init__(self, task, why)
        self.task = task
        self.why = why

    def __str__(self):
        return f"task {self.task!r} failed: {self.why}"


class Batch(ExceptionGroup):
    pass


def run(task):
    try:
        mod_exc_errors.fetch(task)
    except KeyError as e:
        err = TaskFailed(task, "lookup")
        err.add_note("retry later")
        raise err from e


errors = []
for t in ("a", "b"):
    try:
        run(t)
    except TaskFailed as e:
        errors.append(e)
errors.append(mod_exc_errors.StoreError("disk full"))
raise Batch("2 tasks and a store", errors)
