# A script whose syntax error is at a token longer than one character, in an indented block:
# CPython marks the whole token (`print`, five carets) under the line, which it shows
# without its indentation.
print("never printed: the script does not compile")


def show(values):
    total = 0
    for v in values:
        while v > 0 print(v)
            v -= 1
            total += 1
    return total


print(show([3, 1]))
