# The rich comparisons: reflection, NotImplemented, sorting, min/max, errors.
class Card:
    order = "23456789TJQKA"
    def __init__(self, r):
        self.r = r
    def __repr__(self):
        return "Card(%r)" % self.r
    def __lt__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return self.order.index(self.r) < self.order.index(other.r)
    def __eq__(self, other):
        return isinstance(other, Card) and self.r == other.r
    __hash__ = None

hand = [Card("K"), Card("3"), Card("A"), Card("T")]
print(sorted(hand), min(hand), max(hand))
hand.sort(reverse=True)
print(hand, Card("2") < Card("3"), Card("A") > Card("K"), Card("5") == Card("5"))
for f in (lambda: Card("2") <= Card("3"), lambda: Card("2") < 5, lambda: 5 > Card("2")):
    try: print(f())
    except TypeError as e: print("TypeError:", e)

class Trace:
    def __init__(self, n):
        self.n = n
    def __lt__(self, other):
        print(f"  {self.n}.__lt__({other.n})")
        return NotImplemented
    def __gt__(self, other):
        print(f"  {self.n}.__gt__({other.n})")
        return NotImplemented
class SubTrace(Trace):
    def __gt__(self, other):
        print(f"  sub {self.n}.__gt__({other.n})")
        return "sub wins"
print(Trace(1) < SubTrace(2))
try: Trace(1) < Trace(2)
except TypeError as e: print("TypeError:", e)
print(Trace(1) == Trace(1), Trace(1) != Trace(1))
