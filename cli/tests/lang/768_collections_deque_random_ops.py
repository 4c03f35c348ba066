# collections.deque: seeded random programs of operations; contents and getsizeof after each step.
import sys
from collections import deque

seed = 12345
def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return (seed >> 8) % n
ops = "append appendleft pop popleft extend extendleft rotate insert del remove clear reverse copy iadd imul".split()
for program in range(12):
    d = deque(maxlen=None if program % 3 else 40 + program)
    trace = []
    for step in range(400):
        op = ops[rand(len(ops))] if rand(4) else ops[rand(4)]
        n = len(d)
        if op in ("append", "appendleft"):
            getattr(d, op)(step)
        elif op in ("pop", "popleft") and n:
            getattr(d, op)()
        elif op in ("extend", "extendleft"):
            getattr(d, op)(range(rand(80)))
        elif op == "rotate":
            d.rotate(rand(200) - 100)
        elif op == "insert" and (d.maxlen is None or n < d.maxlen):
            d.insert(rand(n + 3) - 1, -step)
        elif op == "del" and n:
            del d[rand(n)]
        elif op == "remove" and n:
            d.remove(d[rand(n)])
        elif op in ("clear", "reverse") and rand(8) == 0:
            getattr(d, op)()
        elif op == "copy":
            d = d.copy()
        elif op == "iadd":
            d += [step] * rand(10)
        elif op == "imul" and n < 50:
            d *= rand(3) + 1
        trace.append(sys.getsizeof(d))
    print(program, len(d), sum(d) % 1000, sum(trace), trace[-5:])
