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

data = list(range(0, 1000, 3))
for t in (0, 3, 501, 999, 997, -1):
    print(t, binary_search(data, t))
import bisect
print(bisect.bisect_left(data, 501), bisect.bisect_right(data, 501))
sorted_list = [1, 3, 5]
bisect.insort(sorted_list, 4)
print(sorted_list)
