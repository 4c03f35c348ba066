class Temperature:
    def __init__(self, kelvin):
        if kelvin < 0:
            raise ValueError(f"kelvin must be >= 0, got {kelvin}")
        self.kelvin = kelvin

    @property
    def celsius(self):
        return self.kelvn - 273.15

t = Temperature(300)
print("created", t.kelvin)
try:
    Temperature(-1)
except ValueError as e:
    print("ValueError:", e)
print(t.celsius)
