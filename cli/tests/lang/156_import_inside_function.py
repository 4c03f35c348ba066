import sys

def lazy():
    import mod_counter
    return mod_counter.bump()

print("mod_counter" in sys.modules)
print(lazy(), lazy())
print("mod_counter" in sys.modules)
print("mod_counter" in globals())
def local_from():
    from mod_counter import bump as b
    return b()
print(local_from())
del sys.modules["mod_counter"]
print(lazy())
