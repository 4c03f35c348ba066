import sys

def total(*args):
    print(type(args).__name__, len(args), sys.getsizeof(args))
    return sum(args)

print(total())
print(total(1))
print(total(1, 2, 3))
nums = [4, 5, 6]
print(total(*nums))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3))
def show(label, *items, sep=", "):
    return label + ": " + sep.join(map(str, items))
print(show("nums", 1, 2, 3), show("x", "a", "b", sep="|"))
args = (1, 2)
print(head_tail(*args, *"ab"))
