# A module that does not parse, for traceback_exc_import_syntax.py.
values = (1,
    2 +)
