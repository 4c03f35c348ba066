def load_config(path):
    settings = {"known.ini": 1}
    try:
        return settings[path]
    except KeyError:
        print("not cached, parsing", path)
        return int(path)

print(load_config("known.ini"))
print(load_config("42"))
print(load_config("config.ini"))
