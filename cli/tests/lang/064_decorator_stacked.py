def bold(fn):
    def w():
        return "<b>" + fn() + "</b>"
    return w

def italic(fn):
    def w():
        return "<i>" + fn() + "</i>"
    return w

@bold
@italic
def text():
    return "hi"

print(text())
order = []
def mark(name):
    order.append("made " + name)
    def deco(fn):
        order.append("applied " + name)
        return fn
    return deco
@mark("outer")
@mark("inner")
def f():
    pass
print(order)
@(lambda fn: fn)
@bold
def g():
    return "g"
print(g())
