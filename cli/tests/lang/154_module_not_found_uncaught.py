import sys

print("importing a module that is here")
import mod_counter
print(mod_counter.bump())
print("mod_counter" in sys.modules)
print("importing something that is not there")
sys.stdout.flush()
import mod_that_does_not_exist
print("never printed")
