# NameError in a method where self has the name: "Did you mean: 'self.blech'?".
class C:
    def __init__(self):
        self.blech = 1

    def f(self):
        return blech

C().f()
