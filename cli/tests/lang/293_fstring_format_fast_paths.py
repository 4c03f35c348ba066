# f-string pieces and format specs: the fast paths of FORMAT_VALUE (exact str and int with an
# empty spec, small ints padded to a width) and BUILD_STRING's join give the general path's
# text, kind, size and object identity.
import sys

vals = [0, 7, -7, 123, -2**29, 2**40, True, 3.5, "s", "é"]
specs = ["", ">4", "<5", "^6", "*^7", "0>3", ">1", "04", "+4", ",", "x", ">70", "é>5", "=5"]
for v in vals:
    for s in specs:
        try:
            r = format(v, s)
            f = f"{v:{s}}"
            print(repr(v), repr(s), repr(r), repr(f), sys.getsizeof(f))
        except Exception as e:
            print(repr(v), repr(s), type(e).__name__, e)
x, e, seven, eacute = 7, "", "7", "é"
print(f"{x:>1}" is seven, f"{x}" is seven, sys.getsizeof(f"{x}{e}"), f"{eacute}{e}" is eacute)
print(f"{eacute}" is eacute, sys.getsizeof(f"{eacute}{e}"), f"{e}{e}" is e)
print(sys.getsizeof(f"a{eacute}b{'Ж'}c{'😀'}"), f"{x!r:>4}|{'ab'!r:^8}|{e}")
print(", ".join(["é", "Ж", "😀", "a"]), sys.getsizeof("".join(["a", "Ж"])))
try:
    "-".join(["a", 1])
except TypeError as err:
    print(err)
