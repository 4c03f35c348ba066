# logging: propagation to the root logger, filters on a logger, LoggerAdapter, and
# logging.disable.
import logging
import sys

app = logging.getLogger("app")
child = logging.getLogger("app.db.pool")
handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s: %(message)s"))
app.addHandler(handler)
app.setLevel(logging.DEBUG)
app.propagate = False
root_handler = logging.StreamHandler(sys.stdout)
root_handler.setFormatter(logging.Formatter("root saw: %(message)s"))
logging.root.addHandler(root_handler)
child.error("app does not propagate to root")
app.propagate = True
child.error("now it does")

class OnlyOdd(logging.Filter):
    def filter(self, record):
        return record.args[0] % 2 == 1

app.addFilter(OnlyOdd())
for n in range(4):
    app.warning("number %d", n)
child.warning("filters of app do not apply to records of its children: %d", 2)
print(repr(handler), repr(logging.NullHandler()))
adapter = logging.LoggerAdapter(app, {"user": "ann"})
print(repr(adapter), adapter.isEnabledFor(logging.INFO))
logging.disable(logging.WARNING)
child.warning("disabled")
child.error("errors still pass %d", 1)
logging.disable(logging.NOTSET)
