# A script in Python 2's print statement: CPython 3.12 stops before running anything (the
# prints above the error never run) and marks the whole statement, from `print` to the end
# of the expressions after it, with the message naming print(...).
names = ["a", "b"]
print("never printed: the script does not compile")


def greet(name):
    return "hello " + name


for name in names:
    print greet(name), len(name)
print("not reached")
