class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, n):
        self.balance += n

a = Account()
a.deposit(5)
print(a.balance)
numbers = [3, 1, 2]
numbers.append(4)
print(numbers)
a.deposti(10)
