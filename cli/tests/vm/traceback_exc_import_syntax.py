# Importing a module that does not parse: the SyntaxError carries the module's file, line,
# offset and text, and the traceback shows that location under the import's frame.
def load():
    import mod_exc_bad_syntax
    return mod_exc_bad_syntax


try:
    load()
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
    print(e.filename.endswith("mod_exc_bad_syntax.py"))
load()
