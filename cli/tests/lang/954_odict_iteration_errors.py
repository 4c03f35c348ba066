# Changing an OrderedDict while iterating over it: adding, deleting or moving a key is
# "mutated during iteration", a clear is "changed size", replacing a value is fine.
from collections import OrderedDict

def attempt(label, change, view=lambda od: od):
    od = OrderedDict.fromkeys("abc", 0)
    it = iter(view(od))
    out = [next(it)]
    change(od)
    try:
        for x in it:
            out.append(x)
    except RuntimeError as e:
        out.append(str(e))
    try:
        out.append(next(it))
    except StopIteration:
        out.append("stop")
    except RuntimeError as e:
        out.append("again: " + str(e))
    print(label, out, od)

attempt("add", lambda od: od.__setitem__("z", 1))
attempt("del", lambda od: od.__delitem__("c"))
attempt("move", lambda od: od.move_to_end("a"))
attempt("pop", lambda od: od.pop("b"))
attempt("popitem", lambda od: od.popitem())
attempt("clear", lambda od: od.clear())
attempt("replace", lambda od: od.__setitem__("b", 9))
attempt("values", lambda od: od.__setitem__("q", 1), lambda od: od.values())
attempt("items", lambda od: od.clear(), lambda od: od.items())
attempt("reversed", lambda od: od.setdefault("n"), reversed)
attempt("setdefault-old", lambda od: od.setdefault("a"), reversed)
attempt("move-last-already", lambda od: od.move_to_end("c"))
attempt("move-first-already", lambda od: od.move_to_end("a", last=False))
attempt("move-equal-last", lambda od: od.move_to_end("".join(["c"])))
try:
    OrderedDict().move_to_end([])
except KeyError as e:
    print("KeyError", e)
