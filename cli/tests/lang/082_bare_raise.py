def risky():
    raise ValueError("original")

def wrapper():
    try:
        risky()
    except ValueError:
        print("logging, then re-raising")
        raise

try:
    wrapper()
except ValueError as e:
    print("outer got", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def reraise_after_handling():
    try:
        raise KeyError("a")
    except KeyError as e:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise
try:
    reraise_after_handling()
except Exception as e:
    print("re-raised", repr(e))
