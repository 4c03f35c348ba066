class InsufficientFunds(Exception):
    pass

class Account:
    interest = 0.02

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(("deposit", amount))

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner}: balance {self.balance} < {amount}")
        self.balance -= amount
        self.history.append(("withdraw", amount))

    def add_interest(self):
        self.deposit(round(self.balance * self.interest, 2))

acct = Account("ann", 100)
acct.deposit(50)
acct.withdraw(30)
acct.add_interest()
print(acct.balance, acct.history)
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("refused:", e)
print(len(acct.history), Account.interest)
