rows = [("Name", "Qty", "Price"), ("apple", 3, 1.2), ("banana", 12, 0.5)]
for r in rows:
    print("{:<10}{:>5}{:>8}".format(*r))
print("-" * 23)
total = sum(q * p for _, q, p in rows[1:])
print("{:<10}{:>13.2f}".format("total", total))
print("Title Case".title(), "UPPER".capitalize(), "a b c".split(maxsplit=1))
print("tab\tsep".expandtabs(4), "x".join("123"))
print("%-10s|" % "pad", "{:-^11}".format(" mid "))
tmpl = "Hello, {who}"
print(tmpl.format(who="you"), tmpl.format_map({"who": "map"}))
print("{0:{1}}".format(3.14159, ".2"))
print("a{}b".format(""), repr("{}".format(None)))
