def move(x, y, *, speed=1):
    return (x * speed, y * speed)

print(move(1, 2))
print(move(1, 2, speed=3))
try:
    move(1)
except TypeError as e:
    print("TypeError:", e)
move(1, 2, 3)
