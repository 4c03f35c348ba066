import mod_counter
import mod_uses_counter

print(mod_counter.calls)
mod_counter.bump()
print(mod_counter.calls)
print(mod_uses_counter.bump_twice(), mod_counter.calls)
print(mod_uses_counter.mod_counter is mod_counter)
from mod_counter import calls
mod_counter.bump()
print(calls, mod_counter.calls)
import sys
print(sys.getrefcount(mod_counter) > 2, "mod_uses_counter" in sys.modules)
print(sorted(n for n in vars(mod_counter) if not n.startswith("__")))
