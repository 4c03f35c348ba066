import sys

def validate(args):
    errors = []
    if "--input" not in args:
        errors.append("missing --input")
    if "--size=-1" in args:
        errors.append("bad --size")
    return errors

errors = validate(["--size=-1"])
print("validating arguments")
if errors:
    sys.exit("error: " + "; ".join(errors))
print("not reached")
