import traceback
import sys

def leaf():
    stack = traceback.extract_stack()
    print(type(stack).__name__, len(stack) >= 3, [f.name for f in stack][-3:])
    last = stack[-1]
    print(repr(last).replace(__file__, "F"), last.lineno, last.line, len(last), last[2])
    print(list(last)[1:], last == (__file__, 5, "leaf", "stack = traceback.extract_stack()"))
    print("".join(traceback.format_stack(limit=2)).replace(__file__, "F"), end="")
    traceback.print_stack(limit=1, file=sys.stdout)
    print([f.f_code.co_name for f, n in traceback.walk_stack(None)][:3])
    print(traceback.extract_stack(limit=-1)[0].name, traceback.extract_stack(sys._getframe(1))[-1].name)

def middle():
    leaf()

middle()
s = traceback.StackSummary.from_list([("a.py", 3, "f", "x = 1"), ("b.py", 4, "g", None)])
print(s.format(), traceback.format_list(s))
fs = traceback.FrameSummary("nofile.py", 7, "h", line="  y = 2  ")
print(fs.line, repr(fs), fs == ("nofile.py", 7, "h", "y = 2"), fs.filename, fs.lineno, fs.name)
print(traceback.FrameSummary("nofile.py", 1, "q").line == "", traceback.FrameSummary("x", None, "q", lookup_line=False).line)

def recurse(n):
    if n == 0:
        return traceback.extract_stack()
    return recurse(n - 1)
print("".join(recurse(8).format()[-4:]).replace(__file__, "F"), end="")
print(traceback.FrameSummary("a", 1, "f", line="x") == traceback.FrameSummary("a", 1, "f", line="y"))
