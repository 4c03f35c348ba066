# print() writes to sys.stdout as it is at the call: reassigned, None, a StringIO, restored.
import io, sys
# io imported sys first: __main__ is still this script.
print(sys.modules["__main__"].__dict__ is globals(), sys._getframe().f_back)

class Recorder:
    def __init__(self):
        self.calls = []
    def write(self, text):
        self.calls.append(text)
        return len(text)
    def flush(self):
        self.calls.append("<flush>")
rec = Recorder()
saved = sys.stdout
sys.stdout = rec
print("a", 1, sep="-")
print("b", end="", flush=True)
sys.stdout = None
print("into None: nothing")
sys.stdout = io.StringIO()
print("kept", [1, 2])
kept = sys.stdout.getvalue()
sys.stdout = saved
print(rec.calls)
print(repr(kept), sys.stdout is sys.__stdout__)
buf = io.StringIO()
print("explicit file", file=buf)
print(repr(buf.getvalue()))
for replacement in (object(), "deleted"):
    if replacement == "deleted":
        del sys.stdout
    else:
        sys.stdout = replacement
    try:
        print("x")
    except (AttributeError, RuntimeError) as e:
        sys.stdout = saved
        print(type(e).__name__, e)
