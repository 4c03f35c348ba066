def handle(event):
    match event:
        case {"type": "click", "pos": (x, y)}:
            return f"click at {x},{y}"
        case {"type": "key", "key": str(k)} if len(k) == 1:
            return f"key {k}"
        case {"type": "resize", **rest}:
            return f"resize {sorted(rest.items())}"
        case {"type": t}:
            return f"unknown event {t}"
        case {}:
            return "no type"
    return "not a mapping"

print(handle({"type": "click", "pos": (1, 2)}))
print(handle({"type": "key", "key": "q", "shift": True}))
print(handle({"type": "key", "key": "enter"}))
print(handle({"type": "resize", "w": 10, "h": 20}))
print(handle({"other": 1}))
print(handle([1, 2]))
