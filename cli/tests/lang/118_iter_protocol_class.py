class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

print(list(Countdown(3)))
for v in Countdown(2):
    print("v", v)
c = Countdown(2)
print(next(c), next(c), next(c, None))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
print(list(iter(lambda: 5, 5)))
vals = iter([1, 2, 3, 0, 4])
print(list(iter(lambda: next(vals), 0)))
