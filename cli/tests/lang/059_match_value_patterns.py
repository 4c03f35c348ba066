class Color:
    RED = "red"
    GREEN = "green"

class Limits:
    LOW = 10
    HIGH = 100

def check(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Limits.LOW:
            return "low limit"
        case Limits.HIGH:
            return "high limit"
        case _:
            return "none"

print([check(v) for v in ("red", "green", 10, 100, 5)])
def nested(data):
    match data:
        case {"users": [{"name": str(name)}, *others]}:
            return f"first user {name}, {len(others)} others"
        case {"users": []}:
            return "no users"
    return "bad data"
print(nested({"users": [{"name": "ann"}, {"name": "bob"}]}))
print(nested({"users": []}), nested({}))
