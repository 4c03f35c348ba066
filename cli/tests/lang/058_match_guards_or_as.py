def classify(pair):
    match pair:
        case (0, 0):
            return "origin"
        case (0 | 1 as small, int(y)) if y > 10:
            return f"small {small} with big y"
        case ((int() | float()) as a, (int() | float()) as b) as whole:
            return f"numbers {a}, {b} in {whole}"
        case (str() as s, _) | (_, str() as s):
            return f"has string {s}"
    return "nothing"

print(classify((0, 0)))
print(classify((1, 50)))
print(classify((1, 5)))
print(classify((2.5, 3)))
print(classify(("a", 1)))
print(classify((1, "b")))
print(classify([None, None]))
calls = []
def guard(v):
    calls.append(v)
    return v > 2
match 5:
    case 1 | 2:
        pass
    case n if guard(n):
        print("guard passed for", n)
print(calls)
