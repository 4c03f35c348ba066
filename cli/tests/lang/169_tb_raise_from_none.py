class NotFound(Exception):
    pass

def find(users, name):
    try:
        return users[name]
    except KeyError:
        raise NotFound(name) from None

users = {"ann": 1}
print(find(users, "ann"))
find(users, "bob")
