def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps

def insort(items, value):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] <= value:
            lo = mid + 1
        else:
            hi = mid
    items.insert(lo, value)

data = list(range(0, 1000, 3))
for t in (0, 3, 501, 999, 997, -1):
    print(t, binary_search(data, t))
sorted_list = [1, 3, 5]
insort(sorted_list, 4)
insort(sorted_list, 0)
print(sorted_list)
