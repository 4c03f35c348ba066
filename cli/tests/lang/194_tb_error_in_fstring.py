items = {"apple": 3, "kiwi": 5}
name = "apple"
print(f"{name}: {items[name]}")
print(f"{len(items)=}")
for name in sorted(items):
    print(f"{name:>6}: {items[name]:03d}")
name = "pear"
print(f"{name}: {items.get(name, 0)}")
print(f"{name}: {items[name]}")
print("not reached")
