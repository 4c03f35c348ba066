import os
env = os.environ
print(type(env).__name__, type(env).__module__)
print("PATH" in env, env.get("PYRT_NO_SUCH_VAR"), env.get("PYRT_NO_SUCH_VAR", "dflt"))
print(os.getenv("PYRT_NO_SUCH_VAR"), os.getenv("PYRT_NO_SUCH_VAR", 5))
env["PYRT_TEST_VAR"] = "value one"
print(env["PYRT_TEST_VAR"], os.getenv("PYRT_TEST_VAR"), "PYRT_TEST_VAR" in env)
env["PYRT_TEST_VAR"] = "é"
print(env["PYRT_TEST_VAR"], len(env["PYRT_TEST_VAR"]))
print("PYRT_TEST_VAR" in list(env), ("PYRT_TEST_VAR", "é") in env.items())
print(env.setdefault("PYRT_TEST_VAR", "x"), env.setdefault("PYRT_OTHER", "y"))
print(env.pop("PYRT_OTHER"), env.pop("PYRT_OTHER", "gone"))
del env["PYRT_TEST_VAR"]
print(os.getenv("PYRT_TEST_VAR"), "PYRT_TEST_VAR" in env)
try:
    3 in env
except TypeError as e:
    print(e)
try:
    env["PYRT_NO_SUCH_VAR"]
except KeyError as e:
    print("KeyError", repr(e))
try:
    del env["PYRT_NO_SUCH_VAR"]
except KeyError as e:
    print("KeyError", repr(e))
for k, v in (("A", 1), (1, "A")):
    try:
        env[k] = v
    except TypeError as e:
        print(e)
try:
    env.pop("PYRT_NO_SUCH_VAR")
except KeyError as e:
    print("KeyError", repr(e))
copy = env.copy()
print(type(copy).__name__, len(copy) == len(env), copy.get("PATH") == env["PATH"])
print(len(env.keys()) == len(env), all(isinstance(v, str) for v in env.values()))
