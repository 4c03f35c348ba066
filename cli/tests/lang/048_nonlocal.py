def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "inner"
    inner()
    return x

print(outer())
def levels():
    a = 1
    def l1():
        a = 2
        def l2():
            nonlocal a
            a += 10
            return a
        return l2(), a
    return l1(), a
print(levels())
def tally(words):
    counts = {}
    total = 0
    def see(w):
        nonlocal total
        counts[w] = counts.get(w, 0) + 1
        total += 1
    for w in words:
        see(w)
    return counts, total
print(tally("a b a c a".split()))
