import logging
import sys
import traceback

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s",
                    stream=sys.stdout)
log = logging.getLogger("lesson")

def divide(a, b):
    return a / b

try:
    divide(1, 0)
except ZeroDivisionError:
    log.exception("division failed")
    log.error("with exc_info", exc_info=True)
    log.warning("no traceback")
try:
    [][3]
except IndexError as e:
    log.error("given the exception", exc_info=e)
    log.info("as a tuple", exc_info=(type(e), e, e.__traceback__))
log.info("after: %s", traceback.format_exc().strip())
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
other = logging.getLogger("other")
other.propagate = False
other.addHandler(handler)
try:
    {}["missing"]
except KeyError:
    other.exception("lookup")
print(logging.Formatter().formatException(sys.exc_info()) if sys.exc_info()[0] else "none")
