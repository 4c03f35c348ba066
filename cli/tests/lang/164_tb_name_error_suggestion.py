def greet(username):
    message = "hello " + username
    return mesage

counter = 1
print(counter)
try:
    print(conter)
except NameError as e:
    print("caught:", e)
print(greet("ann"))
