def f():
    x = 1
      y = 2
    return x + y

def g():
    return 3

print("never printed")
print(f(), g())
