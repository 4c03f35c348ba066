import datetime
import decimal
import fractions

d = datetime.date(2024, 3, 9)
print(f"{d}", f"{d:%Y/%m/%d}", f"{d:%A %d %B}")
t = datetime.datetime(2024, 1, 2, 3, 4, 5)
print(f"{t:%H:%M:%S}", f"{t!r}")
print(f"{decimal.Decimal('1.10'):.3f}", f"{fractions.Fraction(3, 4)}")
print(f"{True} {None} {[1, 'a']} {(1,)}")
print(f"{-0.0} {1e100} {float('nan')} {2**64}")
print(f"{'x':>3}{1:>3}{2.5:>6}")
print(f"{123.456:g} {0.00001234:g} {1234567890:g}")
print(f"{5:=+6} {-5:=6}")
