def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally before return")

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"

def swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(ret_in_finally(), finally_overrides(), swallows())
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("while finally", i)
