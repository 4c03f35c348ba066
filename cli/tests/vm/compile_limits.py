# The compiler's own limits raise what CPython raises: RecursionError for too-deep expressions,
# MemoryError for a parser stack overflow; only real syntax errors are SyntaxError.
for src in ["+".join(["1"] * 20000), "x = (" + "1+" * 5000 + "1)", "-" * 100000 + "1"]:
    for mode in ["eval", "exec"]:
        try:
            compile(src, "s", mode); print("ok")
        except RecursionError as e: print("RE", e)
        except SyntaxError as e: print("SE", e)
        except MemoryError as e: print("ME", e)
try: exec("x = (" + "1+" * 5000 + "1)")
except RecursionError as e: print("RE", e, e.args)
