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
