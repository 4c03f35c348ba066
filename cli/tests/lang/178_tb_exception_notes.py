def process(record):
    try:
        return record["value"] * 2
    except KeyError as e:
        e.add_note(f"while processing record {record!r}")
        e.add_note("records need a 'value' key")
        raise

print(process({"value": 21}))
process({"id": 7})
