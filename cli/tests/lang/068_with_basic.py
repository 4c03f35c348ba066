class Managed:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type)
        return False

with Managed("a") as m:
    print("inside", m.name)
print("after")
with Managed("no as"):
    print("body")
def early():
    with Managed("ret"):
        return "returned"
print(early())
for i in range(2):
    with Managed(f"loop{i}"):
        if i == 0:
            continue
        break
