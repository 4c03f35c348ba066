# atexit: callbacks run at exit, newest first, with their arguments; unregister empties slots.
import atexit

def goodbye(name, punctuation="."):
    print(f"goodbye, {name}{punctuation}")

for call in (lambda: atexit.register(), lambda: atexit.register(5),
             lambda: atexit.unregister(), lambda: atexit._ncallbacks(1),
             lambda: atexit.unregister(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(atexit.register(goodbye, "first") is goodbye, atexit._ncallbacks())
atexit.register(goodbye, "second", punctuation="!")
atexit.register(print, "dropped")
atexit.unregister(print)
atexit.unregister(len)
print(atexit._ncallbacks())

@atexit.register
def last():
    print("registered last, runs first")
    atexit.register(print, "registered while exiting: never runs")

class Loud:
    def __del__(self):
        print("Loud.__del__ at teardown, after the callbacks")
keep = Loud()
atexit.register(print, "a", "b", sep="+")
print(atexit.register, atexit)
print("end of script")
