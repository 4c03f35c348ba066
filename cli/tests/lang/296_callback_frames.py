# A function a built-in calls back (map, sorted's key) from inside a generator: its caller's
# frame is the generator's, as CPython links it.
import sys
def f(_):
    return sys._getframe(1).f_code.co_name, sys._getframe(2).f_code.co_name
def gen():
    yield list(map(f, [0]))
    yield sorted([2, 1], key=lambda x: (sys._getframe(1).f_code.co_name, x))
    yield [f(0) for _ in range(1)]
def main():
    for v in gen():
        print(v)
    print(list(gen()))
    try:
        for v in gen():
            raise ValueError
    except ValueError as e:
        print(e.__traceback__.tb_frame.f_code.co_name)
main()
