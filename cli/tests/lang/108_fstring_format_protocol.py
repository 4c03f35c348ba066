class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        value = self.cents / 100
        if spec == "words":
            return f"{self.cents // 100} dollars and {self.cents % 100} cents"
        return f"${value:{spec or '.2f'}}"

m = Money(123456)
print(f"{m}", f"{m:,.2f}", f"{m:words}", f"{m:>12.1f}")
print(format(m, ".0f"), "{:words}".format(m), "{0:.3f}".format(m))
print(f"{True} {None} {[1, 'a']} {(1,)}")
print(f"{-0.0} {1e100} {float('nan')} {2**64}")
print(f"{'x':>3}{1:>3}{2.5:>6}")
print(f"{123.456:g} {0.00001234:g} {1234567890:g}")
print(f"{5:=+6} {-5:=6}")
try:
    f"{object():d}"
except TypeError as e:
    print("TypeError:", e)
