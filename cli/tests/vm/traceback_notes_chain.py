# Notes under the message line, in a chain of a cause and a context.
def load(record):
    try:
        return record["value"]
    except KeyError as e:
        e.add_note(f"while processing record {record!r}")
        raise ValueError("bad record") from e

try:
    load({"id": 7})
except ValueError as v:
    v.add_note("first note\nsecond line")
    raise RuntimeError("giving up")
