"""`collections.abc`: the abstract base classes of containers, as CPython 3.12's
Lib/collections/abc.py, which takes them all from `_collections_abc` (see there)."""

from _collections_abc import *
from _collections_abc import __all__
from _collections_abc import _CallableGenericAlias
