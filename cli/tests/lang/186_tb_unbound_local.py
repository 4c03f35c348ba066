count = 0

def show():
    return count

def increment():
    count += 1
    return count

print("count is", count, show())
increment()
