# Filter and DomainFilter: filename patterns, line numbers, all_frames, domains, filter_traces.
import tracemalloc
from tracemalloc import DomainFilter, Filter, Snapshot

traces = [(0, 10, (("/app/main.py", 3),), 1), (0, 20, (("/app/util.py", 7), ("/app/main.py", 9)), 2),
          (1, 40, (("/lib/x.pyc", 1),), 1), (2, 80, (("<frozen abc>", 5),), 1),
          (0, 160, (("/app/data[1].py", 2),), 1), (0, 320, (("<unknown>", 0),), 1)]
snap = Snapshot(traces, 2)
filters = [Filter(True, "/app/*"), Filter(False, "/app/*"), Filter(True, "*.py", lineno=7),
           Filter(True, "/app/main.py", all_frames=True), Filter(False, "/app/main.py", all_frames=True),
           Filter(True, "/lib/x.py"), Filter(True, "*/?til.py"), Filter(True, "/app/data[[]1].py"),
           Filter(True, "/app/[!m]*"), Filter(True, "/app/[a-m]ain.py"), Filter(True, "<*>"),
           Filter(True, "*", domain=1), Filter(False, "*", domain=1), Filter(False, "<unknown>"),
           Filter(True, "/app/data[1].py"), Filter(True, "[]"), Filter(True, "/app/[!]*"),
           DomainFilter(True, 2), DomainFilter(False, 0)]
for f in filters:
    kept = snap.filter_traces([f])
    print(type(f).__name__, f.inclusive, getattr(f, "filename_pattern", None), f.domain,
          [t[1] for t in kept.traces._traces])
print(Filter(True, "x.pyc").filename_pattern, Filter(False, "a", 3, True, 2).__dict__)
both = snap.filter_traces([Filter(True, "/app/*"), Filter(True, "<*>"), Filter(False, "*util*")])
print(sorted(t.size for t in both.traces), both.traceback_limit)
copy = snap.filter_traces([])
print(len(copy.traces), copy.traces == snap.traces, copy.traces._traces is snap.traces._traces)
print(len(snap.filter_traces(()).traces), len(snap.filter_traces(iter([Filter(True, "*")])).traces))
try:
    snap.filter_traces(3)
except TypeError as e:
    print("TypeError:", e)
try:
    tracemalloc.BaseFilter(True)._match(traces[0])
except NotImplementedError:
    print("NotImplementedError")
print(DomainFilter(True, 5).domain, DomainFilter(False, 5).inclusive)
try:
    DomainFilter(True, 5).domain = 6
except AttributeError as e:
    print("AttributeError:", e)
