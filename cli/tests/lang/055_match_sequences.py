def parse(command):
    match command.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", item]:
            return f"picking up {item}"
        case ["drop", *items] if items:
            return f"dropping {', '.join(items)}"
        case ["quit" | "exit"]:
            return "bye"
        case [first, *middle, last]:
            return f"{first}..{len(middle)}..{last}"
        case _:
            return "?"

for c in ("go north", "pick up lamp", "drop a b c", "drop", "exit", "a b c d", ""):
    print(repr(c), "->", parse(c))
match (1, (2, 3)):
    case (a, (b, c)):
        print(a + b + c)
match "abc":
    case [*chars]:
        print("str is a sequence?", chars)
    case str():
        print("str is not matched as a sequence")
