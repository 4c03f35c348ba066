n = 0
total = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    total += n
print(n, total)
i = 0
while True:
    i += 1
    if i == 5:
        break
print("broke at", i)
k = 3
while k > 0:
    k -= 1
else:
    print("while else ran, k =", k)
k = 3
while k > 0:
    if k == 2:
        break
    k -= 1
else:
    print("not printed")
print("after, k =", k)
a, b = 0, 1
fibs = []
while a < 100:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
