"""A module found only through sys.path, not next to the scripts."""

LOADED_FROM = "mod_extra"

def triple(x):
    return 3 * x
