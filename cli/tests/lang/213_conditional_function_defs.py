import sys

if sys.version_info >= (3, 12):
    def describe():
        return "3.12 or later"
else:
    def describe():
        return "older"

print(describe())
def make(kind):
    if kind == "add":
        def op(a, b):
            return a + b
    else:
        def op(a, b):
            return a * b
    return op
print(make("add")(3, 4), make("mul")(3, 4))
try:
    import not_installed_lib as impl
except ImportError:
    impl = None
print(impl)
for i in range(2):
    def numbered(i=i):
        return i
print(numbered())
