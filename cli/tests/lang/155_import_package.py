import mod_pkg
from mod_pkg import helpers
from mod_pkg.helpers import whisper

print(mod_pkg.VERSION, mod_pkg.shout("hi"), whisper("LOUD"))
print(mod_pkg.__name__, helpers.__name__, helpers.__package__)
print(mod_pkg.helpers is helpers)
import sys
print("mod_pkg.helpers" in sys.modules)
import mod_pkg.helpers as h
print(h is helpers)
print(hasattr(mod_pkg, "__path__"), hasattr(helpers, "__path__"))
