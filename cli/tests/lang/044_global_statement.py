counter = 0

def increment():
    global counter
    counter += 1
    return counter

print(increment(), increment(), counter)
def set_new():
    global created_later
    created_later = "made inside"
set_new()
print(created_later)
def reads_only():
    return counter * 10
print(reads_only())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def broken():
    try:
        print(counter)
        counter = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
broken()
print("counter" in globals(), globals()["counter"])
