class Base:
    def __init__(self, **kwargs):
        print("Base init", sorted(kwargs))

class Left(Base):
    def __init__(self, left=None, **kwargs):
        print("Left init", left)
        super().__init__(**kwargs)

class Right(Base):
    def __init__(self, right=None, **kwargs):
        print("Right init", right)
        super().__init__(**kwargs)

class Both(Left, Right):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)

Both(left=1, right=2, extra=3)
class Explicit(Left):
    def __init__(self):
        super(Left, self).__init__(via="explicit")
Explicit()
class S:
    @classmethod
    def make(cls):
        return cls.__name__
class T(S):
    @classmethod
    def make(cls):
        return "T:" + super().make()
print(T.make())
