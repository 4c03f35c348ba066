def label(count):
    return "items: " + count

print(label("3"))
try:
    label(3)
except TypeError as e:
    print("caught:", e)
width = 10
height = None
print("computing area")
area = width * height
print(area)
