def risky():
    try:
        return 1 / 0
    finally:
        print("cleanup runs")

def cleanup_fails():
    try:
        raise ValueError("first problem")
    finally:
        [].pop()

try:
    risky()
except ZeroDivisionError as e:
    print("caught", e)
cleanup_fails()
