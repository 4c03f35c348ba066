# Exception classes defined in a module other than __main__, for traceback_exc_module_names.py.
class StoreError(Exception):
    pass


class Store:
    class Missing(KeyError):
        def __str__(self):
            return f"missing item {self.args[0]!r}"


def fetch(key):
    raise Store.Missing(key)
