def todo():
    pass

class Empty:
    pass

def stub():
    ...

print(todo(), stub())
print(Empty.__name__, type(Empty()).__name__)
print(..., type(...).__name__, Ellipsis is ...)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    pass
x = [1, 2, 3]
print(x[...] if False else "skip")
while False:
    pass
print("done")
