def describe(value):
    match value:
        case 0:
            return "zero"
        case n if n < 0:
            return f"negative {n}"
        case n:
            return f"positive {n}"

print(describe(0), describe(-3), describe(7))
def first(seq):
    match seq:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [x, *_]:
            return f"many, first {x}"
print(first([]), first([1]), first((1, 2)), first([1, 2, 3]))
match 42:
    case whatever:
        print("captured", whatever)
print(whatever)
