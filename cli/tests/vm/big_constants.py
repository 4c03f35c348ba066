# Big constant lists, tuples and sets: merging equal constants must not take quadratic time
# (a 200,000-item literal once took minutes in pyrt, a blink in CPython).
n = 200000
big = eval("[" + ",".join(str(i) for i in range(n)) + "]")
print(len(big), big[0], big[-1], sum(big))
t = eval("(" + ",".join(repr(str(i % 1000)) for i in range(n)) + ")")
print(len(t), t[999] is t[1999], len(set(t)))
s = eval("{" + ",".join(str(float(i)) for i in range(n // 4)) + "}")
print(len(s), min(s), max(s))
mixed = eval("[" + ",".join(["0.0", "-0.0", "0", "False", "1", "True", "(0.0,)", "(-0.0,)"] * 10000) + "]")
print(mixed[:8], [type(x).__name__ for x in mixed[-8:]])
print(repr(mixed[1]), repr(mixed[7][0]), mixed[4] is mixed[12], mixed[5] is True)
