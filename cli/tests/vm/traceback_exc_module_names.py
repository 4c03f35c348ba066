# An uncaught user exception class from another module is named module.qualname; a chain of
# user classes with their own __str__, a cause, a context and notes.
import mod_exc_errors


class ConfigError(Exception):
    def __init__(self, path, line):
        Exception.__init__(self, path, line)
        self.path = path
        self.line = line

    def __str__(self):
        return f"{self.path}:{self.line}: bad config"


def load():
    try:
        mod_exc_errors.fetch("db")
    except KeyError as e:
        raise ConfigError("app.ini", 3) from e


try:
    load()
except ConfigError as err:
    err.add_note(f"while loading {err.path}")
    raise mod_exc_errors.StoreError("cannot start")
