# The suggestion for an exception subclass's instance: its own __dict__ names and the names
# along its MRO (BaseException's args, add_note, with_traceback).
class ValidationError(ValueError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


try:
    raise ValidationError("age", "must be positive")
except ValidationError as err:
    print(err, err.args, err.field)
    print([n for n in dir(err) if not n.startswith("__")])
    print(err.mesage)
