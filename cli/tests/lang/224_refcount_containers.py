import sys

obj = object()
print(sys.getrefcount(obj))
lst = [obj] * 5
print(sys.getrefcount(obj))
tpl = (obj, obj)
print(sys.getrefcount(obj))
dct = {"a": obj, "b": obj}
print(sys.getrefcount(obj))
st = {obj}
print(sys.getrefcount(obj))
dct_keys = {obj: 1}
print(sys.getrefcount(obj))
del lst
print(sys.getrefcount(obj))
lst2 = [obj]
lst2 *= 3
print(sys.getrefcount(obj))
lst2.clear()
tpl = None
print(sys.getrefcount(obj))
