def chain(*iterables):
    for it in iterables:
        yield from it

def islice(iterable, stop):
    for i, v in zip(range(stop), iterable):
        yield v

def count(start=0, step=1):
    while True:
        yield start
        start += step

def accumulate(iterable):
    total = 0
    for v in iterable:
        total += v
        yield total

def pairwise(iterable):
    it = iter(iterable)
    prev = next(it, None)
    for cur in it:
        yield prev, cur
        prev = cur

def groupby(text):
    run = []
    for ch in text:
        if run and run[-1] != ch:
            yield run[0], run
            run = []
        run.append(ch)
    if run:
        yield run[0], run

print(list(chain([1, 2], (3,), "ab")), list(islice(count(10, 5), 4)))
print(list(islice(chain("ab", count()), 5)), list(accumulate([1, 2, 3, 4])))
print(list(pairwise([1, 2, 3, 4])), [(k, len(g)) for k, g in groupby("aaabccdd")])
