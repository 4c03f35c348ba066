def attempt(x):
    try:
        v = 10 // x
    except ZeroDivisionError:
        print("  except")
        v = None
    else:
        print("  else, no exception")
    finally:
        print("  finally always")
    return v

print(attempt(2))
print(attempt(0))
def cleanup():
    log = []
    try:
        log.append("try")
        raise ValueError
    except ValueError:
        log.append("except")
    finally:
        log.append("finally")
    return log
print(cleanup())
try:
    try:
        raise KeyError("inner")
    finally:
        print("inner finally runs before outer except")
except KeyError as e:
    print("outer caught", e)
