# logging: LogRecord and makeLogRecord, Formatter's validation of '%' and '{' formats
# (CPython's messages), and a missing field.
import logging

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
