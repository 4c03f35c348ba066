def walk(node, depth=0):
    if node is None:
        raise LookupError(f"ran off the end at depth {depth}")
    return walk(node.get("next"), depth + 1)

chain = None
for i in range(6):
    chain = {"value": i, "next": chain}
print("walking")
walk(chain)
