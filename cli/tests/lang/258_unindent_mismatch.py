# An unindent to a column no outer block uses.
import sys
print("never printed")


def f():
    x = 1
  y = 2


def g():
    return 1
print(g())
