def connect(host, *, port=80, timeout):
    return f"{host}:{port} t={timeout}"

print(connect("h", timeout=5))
print(connect("h", port=8080, timeout=1))
try:
    connect("h", 8080, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    connect("h")
except TypeError as e:
    print("TypeError:", e)
def after_args(*args, sep):
    return sep.join(args)
print(after_args("a", "b", sep="-"))
print(connect.__kwdefaults__)
print(connect.__code__.co_kwonlyargcount, connect.__code__.co_argcount)
