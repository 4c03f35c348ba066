import io
import os
import sys
import tempfile
import traceback

# Errors inside open() and the file methods show no frames of their own, as C code has none.
try:
    open("no-such-file-913.txt")
except OSError:
    traceback.print_exc()
with tempfile.TemporaryDirectory() as d:
    with open(os.path.join(d, "w.txt"), "w") as f:
        try:
            f.read()
        except io.UnsupportedOperation as e:
            traceback.print_exc(file=sys.stdout)
            print(len(traceback.extract_tb(e.__traceback__)))
        try:
            f.write(42)
        except TypeError:
            print(traceback.format_exc())
    try:
        f.write("closed")
    except ValueError as e:
        print([fs.name for fs in traceback.extract_tb(e.__traceback__)])

def read_config(path):
    with open(path) as f:
        return f.read()

print("about to fail")
read_config("missing-config-913.ini")
