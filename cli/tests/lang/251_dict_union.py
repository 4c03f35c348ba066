a = {"x": 1, "y": 2}
b = {"y": 3, "z": 4}
print(a | b, b | a, a)
c = a
c |= b
print(c is a, a)
a |= [("w", 0)]
print(a)
for e in ["a | [('q', 1)]", "a | 5", "5 | a", "a | {1}"]:
    try:
        print(eval(e) if False else None)
    except TypeError as ex:
        print(ex)
def t(f):
    try:
        print(f())
    except (TypeError, ValueError) as ex:
        print(type(ex).__name__, ex)
t(lambda: a | [("q", 1)])
t(lambda: a | 5)
t(lambda: 5 | a)
t(lambda: a | {1})
def ior(x):
    d = {}
    d |= x
    return d
t(lambda: ior(5))
t(lambda: ior([1]))
t(lambda: ior([(1, 2, 3)]))
t(lambda: ior({"k": "v"}.items()))
print({} | {}, type({1: 2} | {}))
