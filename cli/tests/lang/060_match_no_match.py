def f(x):
    match x:
        case 1:
            return "one"
        case [1, 2]:
            return "list one two"
    return "fell through"

print(f(1), f([1, 2]), f((1, 2)), f(2), f([1, 2, 3]))
x = 5
match x:
    case 6:
        print("six")
print("after match, no case ran")
match = 3
case = 4
print(match + case)
def g(v):
    match v:
        case {"a": 1, **rest}:
            return rest
        case {**rest}:
            return "no a", rest
print(g({"a": 1, "z": 1}), g({"z": 2}), g(5))
