class Deck:
    suits = "SH"
    ranks = "A23"

    def __init__(self):
        self.cards = [r + s for s in self.suits for r in self.ranks]

    def __len__(self):
        return len(self.cards)

    def __getitem__(self, i):
        return self.cards[i]

deck = Deck()
print(len(deck), deck[0], deck[-1], deck[1:3])
print("2H" in deck, "KS" in deck)
print([c for c in deck if c.startswith("A")])
print(list(reversed(deck))[:2], sorted(deck)[:3])
for i, card in enumerate(deck):
    if i > 1:
        break
    print(i, card)
