x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()

def local():
    x = "local"
    return x

def builtin():
    return len("abc")

print(outer(), local(), builtin(), x)
def shadow_builtin():
    len = lambda s: -1
    return len("abc")
print(shadow_builtin(), len("abc"))
def uses_later():
    return later_defined
later_defined = "found at call time"
print(uses_later())
def locals_view():
    a, b = 1, 2
    return sorted(locals().items())
print(locals_view())
class K:
    y = 5
    z = [y]
print(K.z)
