def last_three(items):
    return [items[-1], items[-2], items[-3]]

print(last_three([1, 2, 3, 4]))
matrix = [[1, 2], [3, 4]]
print(matrix[1][1])
print(matrix[-1][0], len(matrix))
row = matrix[0]
print(row[1])
print(last_three([1, 2]))
