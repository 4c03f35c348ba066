# types.DynamicClassAttribute (what enum builds on); io.UnsupportedOperation, fileno, detach.
import io, types

class Meta(type):
    def __getattr__(cls, name):
        return f"class-level {name}"
class Color(metaclass=Meta):
    def __init__(self, value):
        self._value = value
    @types.DynamicClassAttribute
    def value(self):
        """The value."""
        return self._value
    @value.setter
    def value(self, v):
        self._value = v * 2
c = Color(3)
print(c.value, Color.value, Color.__dict__["value"].__doc__, type(Color.__dict__["value"]))
c.value = 5
print(c.value)
for bad in (lambda: delattr(c, "value"), lambda: types.DynamicClassAttribute(None, None, None, "d").__get__(c)):
    try:
        bad()
    except AttributeError as e:
        print("AttributeError", e)
print(io.UnsupportedOperation, io.UnsupportedOperation.__mro__[1:3], io.DEFAULT_BUFFER_SIZE)
print(io.BlockingIOError is BlockingIOError, issubclass(io.UnsupportedOperation, ValueError))
for call in (io.StringIO().fileno, io.StringIO().detach, io.BytesIO().fileno):
    try:
        call()
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError))
s = io.StringIO("x")
s.close()
try:
    s.fileno()
except OSError as e:
    print("closed:", type(e).__name__, e)
