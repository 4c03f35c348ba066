import sys
def back_name():
    return sys._getframe().f_back.f_code.co_name
print(list(map(lambda _: back_name(), [0])))
print(list(map(lambda _: sys._getframe().f_back.f_code.co_name, [0])))
def keep():
    return sys._getframe()
fr = list(map(lambda _: keep(), [0]))[0]
print(fr.f_code.co_name, fr.f_back.f_code.co_name, fr.f_back.f_back.f_code.co_name)
class K:
    where = sys._getframe().f_back.f_code.co_name
print(K.where)
print(eval("sys._getframe().f_back.f_code.co_name"))
def in_eval():
    return eval("sys._getframe(1).f_code.co_name")
print(in_eval())
print(sorted(map(lambda x: sys._getframe(1).f_code.co_name + str(x), [2, 1])))
class Init:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name
def make():
    return Init().caller
print(make())
