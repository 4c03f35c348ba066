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
try:
    from mod_pkg import nothing_either
except ImportError as e:
    print(type(e).__name__, e.name)
print("still running")
