class Counter:
    count = 0
    items = []

    def __init__(self):
        Counter.count += 1
        self.items.append(Counter.count)

a = Counter()
b = Counter()
print(Counter.count, a.count, b.count)
print(a.items, a.items is b.items is Counter.items)
a.count = 100
print(a.count, b.count, Counter.count)
print("count" in vars(a), "count" in vars(b))
del a.count
print(a.count)
Counter.new_attr = "added later"
print(b.new_attr)
print(sorted(k for k in vars(Counter) if not k.startswith("__")))
