# The built-in classes' methods reached through the class or super(): Exception.__init__,
# BaseException.__str__/__repr__ inside a user __str__, KeyError's own str, bound methods.
class Tagged(KeyError):
    def __str__(self):
        return "tagged " + KeyError.__str__(self)


class Shout(Exception):
    def __str__(self):
        return super().__str__().upper() + "!"

    def __repr__(self):
        return "Shout:" + Exception.__repr__(self)


print(Tagged("k"), str(KeyError("k")), BaseException.__str__(KeyError("k")))
s = Shout("careful", 2)
print(s, repr(s), [s], Shout("one"))
print(ValueError.__str__(ValueError(1, 2)), ValueError.__repr__(ValueError("x")))
e = ValueError("bound")
print(e.__str__(), e.__repr__(), e.__str__.__name__)
m = e.with_traceback
print(m(None) is e, ValueError.with_traceback(e, None) is e)
ValueError.add_note(e, "via the class")
print(e.__notes__)
init = Exception.__init__
init(e, "new", "args")
print(e.args, str(e))
print(type(BaseException.__new__).__name__, BaseException.__new__.__name__)
