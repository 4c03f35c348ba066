class Account:
    def __init__(self, balance):
        self.__balance = balance
        self._internal = "single underscore"

    def balance(self):
        return self.__balance

a = Account(100)
print(a.balance(), a._internal)
try:
    a.__balance
except AttributeError as e:
    print("AttributeError:", e)
print(a._Account__balance)
print(sorted(vars(a)))
class Sub(Account):
    def peek(self):
        try:
            return self.__balance
        except AttributeError as e:
            return f"AttributeError: {e}"
print(Sub(5).peek())
class X:
    __dunder__ = "not mangled"
print(X.__dunder__)
