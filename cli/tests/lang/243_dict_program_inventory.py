inventory = {"apple": 3, "pear": 0, "kiwi": 12}

def restock(inv, item, n):
    inv[item] = inv.get(item, 0) + n

restock(inventory, "pear", 5)
restock(inventory, "plum", 2)
print(inventory)
in_stock = {k: v for k, v in inventory.items() if v > 2}
print(in_stock)
print(sorted(inventory, key=inventory.get), max(inventory.values()))
merged = inventory | {"apple": 100}
print(merged["apple"], inventory["apple"])
inventory |= {"fig": 1}
print(list(inventory)[-1], len(inventory))
best = max(inventory.items(), key=lambda kv: kv[1])
print(best, sum(inventory.values()))
groups = {}
for name, qty in inventory.items():
    groups.setdefault("many" if qty > 4 else "few", []).append(name)
print(groups)
