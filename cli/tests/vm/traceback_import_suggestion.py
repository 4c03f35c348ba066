# from module import name: ImportError with name, path, name_from, and "Did you mean".
try:
    from mod_shapes import volume
except ImportError as e:
    print(e.name, e.name_from, e.path is not None, e.msg.startswith("cannot import name"))
try:
    import mod_not_there
except ModuleNotFoundError as e:
    print(e.name, e.path)
from mod_shapes import NAMe
