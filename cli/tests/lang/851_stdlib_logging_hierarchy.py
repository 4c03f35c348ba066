# logging: loggers form a dotted hierarchy; levels are inherited, records propagate to the
# ancestors' handlers, and with no handler anywhere a warning's bare message is printed.
import logging
import sys

orphan = logging.getLogger("orphan")
orphan.warning("no handler anywhere: the last resort prints %s", "this")
orphan.info("and drops infos")

child = logging.getLogger("app.db.pool")
print(repr(child), child.parent is logging.root)
app = logging.getLogger("app")
print(child.parent is app, logging.getLogger("app.db").parent is app, child.parent.name)
print(app.getChild("db.pool") is child, logging.getLogger("app.db") is app.getChild("db"))

handler = logging.StreamHandler(sys.stdout)
handler.setFormatter(logging.Formatter("[%(name)s] %(levelname)s: %(message)s"))
app.addHandler(handler)
app.setLevel(logging.DEBUG)
print(child.getEffectiveLevel(), child.isEnabledFor(logging.DEBUG), child.hasHandlers())
child.debug("from the pool, %d connections", 3)
logging.getLogger("app.db").info("from db")

handler.setLevel(logging.WARNING)
child.info("the handler's level drops this")
child.warning("but not this")
