results = []
for token in ["1", "a", "3", "", "5"]:
    try:
        n = int(token)
    except ValueError:
        results.append("skip")
        continue
    else:
        results.append(n * 10)
    finally:
        results.append("|")
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"try {attempts}")
        print("connected after", attempts)
        break
    except ConnectionError as e:
        print("retry:", e)
def first_int(items):
    for x in items:
        try:
            return int(x)
        except (TypeError, ValueError):
            pass
    return None
print(first_int([None, "q", "7", "8"]), first_int([]))
