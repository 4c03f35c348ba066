# logging: the module-level functions configure the root logger on first use; levels, names,
# the default format, and records below the level dropped.
import logging

logging.debug("not shown: the root logger is at WARNING")
logging.warning("a warning with %s and %d", "args", 42)
logging.error("an error")
logging.critical("critical")
root = logging.getLogger()
print(root is logging.root, repr(root), root.level, root.handlers)
print(root.handlers[0].formatter._fmt)
print(logging.getLevelName(logging.INFO), logging.getLevelName("DEBUG"), logging.getLevelName(25))
logging.addLevelName(25, "NOTICE")
print(logging.getLevelName(25), logging.getLevelName("NOTICE"))
logging.log(25, "a notice is above WARNING? %s", 25 >= logging.WARNING)
root.setLevel("INFO")
logging.info("now info is shown")
logging.log(25, "custom level %d", 25)
print(sorted(logging.getLevelNamesMapping().items()))
for bad in ("LOUD", 3.5):
    try:
        root.setLevel(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    logging.log("INFO", "x")
except TypeError as e:
    print("TypeError", e)
logging.basicConfig(level=logging.DEBUG, format="ignored: root has a handler")
logging.debug("still hidden: basicConfig did nothing")
logging.basicConfig(level=logging.DEBUG, format="%(levelname)s %(message)s", force=True)
logging.debug("forced: %s", "new format")
try:
    logging.basicConfig(force=True, colour="red")
except ValueError as e:
    print(e)
