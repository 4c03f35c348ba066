# logging: Formatter in the '%' and '{' styles, the record's attributes, dict arguments,
# extra fields, and the errors of bad formats.
import logging
import sys

log = logging.getLogger("fmt")
log.propagate = False
handler = logging.StreamHandler(sys.stdout)
log.addHandler(handler)

def where():
    log.warning("called from a function")

for fmt in ["%(levelname)s|%(name)s|%(funcName)s|%(lineno)d|%(module)s|%(message)s",
            "%(levelno)03d %(message)-10s|", "%(threadName)s %(processName)s %(taskName)s"]:
    handler.setFormatter(logging.Formatter(fmt))
    where()
    log.error("at module level")

handler.setFormatter(logging.Formatter("{levelname:<8}{name}: {message}", style="{"))
log.warning("brace style %s", "with %-args")
log.warning("%(a)s then %(b)s", {"a": 1, "b": 2})
log.warning("a dict alone: %s", {})

handler.setFormatter(logging.Formatter("%(message)s user=%(user)s"))
log.warning("with extra", extra={"user": "bob"})
try:
    log.warning("bad extra", extra={"message": "x"})
except KeyError as e:
    print("KeyError", e)

record = logging.LogRecord("n", logging.INFO, "/some/dir/file.py", 7, "m %d", (5,), None, "fn")
print(repr(record), record.filename, record.module, record.getMessage(), record.funcName)
print(record.levelname, record.exc_info, record.stack_info, record.msecs < 1000)
made = logging.makeLogRecord({"msg": "made %s", "args": ("here",), "custom": 1})
print(made.getMessage(), made.custom, made.name, made.levelname)
print(logging.Formatter().format(made), logging.Formatter("%(custom)d").format(made))

for args in [("no fields",), ("{nothing", None, "{"), ("%(x)s", None, "?")]:
    try:
        logging.Formatter(*args)
    except ValueError as e:
        print("ValueError", e)
print(logging.Formatter("no fields", validate=False).format(made))
try:
    logging.Formatter("%(missing)s").format(made)
except ValueError as e:
    print("ValueError", e)
for fmt in ["{a} }", "{", "{a!x}", "{a:>>>}", "{a-b}", "{0.x[1]:>{w}.3f} {m!r:^10}"]:
    try:
        logging.Formatter(fmt, style="{")
        print("valid", fmt)
    except ValueError as e:
        print("ValueError", e)
