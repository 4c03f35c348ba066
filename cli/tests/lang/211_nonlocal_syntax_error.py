print("never runs: the compiler rejects the file")

def outer():
    def inner():
        nonlocal missing
        missing = 1
    inner()

outer()
print("done")
