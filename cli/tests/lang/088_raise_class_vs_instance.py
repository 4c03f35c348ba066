try:
    raise ValueError
except ValueError as e:
    print(repr(e), type(e) is ValueError)
try:
    raise ValueError()
except ValueError as e:
    print(repr(e))
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError from 3
except TypeError as e:
    print("TypeError:", e)
class NotAnException:
    pass
try:
    raise NotAnException
except TypeError as e:
    print("TypeError:", e)
try:
    raise StopIteration("done")
except StopIteration as e:
    print(repr(e), e.value)
try:
    raise SystemExit(3)
except SystemExit as e:
    print("SystemExit code", e.code)
