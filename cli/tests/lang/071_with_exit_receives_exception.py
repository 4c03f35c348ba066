class Show:
    def __enter__(self):
        return "resource"

    def __exit__(self, exc_type, exc, tb):
        print("type:", exc_type)
        print("value:", repr(exc))
        print("tb is None:", tb is None)
        return True

with Show() as r:
    raise ValueError("boom")
with Show():
    pass
class Replace:
    def __enter__(self):
        return self
    def __exit__(self, et, e, tb):
        raise RuntimeError("from exit") from e
try:
    with Replace():
        1 / 0
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__))
