"""A package of the corpus."""

from .helpers import shout

VERSION = "1.0"
print("mod_pkg imported")
