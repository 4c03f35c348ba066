# How list, dict and set grow: the size after each insertion, printed when it changes
import sys
def steps(make, add, n):
    obj = make()
    last = sys.getsizeof(obj)
    out = [f"0:{last}"]
    for i in range(1, n + 1):
        add(obj, i)
        size = sys.getsizeof(obj)
        if size != last:
            out.append(f"{i}:{size}")
            last = size
    return '  '.join(out)
def list_add(l, i):
    l.append(i)
def dict_add(d, i):
    d[i] = i
def set_add(s, i):
    s.add(i)
print('list:', steps(list, list_add, 100))
print('dict:', steps(dict, dict_add, 100))
print('set: ', steps(set, set_add, 100))
