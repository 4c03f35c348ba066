import traceback
import sys

def inner():
    return {}["key"]

def outer():
    return inner()

try:
    outer()
except KeyError:
    traceback.print_exc()
    print("printed to stderr, continuing")
try:
    outer()
except KeyError as e:
    lines = traceback.format_exception_only(e)
    print(lines)
    print(len(traceback.extract_tb(e.__traceback__)))
    print([f.name for f in traceback.extract_tb(e.__traceback__)])
print(traceback.format_exc() == "NoneType: None\n")
