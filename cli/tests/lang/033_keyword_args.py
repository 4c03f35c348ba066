def describe(name, age, city="?"):
    return f"{name} ({age}) from {city}"

print(describe("Ann", 30))
print(describe(age=25, name="Bob"))
print(describe("Cy", city="Oslo", age=40))
try:
    describe("Dee", name="Dee", age=1)
except TypeError as e:
    print("TypeError:", e)
try:
    describe("Eve")
except TypeError as e:
    print("TypeError:", e)
try:
    describe("Fay", 1, "x", "y")
except TypeError as e:
    print("TypeError:", e)
try:
    describe("Gus", 1, town="x")
except TypeError as e:
    print("TypeError:", e)
print(sorted(["b", "A", "c"], key=str.lower), print("kw", end="!\n"))
