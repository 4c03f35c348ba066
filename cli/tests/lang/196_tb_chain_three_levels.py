def level1():
    try:
        raise KeyError("level 1")
    except KeyError as e:
        raise ValueError("level 2") from e

def level2():
    try:
        level1()
    except ValueError:
        raise RuntimeError("level 3")

level2()
