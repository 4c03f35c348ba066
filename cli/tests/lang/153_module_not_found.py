try:
    import definitely_not_a_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
    print(e.name, isinstance(e, ImportError))
try:
    from no_such_pkg.sub import thing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import mod_pkg.nothing_here
except ModuleNotFoundError as e:
    print(e)
import importlib
try:
    importlib.import_module("also_missing")
except ModuleNotFoundError as e:
    print("importlib:", e)
print("still running")
