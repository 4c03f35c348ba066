def readings(values):
    for v in values:
        yield 100 / v

def summarize(values):
    total = 0
    for r in readings(values):
        total += r
        print("running total", total)
    return total

summarize([10, 20, 0, 5])
